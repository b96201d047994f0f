/** Shared bench plumbing: timing, result rows, and the PostgreSQL URL to bench against. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface BenchRow {
  /** What was measured, e.g. 'store insert (sqlite)'. */
  name: string;
  value: number;
  unit: string;
  /** The same work without greenlist, measured in the same run. */
  baseline?: { name: string; value: number };
  /** A quality bar, e.g. '< 5000 ms' or '≥ 0.5× baseline'. */
  bar?: string;
  pass?: boolean;
  note?: string;
}

export function benchPostgresUrl(): string | undefined {
  return process.env.GREENLIST_BENCH_PG_URL ?? process.env.GREENLIST_TEST_PG_URL;
}

export async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

export function perSecond(count: number, ms: number): number {
  return Math.round((count / ms) * 1000);
}

export function machine() {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
}

export function writeResults(name: string, rows: BenchRow[], extra: Record<string, unknown> = {}): string {
  const directory = new URL('./results/', import.meta.url).pathname;
  mkdirSync(directory, { recursive: true });
  const file = `${directory}${name}.json`;
  writeFileSync(file, JSON.stringify({ bench: name, date: new Date().toISOString(), machine: machine(), rows, ...extra }, null, 2) + '\n');
  return file;
}

export function printRows(rows: BenchRow[]): void {
  for (const row of rows) {
    const baseline = row.baseline ? `  (baseline ${row.baseline.name}: ${row.baseline.value.toLocaleString('en')} ${row.unit}; ×${(row.value / row.baseline.value).toFixed(2)})` : '';
    const bar = row.bar ? `  bar ${row.bar}: ${row.pass ? 'PASS' : 'MISS'}` : '';
    console.log(`  ${row.name.padEnd(44)} ${row.value.toLocaleString('en').padStart(12)} ${row.unit}${baseline}${bar}${row.note ? `  — ${row.note}` : ''}`);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Load {
  requestsPerSecond: number;
  p99: number;
  non2xx: number;
}

const require = createRequire(import.meta.url);
const AUTOCANNON = join(require.resolve('autocannon/package.json'), '..', 'autocannon.js');

/**
 * autocannon in its own process (its JSON report on stdout): in-process, its HTTP parser
 * would share the server's event loop and penalise large pages more than the tiny bare one.
 */
export async function autocannon(url: string, options: { seconds: number; headers?: Record<string, string>; connections?: number }): Promise<Load> {
  const headerArgs = Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
  const { stdout } = await promisify(execFile)(process.execPath, [AUTOCANNON, '-c', String(options.connections ?? 20), '-d', String(options.seconds), '-j', ...headerArgs, url], { maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout) as { requests: { average: number }; latency: { p99: number }; non2xx: number };
  return { requestsPerSecond: Math.round(result.requests.average), p99: result.latency.p99, non2xx: result.non2xx };
}

