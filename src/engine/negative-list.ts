/**
 * The negative list (负面清单): event kinds that, in the last three years before the
 * evaluation date, block application, recommendation and listing (domain.md §3.2).
 */
import { join } from 'node:path';
import { Type, type Static } from 'typebox';
import { checkDataFile, DEFAULT_DATA_DIRECTORY, deepFreeze, readJsonFile } from './data-file.ts';
import { provenanceFields, provenancedSchema, TagSchema } from './provenance.ts';

export const NegativeListFileSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    version: Type.String({ minLength: 1 }),
    nameZh: Type.String({ minLength: 1 }),
    nameEn: Type.String({ minLength: 1 }),
    source: Type.String({ minLength: 1 }),
    tag: TagSchema,
    windowYears: provenancedSchema(Type.Integer({ minimum: 1, maximum: 10 })),
    kinds: Type.Array(Type.Object(
      { id: Type.String({ pattern: '^[a-z_]+$' }), nameZh: Type.String({ minLength: 1 }), nameEn: Type.String({ minLength: 1 }), ...provenanceFields },
      { additionalProperties: false },
    ), { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type NegativeList = Static<typeof NegativeListFileSchema>;

let cached: NegativeList | undefined;

/** The negative list from `frameworks/negative-list.json` (loaded once, frozen). */
export function getNegativeList(): NegativeList {
  const file = join(DEFAULT_DATA_DIRECTORY, 'negative-list.json');
  cached ??= deepFreeze(checkDataFile(NegativeListFileSchema, readJsonFile(file), file));
  return cached;
}

/**
 * The first day of the window that ends on `asOf` (inclusive): the same calendar day
 * `years` earlier; 29 February maps to 28 February so that the window never shrinks.
 */
export function windowStart(asOf: string, years: number): string {
  const year = Number(asOf.slice(0, 4)) - years;
  const monthDay = asOf.slice(5) === '02-29' ? '02-28' : asOf.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}
