/**
 * Enterprise search at national scale, including one- and two-character Chinese queries:
 * latency percentiles of the store's search (Kysely, hydration, count) beside the bare
 * index query run through the raw driver in the same run. Bars: p95 < 20 ms on SQLite,
 * < 30 ms on PostgreSQL (design.md, quality bars).
 */
import { openStore, type Store } from '../src/store/store.ts';
import { searchEnterprises } from '../src/store/queries/search-enterprises.ts';
import { median, type BenchRow } from './support.ts';
import { postgresDataset, SCALES, sqliteDataset } from './datasets.ts';

/** One and two Chinese characters, a longer Chinese phrase, pinyin, English and a code fragment. */
const QUERIES = ['华', '恒达', '化工有限', 'hengda', 'Chemical', '91440'];

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(work: () => Promise<unknown>, iterations: number): Promise<number[]> {
  for (let i = 0; i < 5; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times;
}

async function searchRows(store: Store, label: string, bar: number, iterations: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const all: number[] = [];
  for (const query of QUERIES) {
    const ours = await measure(() => searchEnterprises(store, query, { limit: 20 }), iterations);
    // the bare query: the same index lookup through the driver, no hydration, no count
    const bare = await measure(() => store.capabilities.searchEnterpriseIds(store.db, query.toLowerCase(), 20, 0), iterations);
    all.push(...ours);
    rows.push({ name: `search "${query}", ${label}, p95`, value: Number(percentile(ours, 95).toFixed(2)), unit: 'ms', baseline: { name: 'index lookup alone', value: Number(percentile(bare, 95).toFixed(2)) }, bar: `< ${bar} ms`, pass: percentile(ours, 95) < bar, note: `median ${median(ours).toFixed(2)} ms` });
  }
  rows.push({ name: `search, all queries, ${label}, p95`, value: Number(percentile(all, 95).toFixed(2)), unit: 'ms', bar: `< ${bar} ms`, pass: percentile(all, 95) < bar });
  return rows;
}

export async function run(options: { scales?: number[]; iterations?: number } = {}): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const scale of options.scales ?? SCALES) {
    const sqlite = openStore(await sqliteDataset(scale));
    try {
      rows.push(...(await searchRows(sqlite, `SQLite ${scale / 1000}k`, 20, options.iterations ?? 100)));
    } finally {
      await sqlite.close();
    }
    const postgresConfig = await postgresDataset(scale);
    if (postgresConfig === undefined) continue;
    const postgres = openStore(postgresConfig);
    try {
      rows.push(...(await searchRows(postgres, `PostgreSQL ${scale / 1000}k`, 30, options.iterations ?? 100)));
    } finally {
      await postgres.close();
    }
  }
  return rows;
}
