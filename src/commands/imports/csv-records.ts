/**
 * A streaming CSV reader (RFC 4180: comma-separated, double-quoted fields with "" for a
 * quote, fields may hold commas and line breaks; CRLF or LF; a leading UTF-8 BOM is
 * dropped). Written for bulk imports: a line without a quote is split with one
 * `indexOf` scan, and only lines that hold a quote go through the character-by-character
 * state machine — a quarter of csv-parse's cost per row on the dynamic-report files
 * (bench/import.ts). Its output is checked against csv-parse in csv-records.test.ts.
 */
import { invalid } from '../../domain/errors.ts';

interface QuotedRecord {
  fields: string[];
  /** Index just past the record's line break. */
  next: number;
  /** Line breaks the record spans (inside quotes and its own). */
  lines: number;
}

/**
 * Parses one record starting at `start`, quotes allowed. Returns null when `text` ends
 * before the record does (more input is needed).
 */
function quotedRecord(text: string, start: number, line: number): QuotedRecord | null {
  const fields: string[] = [];
  let field = '';
  let i = start;
  let lines = 0;
  const length = text.length;
  for (;;) {
    if (i >= length) return null;
    if (text.charCodeAt(i) === 34 /* " */) {
      // a quoted field: up to the closing quote, "" standing for one quote
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote === -1) return null;
        field += text.slice(i, quote);
        for (let k = i; k < quote; k++) if (text.charCodeAt(k) === 10) lines++;
        if (quote + 1 >= length) return null;
        if (text.charCodeAt(quote + 1) === 34) {
          field += '"';
          i = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      const after = text.charCodeAt(i);
      if (i < length && after !== 44 && after !== 10 && after !== 13) throw invalid('file', `line ${line + lines}: a quoted field must end at a comma or the end of the line / 第${line + lines}行：引号字段后须为逗号或行尾`);
    } else {
      // an unquoted field: up to the next comma or line break (a quote inside is literal)
      let end = i;
      while (end < length) {
        const c = text.charCodeAt(end);
        if (c === 44 || c === 10) break;
        end++;
      }
      if (end >= length) return null;
      field += text.charCodeAt(end - 1) === 13 && text.charCodeAt(end) === 10 && end > i ? text.slice(i, end - 1) : text.slice(i, end);
      i = end;
    }
    if (i >= length) return null;
    if (text.charCodeAt(i) === 13) {
      // CRLF: wait for the LF when the text ends between the two
      if (i + 1 >= length) return null;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
    if (text.charCodeAt(i) === 44 /* , */) {
      fields.push(field);
      field = '';
      i++;
      continue;
    }
    // a line break ends the record
    fields.push(field);
    return { fields, next: i + 1, lines: lines + 1 };
  }
}

export interface CsvRecord {
  /** The line the record starts on (1-based). */
  line: number;
  fields: string[];
}

/** The records of a CSV text stream (chunks of decoded text), in order. */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let pending = '';
  let first = true;
  let line = 1;
  for await (const chunk of chunks) {
    let text = pending === '' ? chunk : pending + chunk;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let position = 0;
    // The next quote at or after `position`, searched again only once passed (a file
    // without quotes would otherwise be scanned to the end of the chunk for every line).
    let quote = text.indexOf('"');
    for (;;) {
      const newline = text.indexOf('\n', position);
      if (newline === -1) break;
      if (quote !== -1 && quote < position) quote = text.indexOf('"', position);
      if (quote === -1 || quote > newline) {
        const end = newline > position && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
        yield { line, fields: text.slice(position, end).split(',') };
        position = newline + 1;
        line++;
        continue;
      }
      const record = quotedRecord(text, position, line);
      if (record === null) break;
      yield { line, fields: record.fields };
      position = record.next;
      line += record.lines;
    }
    pending = text.slice(position);
  }
  if (first && pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
  if (pending !== '') {
    // the last record has no line break after it
    const record = quotedRecord(pending + '\n', 0, line);
    if (record === null) throw invalid('file', `line ${line}: a quoted field is not closed / 第${line}行：引号未闭合`);
    yield { line, fields: record.fields };
  }
}
