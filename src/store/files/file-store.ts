/**
 * Uploaded files: bytes under the data directory, addressed by their SHA-256
 * (`files/ab/cd/abcd…`), and one `files` row per upload. The bytes are written before
 * the row's transaction commits, so a row never points at a missing file; a rolled-back
 * upload leaves at most an unreferenced file, which the same content reuses.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { now, type Executor } from '../store.ts';
import type { Row } from '../schema.ts';

export interface FileStore {
  /** Writes the bytes (once per content) and records one `files` row in `trx`. */
  save(trx: Executor, file: { bytes: Uint8Array; originalName: string; mediaType: string; enterpriseId: number | null }): Promise<Row<'files'>>;
  read(storageKey: string): Buffer;
}

export function storageKeyOf(sha256: string): string {
  return `files/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** A name safe to keep and show: no path, no control characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 120);
  return cleaned === '' ? 'file' : cleaned;
}

export function createFileStore(dataDirectory: string): FileStore {
  return {
    async save(trx, file) {
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      const storageKey = storageKeyOf(sha256);
      const path = join(dataDirectory, storageKey);
      if (!existsSync(path)) {
        mkdirSync(dirname(path), { recursive: true });
        const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
        writeFileSync(temporary, file.bytes, { mode: 0o640 });
        renameSync(temporary, path);
      }
      return trx
        .insertInto('files')
        .values({ enterprise_id: file.enterpriseId, sha256, original_name: cleanFileName(file.originalName), media_type: file.mediaType, size: file.bytes.byteLength, storage_key: storageKey, created_at: now() })
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    read(storageKey) {
      return readFileSync(join(dataDirectory, storageKey));
    },
  };
}
