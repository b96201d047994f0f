import { test } from 'node:test';
import assert from 'node:assert/strict';
import { threeFirstSummary } from './three-first-summary.ts';

test('one year of the register summed up for safety, environment and quality', () => {
  const summary = threeFirstSummary({
    year: 2025,
    hazards: [
      { foundOn: '2025-03-02', grade: 'general', deadline: '2025-03-20', closedOn: '2025-03-18' },
      { foundOn: '2025-11-20', grade: 'major', deadline: '2025-12-20', closedOn: '2026-01-05' },
      { foundOn: '2024-12-28', grade: 'general', deadline: '2025-01-10', closedOn: '2025-01-12' },
    ],
    leaks: [
      { detectedOn: '2025-03-10', repairDue: '2025-03-25', repairedOn: '2025-03-20' },
      { detectedOn: '2025-06-10', repairDue: '2025-06-25', repairedOn: '2025-06-27' },
      { detectedOn: '2025-12-24', repairDue: '2026-01-08', repairedOn: null },
    ],
    rounds: [{ completedOn: '2025-03-12', readings: 400 }, { completedOn: '2025-06-12', readings: 402 }, { completedOn: '2024-12-12', readings: 398 }],
    violations: [{ decidedOn: '2025-08-01', domain: 'environment', penaltyYuan: 50000, correctedOn: '2025-09-01' }],
    monitoring: { results: 730, exceedances: [{ sampledOn: '2025-05-04', explained: true }, { sampledOn: '2024-05-04', explained: true }] },
    accidents: [{ occurredOn: '2025-07-01', category: 'safety', grade: 'larger', negativeListUntil: null }],
  });
  // Hazards found in 2025: two (the 2024-12-28 one is last year's). Closed in 2025: the
  // 03-18 one (on time) and the 2024 one on 01-12 (late). Open at year end: the major one.
  assert.deepEqual(summary.safety, { hazardsFound: 2, majorHazards: 1, hazardsClosed: 2, hazardsClosedOnTime: 1, hazardsOpenAtYearEnd: 1, violations: 0, accidents: { general: 0, larger: 1, major: 0, especially_major: 0 } });
  assert.equal(summary.environment.ldarRounds, 2);
  assert.equal(summary.environment.readings, 802);
  assert.deepEqual([summary.environment.leaksFound, summary.environment.leaksRepairedOnTime, summary.environment.leaksRepairedLate, summary.environment.leaksOpenAtYearEnd], [3, 1, 1, 1]);
  assert.deepEqual([summary.environment.exceedances, summary.environment.exceedancesExplained, summary.environment.violations, summary.environment.penaltiesYuan], [1, 1, 1, 50000]);
  assert.equal(summary.negativeListUntil, null, 'a 较大 accident does not negative-list');
});

test('a negative-listing accident shows at the end of every year it covers', () => {
  const accidents = [{ occurredOn: '2024-06-15', category: 'safety' as const, grade: 'major' as const, negativeListUntil: '2027-06-15' }];
  const empty = { hazards: [], leaks: [], rounds: [], violations: [], monitoring: { results: 0, exceedances: [] }, accidents };
  assert.equal(threeFirstSummary({ year: 2026, ...empty }).negativeListUntil, '2027-06-15');
  assert.equal(threeFirstSummary({ year: 2027, ...empty }).negativeListUntil, null, 'over by 2027-12-31');
  assert.equal(threeFirstSummary({ year: 2024, ...empty }).safety.accidents.major, 1);
});
