/**
 * `npx greenlist verify-certificate <file.pdf|file.json> [--keys <url-or-file>] [--json]`:
 * checks a certificate's signature offline. A PDF is read for its attachment
 * greenlist-certificate.json; the key set comes from --keys (a downloaded
 * greenlist-keys.json: no network at all) or else from the URL the certificate names,
 * which the output then says. Exit 0 when the signature verifies, 5 when it does not.
 * The live status (removed, revoked, renamed) needs the registry: the output gives its URL.
 */
import { readFile } from 'node:fs/promises';
import { parseCertificateDocument, verifyCertificateSignature, type CertificateDocument, type SignatureCheck } from '../../domain/certificates/certificate-document.ts';
import { parsePublishedKeySet, type PublishedKeySet } from '../../domain/certificates/published-keys.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { readCertificateAttachment } from '../../output/pdf/read-certificate-attachment.ts';
import { optionString } from '../arguments.ts';
import type { CliCommand } from './command.ts';

export interface FileVerification {
  document: CertificateDocument;
  check: SignatureCheck;
  /** Where the key set was read from. */
  keySource: string;
  /** True when the key set came from the certificate's own link rather than --keys. */
  keysNamedByCertificate: boolean;
}

async function readJson(source: string): Promise<unknown> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source, { signal: AbortSignal.timeout(15_000), headers: { accept: 'application/json' } });
    if (!response.ok) throw new AppError('NOT_FOUND', `${source} answered HTTP ${response.status}`);
    return response.json();
  }
  try {
    return JSON.parse(await readFile(source, 'utf8')) as unknown;
  } catch (error) {
    throw new AppError('VALIDATION', `cannot read JSON from ${source}: ${error instanceof Error ? error.message : String(error)}`, { path: source });
  }
}

/** Reads a certificate file (PDF or JSON) and checks its signature against a key set; no store, no server. */
export async function verifyCertificateFile(path: string, options: { keys?: string } = {}): Promise<FileVerification> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new AppError('NOT_FOUND', `no file at ${path}`);
  }
  const raw = bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? readCertificateAttachment(bytes) : await readJson(path);
  const document = parseCertificateDocument(raw);
  const keySource = options.keys ?? document.links?.keys;
  if (keySource === undefined) throw invalid('--keys', 'the certificate names no key set: pass --keys <greenlist-keys.json file or URL>');
  const keySet: PublishedKeySet = parsePublishedKeySet(await readJson(keySource));
  return { document, check: verifyCertificateSignature(document, keySet.keys), keySource, keysNamedByCertificate: options.keys === undefined };
}

const FAILURES: Record<string, string> = {
  'unknown-key': 'no key in the key set has this id',
  'key-mismatch': 'the key does not belong to the issuing authority named in the certificate',
  'issued-after-key-retired': 'the certificate is dated after its key was retired',
  'bad-signature': 'the certificate data or its signature was altered',
};

function report(result: FileVerification): string {
  const { payload, signature } = result.document;
  const lines = [
    `certificate  ${payload.number}`,
    `enterprise   ${payload.enterprise.nameZh}${payload.enterprise.nameEn ? ` / ${payload.enterprise.nameEn}` : ''} (${payload.enterprise.creditCode})`,
    `list         ${payload.batch.nameZh} (${payload.tier}), issued ${payload.issuedOn} by ${payload.issuer.nameZh}`,
    `key          ${signature.keyId}${result.check.key ? ` (${result.check.key.status})` : ''} from ${result.keySource}${result.keysNamedByCertificate ? ' — named by the certificate itself; pass --keys to use a key set you trust' : ''}`,
    result.check.valid ? 'signature    VALID: signed by the issuing authority, not altered' : `signature    INVALID: ${FAILURES[result.check.reason] ?? result.check.reason}`,
  ];
  if (result.document.links) lines.push(`live status  not checked offline; removal and revocation show at ${result.document.links.verify.split('?')[0]}`);
  return lines.join('\n');
}

export const verifyCertificateCommand: CliCommand = {
  name: 'verify-certificate',
  usage: 'verify-certificate <file.pdf|file.json> [--keys <url-or-file>] [--json]',
  summary: 'check a certificate’s Ed25519 signature offline against the published keys',
  async run(args) {
    const path = args.positionals[0];
    if (path === undefined) throw invalid('file', 'usage: greenlist verify-certificate <file.pdf|file.json> [--keys <url-or-file>]');
    const keys = optionString(args, 'keys');
    const result = await verifyCertificateFile(path, keys === undefined ? {} : { keys });
    if (args.options.json) console.log(JSON.stringify({ valid: result.check.valid, failure: result.check.valid ? null : result.check.reason, keyId: result.document.signature.keyId, keySource: result.keySource, payload: result.document.payload }, null, 2));
    else console.log(report(result));
    return result.check.valid ? 0 : 5;
  },
};
