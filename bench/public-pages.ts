/**
 * The public pages under load, on the demo database: autocannon (its own process) against
 * a bare Fastify endpoint and against `/lists` and `/search?q=星火` of the real app, served
 * by this process in the same run. Also the cost of a conditional request (304) and of a
 * render that misses the cache (a new URL each time: queries + JSX), as latency.
 * Bar (design.md): ≥ 0.5× the bare endpoint, p99 < 10 ms.
 * The 500k-enterprise version belongs to the national-scale bench (issue 9).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { buildApp } from '../src/http/app.ts';
import { migrate } from '../src/store/migrate.ts';
import { openStore } from '../src/store/store.ts';
import { seedDemo } from '../src/commands/seed/seed-demo.ts';
import { autocannon as load, median, printRows, writeResults, type BenchRow, type Load } from './support.ts';

export async function run(options: { seconds?: number } = {}): Promise<BenchRow[]> {
  const seconds = options.seconds ?? Number(process.env.GREENLIST_BENCH_SECONDS ?? 4);
  const directory = mkdtempSync(join(tmpdir(), 'greenlist-bench-pages-'));
  const store = openStore({ kind: 'sqlite', path: join(directory, 'bench.db') });
  const bare = Fastify({ logger: false });
  bare.get('/bare', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html><p>ok</p>'));
  // The same bytes as the app's /lists, from memory: what the page's size alone costs.
  let listsBytes = Buffer.alloc(0);
  bare.get('/bare-lists', async (_request, reply) => reply.type('text/html; charset=utf-8').send(listsBytes));
  // …and those bytes gzipped, as a browser asks for them (Accept-Encoding: gzip).
  let listsGzip = Buffer.alloc(0);
  bare.get('/bare-lists-gzip', async (_request, reply) => reply.type('text/html; charset=utf-8').header('content-encoding', 'gzip').send(listsGzip));
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await migrate(store);
    await seedDemo(store);
    app = await buildApp({ store, config: { database: store.config, port: 0, host: '127.0.0.1', secret: 'bench-secret-bench-secret-bench-secret-0', secretSource: 'environment', logLevel: 'silent', dataDirectory: directory, demo: false, publicUrl: 'http://localhost:3000' } });
    const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
    listsBytes = Buffer.from(await (await fetch(`${appUrl}/lists`)).arrayBuffer());
    listsGzip = gzipSync(listsBytes, { level: 6 });
    // Pages are asked for as browsers ask: with gzip accepted.
    const browser = { 'accept-encoding': 'gzip, deflate, br' };
    const baseline = await load(`${bareUrl}/bare`, { seconds });
    const sameBytes = await load(`${bareUrl}/bare-lists`, { seconds });
    const sameGzip = await load(`${bareUrl}/bare-lists-gzip`, { seconds, headers: browser });
    const health = await load(`${appUrl}/healthz`, { seconds });
    const lists = await load(`${appUrl}/lists`, { seconds, headers: browser });
    const search = await load(`${appUrl}/search?q=${encodeURIComponent('星火')}`, { seconds, headers: browser });
    const etag = (await fetch(`${appUrl}/lists`)).headers.get('etag') ?? '';
    const conditional = await load(`${appUrl}/lists`, { seconds, headers: { 'if-none-match': etag } });
    const cold: number[] = [];
    for (let i = 0; i < 40; i++) {
      const started = process.hrtime.bigint();
      await app.inject({ method: 'GET', url: `/lists?province=360000&sort=name&miss=${i}` });
      cold.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const row = (name: string, measured: Load, bar: boolean, note?: string): BenchRow => ({
      name,
      value: measured.requestsPerSecond,
      unit: 'req/s',
      baseline: { name: 'bare Fastify endpoint', value: baseline.requestsPerSecond },
      ...(bar ? { bar: '≥ 0.5× baseline, p99 < 10 ms', pass: measured.requestsPerSecond >= 0.5 * baseline.requestsPerSecond && measured.p99 < 10 } : {}),
      note: `p99 ${measured.p99} ms${measured.non2xx > 0 ? `, ${measured.non2xx} non-2xx` : ''}${note ? `; ${note}` : ''}`,
    });
    return [
      row('GET /lists (demo data)', lists, true, 'rendered once per data version, then served from the render cache'),
      row('GET /search?q=星火 (demo data)', search, true),
      row('GET /lists with If-None-Match (304)', conditional, false, 'validators only: one audit-head lookup'),
      { name: 'GET /lists?province=…, cache miss (render), median', value: Number(median(cold).toFixed(2)), unit: 'ms', note: 'queries + JSX render, measured in-process over 40 distinct URLs' },
      row('app GET /healthz (the app’s plugin stack, no page)', health, false, 'helmet, cookies, hooks: the floor under every route'),
      row('bare Fastify sending the /lists bytes from memory', sameBytes, false, `${Math.round(listsBytes.length / 1024)} KiB page: what its size alone costs`),
      row('bare Fastify sending the /lists bytes gzipped', sameGzip, false, `${Math.round(listsGzip.length / 1024)} KiB on the wire`),
      { name: 'bare Fastify endpoint', value: baseline.requestsPerSecond, unit: 'req/s', note: `p99 ${baseline.p99} ms; autocannon in its own process, 20 connections, ${seconds} s per row` },
    ];
  } finally {
    await app?.close();
    await bare.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await run();
  printRows(rows);
  console.log(writeResults('public-pages', rows));
}
