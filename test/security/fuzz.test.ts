/**
 * The fuzzing run of the test suite, on both databases: every input surface of
 * fuzz-surfaces.ts with a few hundred seeded cases each (GREENLIST_FUZZ_RUNS to change;
 * the seed is printed with any failure, so a failure replays). `npm run bench -- fuzz`
 * runs 100,000 cases in all.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/stores.ts';
import { fuzzSurface, openFuzzContext, SURFACES, type FuzzContext } from './fuzz-surfaces.ts';

const RUNS = Number(process.env.GREENLIST_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.GREENLIST_FUZZ_SEED ?? 20261130);

for (const dialect of DIALECTS) {
  describe(`fuzzing every input surface on ${dialect.name}`, { skip: dialect.skip }, () => {
    let context: FuzzContext;
    before(async () => {
      context = await openFuzzContext(dialect);
    });
    after(async () => {
      await context?.close();
    });

    for (const [index, surface] of SURFACES.entries()) {
      test(surface.name, async () => {
        // Workbooks are built case by case (exceljs): fewer of them.
        const runs = surface.name.includes('workbook') ? Math.ceil(RUNS / 4) : RUNS;
        const report = await fuzzSurface(context, surface, { numRuns: runs, seed: SEED + index });
        assert.equal(report.failure, undefined, report.failure);
        assert.ok(report.cases >= runs, `${report.cases} cases`);
        // Some of every surface's cases get past validation: the arbitraries reach the handlers.
        const reached = Object.entries(report.statuses).filter(([status]) => !['400', '401', '403', '404'].includes(status)).reduce((sum, [, n]) => sum + n, 0);
        assert.ok(reached > 0 || surface.name.startsWith('Path') || surface.name.startsWith('Sign-in'), `${surface.name}: ${JSON.stringify(report.statuses)}`);
      });
    }
  });
}
