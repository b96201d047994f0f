import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gradeCohort } from './green-code-grades.ts';
import { percentiles } from './percentiles.ts';

const cohort = (scores: (number | null)[]) => scores.map((score, index) => ({ id: `f${index + 1}`, score }));

test('企业绿码: 100 distinct scores give 5 A+, 35 A and 60 B', () => {
  const result = gradeCohort(cohort(Array.from({ length: 100 }, (_, index) => 100 - index)));
  assert.deepEqual(result.counts.map(({ grade, count }) => [grade, count]), [['A+', 5], ['A', 35], ['B', 60]]);
  // rank 5 (score 96): 5 × 100 ≤ 100 × 5 → A+; rank 6: 600 > 500 → A; rank 40 → A; rank 41 → B
  assert.equal(result.rows[4]!.grade, 'A+');
  assert.equal(result.rows[5]!.grade, 'A');
  assert.equal(result.rows[39]!.grade, 'A');
  assert.equal(result.rows[40]!.grade, 'B');
});

test('企业绿码 cut-offs with ties: a tie group is never split and goes to the better grade', () => {
  // N = 20: A+ needs rank r ≤ 20 × 5 % = 1; A needs r ≤ 20 × 40 % = 8.
  // scores 99, 99 (rank 1, 1) → both A+ (one over the quota of 1);
  // 90 … 85 take ranks 3–8 → A; 80 at rank 9 twice → B.
  const scores = [99, 99, 90, 89, 88, 87, 86, 85, 80, 80, 70, 69, 68, 67, 66, 65, 64, 63, 62, 61];
  const result = gradeCohort(cohort(scores));
  assert.deepEqual(result.rows.map((row) => row.grade).slice(0, 10), ['A+', 'A+', 'A', 'A', 'A', 'A', 'A', 'A', 'B', 'B']);
  assert.deepEqual(result.counts.find((count) => count.grade === 'A+'), { grade: 'A+', count: 2, quota: 1, overQuota: 1 });
  // A tie straddling the A/B cut-off: positions 8 and 9 both score 85 → both rank 8 → both A.
  const straddle = [...scores.slice(0, 7), 85, 85, ...scores.slice(9)];
  const graded = gradeCohort(cohort(straddle)).rows;
  assert.equal(graded[7]!.rank, 8);
  assert.equal(graded[8]!.rank, 8);
  assert.equal(graded[8]!.grade, 'A');
  assert.equal(graded[9]!.grade, 'B');
});

test('企业绿码: vetoed rows (no score) get no grade and do not count in N; small cohorts', () => {
  // N = 3 scored: A+ needs r ≤ 0.15 (none); A needs r ≤ 1.2 → rank 1 only.
  const result = gradeCohort(cohort([50, null, 70, 60]));
  assert.equal(result.cohortSize, 3);
  assert.deepEqual(result.rows.map((row) => row.grade), ['B', null, 'A', 'B']);
});

test('percentile ranks within industry and year: (below + ½ equal) ÷ n', () => {
  // C26/2024 energyTce values 10, 20, 20, 40: for 10 → (0 + ½·1)/4 = 12.5; for 20 → (1 + ½·2)/4 = 50;
  // for 40 → (3 + ½)/4 = 87.5. C26/2023 has one row → 50. A null stays null and is not a peer.
  const rows = [
    { id: 'a', industry: 'C26', year: 2024, kpis: { energyTce: 20, waterReuseRate: null } },
    { id: 'b', industry: 'C26', year: 2024, kpis: { energyTce: 10, waterReuseRate: 80 } },
    { id: 'c', industry: 'C26', year: 2024, kpis: { energyTce: 40, waterReuseRate: 90 } },
    { id: 'd', industry: 'C26', year: 2024, kpis: { energyTce: 20, waterReuseRate: 85 } },
    { id: 'e', industry: 'C26', year: 2023, kpis: { energyTce: 500, waterReuseRate: null } },
  ];
  const result = percentiles(rows);
  assert.deepEqual(result.map((row) => row.percentiles.energyTce), [50, 12.5, 87.5, 50, 50]);
  // waterReuseRate peers: 80, 85, 90 → 16.67 (1/6 × 100), 83.33, 50
  assert.equal(result[0]!.percentiles.waterReuseRate, null);
  assert.equal(result[1]!.percentiles.waterReuseRate, 100 / 6);
  assert.equal(result[3]!.percentiles.waterReuseRate, 50);
  assert.equal(result[0]!.peers.waterReuseRate, 3);
});
