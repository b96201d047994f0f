/**
 * The public list page and certificate verification on the national data sets (50k and
 * 500k enterprises by default), under autocannon, beside a bare Fastify endpoint measured
 * in the same run. Bar (design.md): ≥ 0.5× the bare figure and p99 < 10 ms. Pages are
 * asked for as browsers ask (gzip accepted). Beside them, a bare endpoint sending the very
 * bytes of the /lists page: how much of the gap is the page's size rather than greenlist's
 * work. A render that misses the cache is timed on its own (new URLs), as latency.
 */
import Fastify from 'fastify';
import { buildApp } from '../src/http/app.ts';
import { openStore } from '../src/store/store.ts';
import { bindServerSecret } from '../src/commands/certificates/server-secret.ts';
import { BENCH_SECRET } from './generate.ts';
import { postgresDataset, SCALES, sqliteDataset } from './datasets.ts';
import { autocannon, median, printRows, writeResults, type BenchRow, type Load } from './support.ts';
import type { DatabaseConfig } from '../src/config/env.ts';

const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

/** A bare Fastify endpoint answering with fixed bytes and headers. */
async function bareSending(bytes: Buffer, type: string, encoding: string): Promise<{ url: string; close: () => Promise<void> }> {
  const bare = Fastify({ logger: false });
  bare.get('/same', async (_request, reply) => {
    if (encoding !== '') reply.header('content-encoding', encoding);
    return reply.type(type).send(bytes);
  });
  const url = await bare.listen({ port: 0, host: '127.0.0.1' });
  return { url: `${url}/same`, close: () => bare.close() };
}

async function measureDataset(database: DatabaseConfig, label: string, bareRps: number, seconds: number): Promise<BenchRow[]> {
  const store = openStore(database);
  bindServerSecret(store, BENCH_SECRET);
  const app = await buildApp({ store, config: { database, port: 0, host: '127.0.0.1', secret: BENCH_SECRET, secretSource: 'environment', logLevel: 'silent', dataDirectory: '/tmp', demo: false, publicUrl: 'http://localhost:3000' } });
  try {
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const valid = await store.db.selectFrom('certificates').select('number').where('status', '=', 'valid').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    const removed = await store.db.selectFrom('certificates').select('number').where('status', '=', 'revoked').orderBy('id').limit(1).executeTakeFirst();
    const row = (name: string, measured: Load, note?: string): BenchRow => ({
      name: `${name}, ${label}`,
      value: measured.requestsPerSecond,
      unit: 'req/s',
      baseline: { name: 'bare Fastify endpoint', value: bareRps },
      bar: '≥ 0.5× baseline, p99 < 10 ms',
      pass: measured.requestsPerSecond >= 0.5 * bareRps && measured.p99 < 10 && measured.non2xx === 0,
      note: `p99 ${measured.p99} ms${measured.non2xx > 0 ? `, ${measured.non2xx} non-2xx` : ''}${note ? `; ${note}` : ''}`,
    });
    // The same bytes from a bare endpoint: what sending this page costs before any of greenlist's work.
    const page = await app.inject({ method: 'GET', url: '/lists', headers: BROWSER });
    const sameBytes = await bareSending(page.rawPayload, String(page.headers['content-type']), String(page.headers['content-encoding'] ?? ''));
    const sameBytesLoad = await autocannon(sameBytes.url, { seconds, headers: BROWSER }).finally(() => sameBytes.close());
    const rows: BenchRow[] = [
      { name: `bare Fastify sending the /lists bytes (${page.rawPayload.byteLength.toLocaleString('en')} B ${page.headers['content-encoding'] ?? 'identity'}), ${label}`, value: sameBytesLoad.requestsPerSecond, unit: 'req/s', note: `p99 ${sameBytesLoad.p99} ms; the cost of the page's size alone` },
      row('GET /lists', await autocannon(`${url}/lists`, { seconds, headers: BROWSER })),
      row('GET /lists?province=440000&page=20', await autocannon(`${url}/lists?province=440000&page=20`, { seconds, headers: BROWSER })),
      row('GET /verify/{number}', await autocannon(`${url}/verify/${encodeURIComponent(valid.number)}`, { seconds, headers: BROWSER })),
      row('GET /api/v1/certificates/{number}/verify', await autocannon(`${url}/api/v1/certificates/${encodeURIComponent(valid.number)}/verify`, { seconds, headers: BROWSER })),
    ];
    if (removed) rows.push(row('GET /verify/{number} of a removed entry', await autocannon(`${url}/verify/${encodeURIComponent(removed.number)}`, { seconds, headers: BROWSER })));
    const misses: number[] = [];
    const provinces = ['440000', '320000', '330000', '370000', '360000', '420000'];
    for (let i = 0; i < 30; i++) {
      const started = process.hrtime.bigint();
      const response = await app.inject({ method: 'GET', url: `/lists?province=${provinces[i % provinces.length]}&sort=name&page=${1 + i}` });
      if (response.statusCode !== 200) throw new Error(`/lists answered ${response.statusCode}`);
      misses.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    rows.push({ name: `GET /lists, a render that misses the cache, median, ${label}`, value: Number(median(misses).toFixed(2)), unit: 'ms', note: '30 distinct filtered and sorted pages, in-process' });
    return rows;
  } finally {
    await app.close();
    await store.close();
  }
}

export async function run(options: { scales?: number[]; seconds?: number } = {}): Promise<BenchRow[]> {
  const seconds = options.seconds ?? Number(process.env.GREENLIST_BENCH_SECONDS ?? 5);
  const bare = Fastify({ logger: false });
  bare.get('/bare', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html><p>ok</p>'));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  const rows: BenchRow[] = [];
  try {
    for (const scale of options.scales ?? SCALES) {
      const baseline = await autocannon(`${bareUrl}/bare`, { seconds });
      rows.push({ name: `bare Fastify endpoint (before the ${scale / 1000}k runs)`, value: baseline.requestsPerSecond, unit: 'req/s', note: `p99 ${baseline.p99} ms` });
      rows.push(...(await measureDataset(await sqliteDataset(scale), `SQLite ${scale / 1000}k`, baseline.requestsPerSecond, seconds)));
      const postgres = await postgresDataset(scale);
      if (postgres !== undefined) rows.push(...(await measureDataset(postgres, `PostgreSQL ${scale / 1000}k`, baseline.requestsPerSecond, seconds)));
    }
  } finally {
    await bare.close();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await run();
  printRows(rows);
  console.log(writeResults('national-pages', rows));
}
