import { AppError } from '../errors.ts';

/** Provenance tag: V a source says so, 3P only a secondary compilation, U unverified. */
export type ProvenanceTag = 'V' | '3P' | 'U';

/** The shape of every file under reference/: provenance first, then the items. */
export interface ReferenceFile<Item> {
  readonly source: string;
  readonly edition: string;
  readonly tag: ProvenanceTag;
  readonly retrieved?: string;
  readonly notes?: readonly string[];
  readonly items: readonly Item[];
}

type Fields = Record<string, unknown>;

/** Field checks for one item; each returns the checked value or throws through `fail`. */
export class ItemReader {
  constructor(
    private readonly fileName: string,
    private readonly index: number,
    private readonly fields: Fields,
  ) {}

  fail(field: string, reason: string): never {
    throw new AppError('CONFIG', `reference/${this.fileName}: items[${this.index}].${field} ${reason}`);
  }

  string(field: string, pattern?: RegExp): string {
    const value = this.fields[field];
    if (typeof value !== 'string' || value.length === 0) this.fail(field, 'must be a non-empty string');
    if (pattern && !pattern.test(value)) this.fail(field, `must match ${pattern}`);
    return value;
  }

  optionalString(field: string): string | undefined {
    return this.fields[field] === undefined ? undefined : this.string(field);
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const value = this.fields[field];
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(field, `must be one of ${allowed.join(', ')}`);
    }
    return value as T;
  }

  boolean(field: string): boolean {
    const value = this.fields[field];
    if (typeof value !== 'boolean') this.fail(field, 'must be a boolean');
    return value;
  }

  stringPair(field: string, pattern: RegExp): readonly [string, string] {
    const value = this.fields[field];
    if (!Array.isArray(value) || value.length !== 2) this.fail(field, 'must be a pair');
    const [first, second] = value as unknown[];
    if (typeof first !== 'string' || typeof second !== 'string' || !pattern.test(first) || !pattern.test(second)) {
      this.fail(field, `must hold two strings matching ${pattern}`);
    }
    return [first, second];
  }
}

export const PROVENANCE_TAGS: readonly ProvenanceTag[] = ['V', '3P', 'U'];

/**
 * Checks a parsed reference file and maps each item through `readItem`; any defect is a
 * CONFIG error naming the file and the field, raised when the module loads (at boot).
 */
export function readReferenceFile<Item>(
  fileName: string,
  raw: unknown,
  readItem: (reader: ItemReader) => Item,
  options: { itemsField?: string } = {},
): ReferenceFile<Item> {
  const itemsField = options.itemsField ?? 'items';
  const fail = (reason: string): never => {
    throw new AppError('CONFIG', `reference/${fileName}: ${reason}`);
  };
  if (typeof raw !== 'object' || raw === null) return fail('is not an object');
  const document = raw as Fields;
  for (const field of ['source', 'edition']) {
    if (typeof document[field] !== 'string' || document[field] === '') fail(`${field} must be a non-empty string`);
  }
  if (!PROVENANCE_TAGS.includes(document.tag as ProvenanceTag)) fail(`tag must be one of ${PROVENANCE_TAGS.join(', ')}`);
  const rawItems = document[itemsField];
  if (!Array.isArray(rawItems) || rawItems.length === 0) return fail(`${itemsField} must be a non-empty array`);
  const items = rawItems.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null) fail(`${itemsField}[${index}] is not an object`);
    return readItem(new ItemReader(fileName, index, item as Fields));
  });
  const notes = Array.isArray(document.notes) ? document.notes.filter((n): n is string => typeof n === 'string') : undefined;
  return {
    source: document.source as string,
    edition: document.edition as string,
    tag: document.tag as ProvenanceTag,
    ...(typeof document.retrieved === 'string' ? { retrieved: document.retrieved } : {}),
    ...(notes ? { notes } : {}),
    items,
  };
}

/** Index items by a key, refusing duplicates (a duplicated code is a data error). */
export function indexBy<Item>(fileName: string, items: readonly Item[], keyOf: (item: Item) => string): Map<string, Item> {
  const index = new Map<string, Item>();
  for (const item of items) {
    const key = keyOf(item);
    if (index.has(key)) throw new AppError('CONFIG', `reference/${fileName}: duplicate code ${key}`);
    index.set(key, item);
  }
  return index;
}
