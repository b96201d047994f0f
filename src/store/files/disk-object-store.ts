/**
 * Objects as files under a directory (`<directory>/<key>`). A put writes a temporary file
 * and renames it into place, so a reader or a crash never leaves a partly written object.
 */
import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import type { ObjectStore } from './object-store.ts';

export function createDiskObjectStore(directory: string): ObjectStore {
  return {
    async put(key, bytes) {
      const path = join(directory, key);
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temporary, bytes, { mode: 0o640 });
      await rename(temporary, path);
    },
    async get(key) {
      try {
        return await readFile(join(directory, key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', `file ${key} not found under ${directory}`);
        throw error;
      }
    },
    async exists(key) {
      return access(join(directory, key)).then(() => true, () => false);
    },
  };
}
