/**
 * `npm run bench -- fuzz`: 100,000 fuzz cases over every input surface
 * (test/security/fuzz-surfaces.ts), spread evenly, against the app on a fresh demo
 * database (SQLite; PostgreSQL with GREENLIST_FUZZ_PG=1 and GREENLIST_TEST_PG_URL).
 * Reports cases per second and every failure with the seed that replays it
 * (GREENLIST_FUZZ_SEED); the bar is no failure.
 */
import { SQLITE, POSTGRES } from '../test/support/stores.ts';
import { fuzzSurface, openFuzzContext, SURFACES, type SurfaceReport } from '../test/security/fuzz-surfaces.ts';
import type { BenchRow } from './support.ts';

export interface FuzzBenchOptions {
  cases?: number;
  seed?: number;
  postgres?: boolean;
}

export async function run(options: FuzzBenchOptions = {}): Promise<BenchRow[]> {
  const total = options.cases ?? Number(process.env.GREENLIST_FUZZ_CASES ?? 100_000);
  const seed = options.seed ?? Number(process.env.GREENLIST_FUZZ_SEED ?? Date.now() % 2 ** 31);
  const dialect = (options.postgres ?? process.env.GREENLIST_FUZZ_PG === '1') ? POSTGRES : SQLITE;
  if (dialect.skip) throw new Error(`fuzz on ${dialect.name}: ${dialect.skip}`);
  const perSurface = Math.ceil(total / SURFACES.length);
  const context = await openFuzzContext(dialect);
  const reports: SurfaceReport[] = [];
  try {
    for (const [index, surface] of SURFACES.entries()) {
      const report = await fuzzSurface(context, surface, { numRuns: perSurface, seed: seed + index });
      reports.push(report);
      console.log(`  ${surface.name.padEnd(52)} ${String(report.cases).padStart(7)} cases ${(report.cases / (report.ms / 1000)).toFixed(0).padStart(6)}/s  ${report.failure === undefined ? 'ok' : `FAILED: ${report.failure.split('\n')[0]}`}`);
    }
  } finally {
    await context.close();
  }
  const cases = reports.reduce((sum, r) => sum + r.cases, 0);
  const ms = reports.reduce((sum, r) => sum + r.ms, 0);
  const failures = reports.filter((r) => r.failure !== undefined);
  const rows: BenchRow[] = [
    { name: `fuzz cases over ${SURFACES.length} input surfaces (${dialect.name}, seed ${seed})`, value: cases, unit: 'cases', bar: 'no failure', pass: failures.length === 0, note: `${Math.round(cases / (ms / 1000))} cases/s; ${failures.length} surface(s) failed` },
    ...reports.map((r) => ({ name: `  ${r.surface}`, value: Math.round(r.cases / (r.ms / 1000)), unit: 'cases/s', note: r.failure === undefined ? `${r.cases} cases, statuses ${JSON.stringify(r.statuses)}` : `FAILED ${r.failure}` })),
  ];
  return rows;
}
