/**
 * `npm run bench`: every benchmark, each beside a baseline measured in the same run and
 * against its quality bar where design.md sets one. Results go to bench/results/*.json.
 * `npm run bench -- store engine` runs only the named ones.
 */
import { printRows, writeResults, type BenchRow } from './support.ts';

interface Bench {
  name: string;
  run: () => Promise<BenchRow[]>;
}

const BENCHES: Bench[] = [
  { name: 'store', run: async () => (await import('./store.ts')).run() },
  { name: 'search', run: async () => (await import('./search.ts')).run() },
  { name: 'pages', run: async () => (await import('./public-pages.ts')).run() },
  { name: 'national-pages', run: async () => (await import('./national-pages.ts')).run() },
  { name: 'multi-process', run: async () => (await import('./multi-process.ts')).run() },
  { name: 'publish', run: async () => (await import('./publish-certificates.ts')).run() },
  { name: 'import', run: async () => (await import('./import.ts')).run() },
  { name: 'fuzz', run: async () => (await import('./fuzz.ts')).run() },
  { name: 'soak', run: async () => (await import('./soak.ts')).run() },
  {
    name: 'engine',
    run: async () => {
      const { run } = await import('./engine-rescore.ts');
      const count = Number(process.env.GREENLIST_BENCH_RESCORE ?? 500_000);
      const result = await run({ count });
      return [{ name: `re-score ${count.toLocaleString('en')} factory-years (KPIs + 2025 scoring), one core`, value: Math.round(result.ms), unit: 'ms', baseline: { name: 'bare loop: Σ energy × coefficient', value: Math.max(result.baselineMs, 1) }, bar: '< 5000 ms', pass: result.ms < 5000, note: `${result.perSecond.toLocaleString('en')} factory-years/s` }];
    },
  },
];

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const chosen = only.length === 0 ? BENCHES : BENCHES.filter((b) => only.includes(b.name));
if (chosen.length === 0) {
  console.error(`no bench named ${only.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
for (const bench of chosen) {
  console.log(`\n${bench.name}`);
  const rows = await bench.run();
  printRows(rows);
  console.log(`  → ${writeResults(bench.name, rows)}`);
}
