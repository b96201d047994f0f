/**
 * 企业绿码 grades across a cohort: A+ the top 5 %, A the next 35 %, B the remaining 60 %
 * (domain.md §1.2 [3P]; shares from `frameworks/green-code-grades.json`).
 *
 * Tie rule: a factory's competition rank r is 1 + the number of factories with a strictly
 * higher score, and it takes the first grade whose cumulative share s has r ≤ N × s / 100.
 * Equal scores share one rank, so a tie group is never split and a tie group straddling a
 * cut-off goes to the better grade. Why the better grade: the grade is a public label of
 * a factory's own performance; two factories with the same score must not get different
 * labels, and demoting a whole tie group would punish factories for a neighbour's score.
 * The cost is that a grade may hold slightly more than its share when ties straddle a
 * cut-off (reported in `overQuota`). Rows without a score (vetoed) get no grade and do not
 * count in N.
 */
import { join } from 'node:path';
import { Type, type Static } from 'typebox';
import { invalid } from '../domain/errors.ts';
import { checkDataFile, DEFAULT_DATA_DIRECTORY, deepFreeze, readJsonFile } from './data-file.ts';
import { provenancedSchema, TagSchema } from './provenance.ts';

export const GreenCodeGradesFileSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    version: Type.String({ minLength: 1 }),
    nameZh: Type.String({ minLength: 1 }),
    nameEn: Type.String({ minLength: 1 }),
    source: Type.String({ minLength: 1 }),
    tag: TagSchema,
    rule: Type.String({ minLength: 1 }),
    grades: Type.Array(Type.Object(
      { grade: Type.String({ minLength: 1 }), cumulativeSharePercent: provenancedSchema(Type.Number({ exclusiveMinimum: 0, maximum: 100 })) },
      { additionalProperties: false },
    ), { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type GreenCodeGrades = Static<typeof GreenCodeGradesFileSchema>;

let cached: GreenCodeGrades | undefined;

export function getGreenCodeGrades(): GreenCodeGrades {
  const file = join(DEFAULT_DATA_DIRECTORY, 'green-code-grades.json');
  cached ??= deepFreeze(checkDataFile(GreenCodeGradesFileSchema, readJsonFile(file), file));
  return cached;
}

export interface GradedRow {
  readonly id: string;
  readonly score: number | null;
  /** Competition rank (1 = best; ties share the rank); null without a score. */
  readonly rank: number | null;
  readonly grade: string | null;
}

export interface CohortGrades {
  readonly rows: readonly GradedRow[];
  readonly cohortSize: number;
  /** Per grade: how many factories got it and how many the share alone would allow. */
  readonly counts: readonly { grade: string; count: number; quota: number; overQuota: number }[];
}

/** Grades a cohort of scored factories (企业绿码). Input order is kept in the output. */
export function gradeCohort(rows: readonly { id: string; score: number | null }[], grades: GreenCodeGrades = getGreenCodeGrades()): CohortGrades {
  rows.forEach((row, index) => {
    if (row.score !== null && (typeof row.score !== 'number' || !Number.isFinite(row.score))) throw invalid(`rows[${index}].score`, 'must be a finite number or null');
  });
  const scores = rows.map((row) => row.score).filter((value): value is number => value !== null).sort((a, b) => b - a);
  const size = scores.length;
  const bands = [...grades.grades].sort((a, b) => a.cumulativeSharePercent.value - b.cumulativeSharePercent.value);
  const strictlyHigher = (value: number): number => {
    let low = 0;
    let high = scores.length;
    while (low < high) { const middle = (low + high) >>> 1; if (scores[middle]! > value) low = middle + 1; else high = middle; }
    return low;
  };
  const graded = rows.map((row): GradedRow => {
    if (row.score === null) return { id: row.id, score: null, rank: null, grade: null };
    const rank = strictlyHigher(row.score) + 1;
    // r ≤ N × s / 100, compared as r × 100 ≤ N × s to stay exact for whole-number shares.
    const band = bands.find((candidate) => rank * 100 <= size * candidate.cumulativeSharePercent.value) ?? bands[bands.length - 1]!;
    return { id: row.id, score: row.score, rank, grade: band.grade };
  });
  let previousShare = 0;
  const counts = bands.map((band) => {
    const quota = Math.floor((size * (band.cumulativeSharePercent.value - previousShare)) / 100);
    previousShare = band.cumulativeSharePercent.value;
    const count = graded.filter((row) => row.grade === band.grade).length;
    return { grade: band.grade, count, quota, overQuota: Math.max(0, count - quota) };
  });
  return { rows: graded, cohortSize: size, counts };
}
