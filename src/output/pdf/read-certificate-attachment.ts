/**
 * Reads an embedded file back out of a PDF, offline, with no PDF library: enough of the
 * PDF object syntax (ISO 32000-1 §7.3, §7.11.4) for the files greenlist writes — the
 * file specification names the attachment, its /EF entry points at the stream object,
 * and the stream is stored plain or FlateDecode-compressed. A PDF re-saved by another
 * tool into compressed object streams is not read; export the attachment from a PDF
 * reader instead and verify the JSON.
 */
import { inflateSync } from 'node:zlib';
import { AppError } from '../../domain/errors.ts';
import { CERTIFICATE_ATTACHMENT } from '../../domain/certificates/certificate-document.ts';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function objectBody(text: string, number: string, generation: string): { dictionary: string; streamStart: number } | undefined {
  const header = new RegExp(`(?:^|[\\r\\n\\s])${number}\\s+${generation}\\s+obj\\b`, 'g');
  const match = header.exec(text);
  if (match === null) return undefined;
  const from = match.index + match[0].length;
  const stream = /stream(\r\n|\n)/g;
  stream.lastIndex = from;
  const found = stream.exec(text);
  if (found === null) return undefined;
  return { dictionary: text.slice(from, found.index), streamStart: found.index + found[0].length };
}

/** The bytes of the attachment called `name`, or undefined when the PDF has none by that name. */
export function readPdfAttachment(pdf: Uint8Array, name: string): Buffer | undefined {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'not a PDF file / 不是 PDF 文件');
  const text = bytes.toString('latin1');
  const spec = new RegExp(`/F\\s*\\(${escapeRegExp(name)}\\)[\\s\\S]{0,400}?/EF\\s*<<\\s*/F\\s+(\\d+)\\s+(\\d+)\\s+R`).exec(text);
  if (spec === null) return undefined;
  const body = objectBody(text, spec[1]!, spec[2]!);
  if (body === undefined) return undefined;
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(body.dictionary);
  if (length === null) return undefined;
  const raw = bytes.subarray(body.streamStart, body.streamStart + Number(length[1]));
  return /\/Filter\s*\/FlateDecode/.test(body.dictionary) ? inflateSync(raw) : Buffer.from(raw);
}

/** The signed certificate JSON a greenlist PDF carries; throws when it carries none. */
export function readCertificateAttachment(pdf: Uint8Array): unknown {
  const attachment = readPdfAttachment(pdf, CERTIFICATE_ATTACHMENT);
  if (attachment === undefined) throw new AppError('VALIDATION', `the PDF carries no ${CERTIFICATE_ATTACHMENT} attachment / PDF 中没有证书签名数据附件`, { path: 'file' });
  try {
    return JSON.parse(attachment.toString('utf8')) as unknown;
  } catch {
    throw new AppError('VALIDATION', `the ${CERTIFICATE_ATTACHMENT} attachment is not JSON / 附件不是 JSON`, { path: 'file' });
  }
}
