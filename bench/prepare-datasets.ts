/**
 * `node --import tsx bench/prepare-datasets.ts`: generates the national data sets the
 * benches use (bench/datasets.ts: SQLite files and PostgreSQL schemas at each of
 * GREENLIST_BENCH_SCALES), ahead of a bench run, reporting the time each took.
 */
import { postgresDataset, SCALES, sqliteDataset } from './datasets.ts';

for (const scale of SCALES) {
  for (const [name, make] of [['SQLite', sqliteDataset], ['PostgreSQL', postgresDataset]] as const) {
    const started = Date.now();
    const made = await make(scale);
    console.log(`${scale.toLocaleString('en')} enterprises on ${name}: ${made === undefined ? 'no bench database configured' : `ready in ${((Date.now() - started) / 1000).toFixed(0)} s`}`);
  }
}
