/**
 * Several app processes on one PostgreSQL database, on one machine (decision 006): the
 * demo database served by one and by two `greenlist serve` processes, `/lists` and
 * `/verify/{number}` driven by autocannon spread over them (one autocannon per process,
 * the 20 connections split evenly), beside a bare Fastify endpoint measured in the same
 * run. Also the PostgreSQL connections the processes hold, as pg_stat_activity counts
 * them during the load (each process's pool opens up to 10).
 * Three rounds alternate one and two processes (the machine is shared; medians reported).
 * GREENLIST_BENCH_SECONDS (default 4) and GREENLIST_BENCH_ROUNDS (default 3) set the
 * length: about 1½ minutes by default.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { migrate } from '../src/store/migrate.ts';
import { openStore } from '../src/store/store.ts';
import { seedDemo } from '../src/commands/seed/seed-demo.ts';
import { bindServerSecret } from '../src/commands/certificates/server-secret.ts';
import type { DatabaseConfig } from '../src/config/env.ts';
import { startServeProcess, type ServeProcess } from '../test/support/serve-process.ts';
import { autocannon, benchPostgresUrl, median, printRows, writeResults, type BenchRow, type Load } from './support.ts';

const SCHEMA = 'bench_multi_process';
const SECRET = 'bench-multi-process-secret-bench-multi-process';
const APPLICATION = 'greenlist-bench-mp';
const CONNECTIONS = 20;
const POOL_MAX = 10;
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: `${APPLICATION}-probe` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh schema with the demo data; the number of a valid demo certificate. */
async function prepareDemo(url: string): Promise<{ database: DatabaseConfig; certificate: string }> {
  await withClient(url, async (client) => {
    await client.query(`drop schema if exists ${SCHEMA} cascade`);
    await client.query(`create schema ${SCHEMA}`);
    await client.query('create extension if not exists pg_trgm');
  });
  const database: DatabaseConfig = { kind: 'postgres', url, schema: SCHEMA };
  const store = openStore(database);
  try {
    bindServerSecret(store, SECRET);
    await migrate(store);
    await seedDemo(store);
    const valid = await store.db.selectFrom('certificates').select('number').where('status', '=', 'valid').orderBy('id').limit(1).executeTakeFirstOrThrow();
    return { database, certificate: valid.number };
  } finally {
    await store.close();
  }
}

/** Peak connections of each named app process while `load` runs, sampled from pg_stat_activity every 100 ms. */
async function peakConnections<T>(url: string, names: string[], load: Promise<T>): Promise<{ result: T; peaks: number[] }> {
  return withClient(url, async (client) => {
    let done = false;
    const finished = load.finally(() => (done = true));
    const peaks = new Map(names.map((name) => [name, 0]));
    while (!done) {
      const { rows } = await client.query<{ name: string; n: number }>('select application_name as name, count(*)::int as n from pg_stat_activity where application_name = any($1) group by application_name', [names]);
      for (const row of rows) peaks.set(row.name, Math.max(peaks.get(row.name) ?? 0, row.n));
      await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 100))]).catch(() => undefined);
    }
    return { result: await finished, peaks: names.map((name) => peaks.get(name) ?? 0) };
  });
}

/** One autocannon per process, the connections split evenly; requests summed, the worst p99 kept. */
async function spread(servers: ServeProcess[], path: string, seconds: number): Promise<Load> {
  const loads = await Promise.all(servers.map((server) => autocannon(`${server.url}${path}`, { seconds, headers: BROWSER, connections: CONNECTIONS / servers.length })));
  return { requestsPerSecond: loads.reduce((sum, load) => sum + load.requestsPerSecond, 0), p99: Math.max(...loads.map((load) => load.p99)), non2xx: loads.reduce((sum, load) => sum + load.non2xx, 0) };
}

interface Measured {
  loads: Load[];
  /** Highest connection count seen per serving process, over every round. */
  peaks: number[];
}

export async function run(options: { seconds?: number; rounds?: number } = {}): Promise<BenchRow[]> {
  const url = benchPostgresUrl();
  if (url === undefined) return [{ name: 'skipped: no PostgreSQL (set GREENLIST_BENCH_PG_URL or GREENLIST_TEST_PG_URL)', value: 0, unit: '' }];
  const seconds = options.seconds ?? Number(process.env.GREENLIST_BENCH_SECONDS ?? 4);
  const rounds = options.rounds ?? Number(process.env.GREENLIST_BENCH_ROUNDS ?? 3);
  // The machine is shared: its load before the run says how far to trust the figures.
  const loadBefore = loadavg()[0]!;
  const { database, certificate } = await prepareDemo(url);
  const bare = Fastify({ logger: false });
  bare.get('/bare', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html><p>ok</p>'));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  const directories: string[] = [];
  const servers: ServeProcess[] = [];
  const names = [1, 2].map((n) => `${APPLICATION}-${n}`);
  const paths = [['GET /lists', '/lists'], ['GET /verify/{number}', `/verify/${encodeURIComponent(certificate)}`]] as const;
  try {
    for (const name of names) {
      const directory = mkdtempSync(join(tmpdir(), 'greenlist-bench-mp-'));
      directories.push(directory);
      servers.push(await startServeProcess({ database, dataDirectory: directory, secret: SECRET, env: { GREENLIST_DEMO: '0', PGAPPNAME: name } }));
    }
    // Warm each process's render cache, as a running site's would be.
    for (const server of servers) for (const [, path] of paths) await (await fetch(`${server.url}${path}`, { headers: BROWSER })).arrayBuffer();
    // Rounds alternate one and two processes, so a burst of load from elsewhere on the machine
    // falls on both; the medians are reported.
    const bareLoads: Load[] = [];
    const measured = new Map<string, Measured>();
    for (let round = 0; round < rounds; round++) {
      bareLoads.push(await autocannon(`${bareUrl}/bare`, { seconds }));
      for (const [name, path] of paths) {
        for (const count of [1, 2]) {
          const key = `${name}|${count}`;
          const { result, peaks } = await peakConnections(url, names.slice(0, count), spread(servers.slice(0, count), path, seconds));
          const entry = measured.get(key) ?? { loads: [], peaks: peaks.map(() => 0) };
          entry.loads.push(result);
          entry.peaks = entry.peaks.map((peak, index) => Math.max(peak, peaks[index]!));
          measured.set(key, entry);
        }
      }
    }
    const bareRps = median(bareLoads.map((load) => load.requestsPerSecond));
    const rows: BenchRow[] = [{ name: 'bare Fastify endpoint', value: bareRps, unit: 'req/s', note: `p99 ${median(bareLoads.map((load) => load.p99))} ms; medians of ${rounds} rounds of ${seconds} s, autocannon in its own process(es), ${CONNECTIONS} connections in all; load average ${loadBefore.toFixed(1)} before the run` }];
    for (const [name] of paths) {
      const one = measured.get(`${name}|1`)!;
      for (const count of [1, 2]) {
        const { loads, peaks } = measured.get(`${name}|${count}`)!;
        const rps = median(loads.map((load) => load.requestsPerSecond));
        const non2xx = loads.reduce((sum, load) => sum + load.non2xx, 0);
        const versusOne = count === 1 ? '' : `; ×${(rps / median(one.loads.map((load) => load.requestsPerSecond))).toFixed(2)} the 1-process figure`;
        rows.push({ name: `${name}, ${count === 1 ? '1 process' : `${count} processes`}`, value: rps, unit: 'req/s', baseline: { name: 'bare Fastify endpoint', value: bareRps }, note: `p99 ${median(loads.map((load) => load.p99))} ms${non2xx > 0 ? `, ${non2xx} non-2xx` : ''}${versusOne}; rounds ${loads.map((load) => load.requestsPerSecond).join(', ')} req/s` });
        rows.push({ name: `PostgreSQL connections held, ${name}, ${count === 1 ? '1 process' : `${count} processes`}`, value: peaks.reduce((sum, peak) => sum + peak, 0), unit: 'connections', note: `peak per process ${peaks.join(' + ')}, idle ones from boot included; pool max ${POOL_MAX} per process` });
      }
    }
    return rows;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await bare.close();
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
    await withClient(url, (client) => client.query(`drop schema if exists ${SCHEMA} cascade`));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await run();
  printRows(rows);
  console.log(writeResults('multi-process', rows));
}
