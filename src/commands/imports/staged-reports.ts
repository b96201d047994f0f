/**
 * The staging file between the check and the apply pass: one line per report to file,
 * `reportId TAB entryId TAB enterpriseId TAB year TAB dueOn TAB document-json`. JSON
 * escapes tabs and line breaks inside strings, so a line splits on its first five tabs.
 * It lives under the data folder and only for one run: a run that dies leaves it behind,
 * and the next run of the same import writes it afresh.
 */
import { createReadStream } from 'node:fs';
import type { ReportTarget } from './dynamic-report-targets.ts';

export interface StagedReport extends ReportTarget {
  /** AnnualData v1 as JSON text, exactly as it will be stored. */
  document: string;
}

export function stagedLine(target: ReportTarget, documentJson: string): string {
  return `${target.reportId}\t${target.entryId}\t${target.enterpriseId}\t${target.year}\t${target.dueOn}\t${documentJson}\n`;
}

function parseLine(line: string): StagedReport {
  const cut: number[] = [];
  let from = 0;
  for (let k = 0; k < 5; k++) {
    const tab = line.indexOf('\t', from);
    if (tab < 0) throw new Error(`staged report line is malformed: ${line.slice(0, 60)}`);
    cut.push(tab);
    from = tab + 1;
  }
  return {
    reportId: Number(line.slice(0, cut[0])),
    entryId: Number(line.slice(cut[0]! + 1, cut[1])),
    enterpriseId: Number(line.slice(cut[1]! + 1, cut[2])),
    year: Number(line.slice(cut[2]! + 1, cut[3])),
    dueOn: line.slice(cut[3]! + 1, cut[4]),
    document: line.slice(cut[4]! + 1),
  };
}

/** The staged reports in batches of `size`, streaming. */
export async function* readStagedReports(path: string, size: number): AsyncGenerator<StagedReport[]> {
  let rest = '';
  let batch: StagedReport[] = [];
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let end = text.indexOf('\n', start); end >= 0; end = text.indexOf('\n', start)) {
      batch.push(parseLine(text.slice(start, end)));
      start = end + 1;
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    rest = text.slice(start);
  }
  if (rest !== '') batch.push(parseLine(rest));
  if (batch.length > 0) yield batch;
}
