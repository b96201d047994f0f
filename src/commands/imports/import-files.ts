/**
 * Where imports keep their files: uploads under `<data folder>/imports/uploads/`.
 * Job handlers receive only a Store, so the data folder is bound to the store at boot —
 * by the HTTP app when it registers the import routes, by the CLI — the way the server
 * secret is (commands/certificates/server-secret.ts); an unbound store falls back to the
 * process configuration.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../../config/env.ts';
import { AppError } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import type { SheetFormat } from './read-sheet-rows.ts';

const BOUND = new WeakMap<Store, string>();

/** Uploads above this size are refused (a national year is about 60,000 rows, some 10 MB of CSV). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export function bindImportDirectory(store: Store, dataDirectory: string): void {
  BOUND.set(store, join(dataDirectory, 'imports'));
}

export function importDirectoryOf(store: Store): string {
  const directory = BOUND.get(store) ?? join(loadConfig().dataDirectory, 'imports');
  mkdirSync(directory, { recursive: true });
  return directory;
}

export function removeQuietly(path: string): void {
  rmSync(path, { force: true });
}

export interface StoredUpload {
  path: string;
  sha256: string;
  size: number;
}

/**
 * Streams an upload to `<data folder>/imports/uploads/<sha256>.<format>`, hashing and
 * counting as it goes and refusing more than MAX_IMPORT_BYTES; the same content uploaded
 * twice lands on the same file.
 */
export async function storeUpload(store: Store, source: Readable, format: SheetFormat): Promise<StoredUpload> {
  const directory = join(importDirectoryOf(store), 'uploads');
  mkdirSync(directory, { recursive: true });
  const temporary = join(directory, `${randomBytes(8).toString('hex')}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > MAX_IMPORT_BYTES) return done(new AppError('PAYLOAD_TOO_LARGE', `the file exceeds ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it / 文件超过${MAX_IMPORT_BYTES / 1024 / 1024} MB，请拆分`, { path: 'file' }));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(temporary, { mode: 0o640 }));
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
  const sha256 = hash.digest('hex');
  const path = join(directory, `${sha256}.${format}`);
  renameSync(temporary, path);
  return { path, sha256, size };
}
