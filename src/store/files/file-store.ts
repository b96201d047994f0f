/**
 * Uploaded files: bytes in an object store (the data directory by default, an
 * S3-compatible bucket when configured), addressed by their SHA-256
 * (`files/ab/cd/abcd…`), and one `files` row per upload. The bytes are stored before
 * the row's transaction commits, so a row never points at a missing object; a rolled-back
 * upload leaves at most an unreferenced object, which the same content reuses.
 */
import { createHash } from 'node:crypto';
import type { Config } from '../../config/env.ts';
import { now, type Executor } from '../store.ts';
import type { Row } from '../schema.ts';
import { createDiskObjectStore } from './disk-object-store.ts';
import type { ObjectStore } from './object-store.ts';
import { createS3ObjectStore } from './s3-object-store.ts';

export interface FileStore {
  /** Stores the bytes (once per content) and records one `files` row in `trx`. */
  save(trx: Executor, file: { bytes: Uint8Array; originalName: string; mediaType: string; enterpriseId: number | null }): Promise<Row<'files'>>;
  /** The bytes of a stored file; AppError NOT_FOUND when the object is missing. */
  read(storageKey: string): Promise<Buffer>;
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

export function createFileStore(objects: ObjectStore): FileStore {
  return {
    async save(trx, file) {
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      const storageKey = storageKeyOf(sha256);
      if (!(await objects.exists(storageKey))) await objects.put(storageKey, file.bytes, file.mediaType);
      return trx
        .insertInto('files')
        .values({ enterprise_id: file.enterpriseId, sha256, original_name: cleanFileName(file.originalName), media_type: file.mediaType, size: file.bytes.byteLength, storage_key: storageKey, created_at: now() })
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    read(storageKey) {
      return objects.get(storageKey);
    },
  };
}

/** The app's file store: the configured bucket, or the local data directory when none is. */
export function fileStoreFor(config: Pick<Config, 'dataDirectory' | 's3'>): FileStore {
  return createFileStore(config.s3 === undefined ? createDiskObjectStore(config.dataDirectory) : createS3ObjectStore(config.s3));
}
