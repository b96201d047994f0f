/**
 * Reading and validating the reviewed data files under `frameworks/`. A bad file fails
 * loudly at load with the file name and the field path (AppError CONFIG, reported at boot).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TSchema, Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { AppError } from '../domain/errors.ts';
import { canonicalJson } from '../domain/canonical-json.ts';
import { pointerToPath as jsonPointerToPath } from '../domain/json-pointer.ts';

/** The repository's `frameworks/` folder (data files live beside the code, not in it). */
export const DEFAULT_DATA_DIRECTORY = fileURLToPath(new URL('../../frameworks/', import.meta.url));

/** The path style used in every error; the root is named `(root)` in data-file messages. */
export function pointerToPath(pointer: string): string {
  return pointer === '' ? '(root)' : jsonPointerToPath(pointer);
}

/** A configuration error naming the file and the field. */
export function dataFileError(file: string, path: string, reason: string): AppError {
  return new AppError('CONFIG', `${file}: ${path}: ${reason}`, { path, details: { file } });
}

/** Parses a JSON data file; throws CONFIG naming the file when it is missing or not JSON. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new AppError('CONFIG', `${file}: cannot be read`, { cause, details: { file } });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new AppError('CONFIG', `${file}: not valid JSON (${(cause as Error).message})`, { cause, details: { file } });
  }
}

/** Checks `value` against `schema`; throws CONFIG with the first offending field path. */
export function checkDataFile<Schema extends TSchema>(schema: Schema, value: unknown, file: string, prefix = ''): Static<Schema> {
  const validator = Compile(schema);
  if (validator.Check(value)) return value as Static<Schema>;
  const errors = [...validator.Errors(value)];
  // The deepest error is the most specific one (anyOf reports its branches, then itself).
  const first = errors.reduce((best, error) =>
    error.instancePath.length > best.instancePath.length ? error : best, errors[0]!);
  const extra = first.keyword === 'additionalProperties'
    ? ` (${JSON.stringify((first.params as { additionalProperties?: unknown }).additionalProperties)})` : '';
  const path = pointerToPath(first.instancePath);
  throw dataFileError(file, prefix === '' ? path : path === '(root)' ? prefix : `${prefix}${path.startsWith('[') ? '' : '.'}${path}`, `${first.message}${extra}`);
}

export { canonicalJson };

/** `sha256:<hex>` of the canonical JSON: what a batch pins next to the version id. */
export function contentHash(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}

/** Freezes a parsed data file all the way down: loaded data is never edited in place. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
