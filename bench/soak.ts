/**
 * `npm run bench -- soak`: the real server (`node bin/greenlist.js serve`, its own
 * process) on a fresh demo database — SQLite, or PostgreSQL with `--pg` — under ten
 * minutes (GREENLIST_SOAK_MINUTES) of mixed traffic from autocannon: public pages,
 * searches with changing queries, enterprise pages, feeds, certificate verification,
 * the JSON API, signed-in workspace pages of an enterprise and a reviewer, and writes
 * (contact messages from changing visitors, the plant's annual data saved).
 *
 * Reports: errors (connection errors, timeouts and any 4xx or 5xx — every request of
 * the mix answers 2xx or a 303 after a form; bar: none), latency percentiles, and the
 * server's resident memory sampled every 10 s from /proc. "Flat after warm-up": after
 * the first minute (a fifth of shorter runs), the highest RSS of the second half of the
 * samples is within 10 % of the highest of the first half.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon, { type RequestSpec } from 'autocannon';
import pg from 'pg';
import { demoAnnualData } from '../src/domain/demo/demo-annual-data.ts';
import { demoEnterprises } from '../src/domain/demo/demo-enterprises.ts';
import { annualDataFormFields } from '../src/web/pages/workspace/shared/annual-data-form.ts';
import { benchPostgresUrl, printRows, writeResults, type BenchRow } from './support.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/greenlist.js');
const SAMPLE_MS = 10_000;
const QUERIES = ['星火', '有机硅', '江西', 'xinghuo', '化工', '九江', 'green', '电子', '钢铁', '湖北', '蓝星', 'jiangxi', '材料', '科技', '制药', '纺织'];

export interface SoakOptions {
  minutes?: number;
  postgres?: boolean;
  connections?: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 0);
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer /healthz within 150 s:\n${log()}`);
}

async function signIn(url: string, email: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'greenlist-demo' }) });
  if (!response.ok) throw new Error(`sign-in ${email}: ${response.status} ${await response.text()}`);
  const cookie = /gl_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
  return { cookie: cookie!, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

/** The request mix: each connection goes round it, in order. */
async function requestMix(url: string): Promise<RequestSpec[]> {
  const enterprise = await signIn(url, 'enterprise@demo');
  const national = await signIn(url, 'national@demo');
  const contactPage = await fetch(`${url}/contact`);
  const formCookie = /gl_form=[^;]+/.exec(contactPage.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const formToken = formCookie.split('=')[1] ?? '';
  const enterprises = ((await (await fetch(`${url}/api/v1/enterprises?q=${encodeURIComponent('有限公司')}&limit=50`)).json()) as { items: { id: number }[] }).items.map((e) => e.id);
  const me = (await (await fetch(`${url}/api/v1/auth/me`, { headers: { cookie: enterprise.cookie } })).json()) as { user: { memberships: { enterpriseId: number | null }[] } };
  const plantId = me.user.memberships[0]!.enterpriseId!;
  const plantPage = await (await fetch(`${url}/enterprises/${plantId}`)).text();
  const certificate = decodeURIComponent(/\/verify\/([^"?]+)"/.exec(plantPage)?.[1] ?? 'GF-N-2019-000000-000001');
  const workspace = await (await fetch(`${url}/workspace/enterprise`, { headers: { cookie: enterprise.cookie } })).text();
  const factoryId = /\/workspace\/annual-data\/(\d+)/.exec(workspace)?.[1] ?? '1';
  const plant = demoEnterprises(1)[0]!;
  const annual = new URLSearchParams({ ...annualDataFormFields(demoAnnualData(plant, plant.factories[0]!, 2025)), intent: 'save', _csrf: enterprise.csrf }).toString();
  let visitor = 0;
  let turn = 0;
  const next = <T>(list: readonly T[]) => list[turn++ % list.length]!;
  const html = { accept: 'text/html', 'accept-encoding': 'gzip' };
  const page = (path: string, headers: Record<string, string> = {}): RequestSpec => ({ method: 'GET', path, headers: { ...html, ...headers } });
  const varying = (make: () => string, headers: Record<string, string> = {}): RequestSpec => ({ method: 'GET', headers: { ...html, ...headers }, setupRequest: (request) => ({ ...request, path: make() }) });
  return [
    page('/'),
    page('/lists'),
    varying(() => `/search?q=${encodeURIComponent(next(QUERIES))}`),
    varying(() => `/enterprises/${next(enterprises)}`),
    page('/lists/national-factory-2025'),
    page('/notices'),
    page('/news'),
    page('/feed.xml'),
    varying(() => `/verify/${encodeURIComponent(certificate)}`),
    varying(() => `/api/v1/enterprises?q=${encodeURIComponent(next(QUERIES))}&limit=20`, { accept: 'application/json' }),
    page('/api/v1/lists?province=360000&pageSize=20', { accept: 'application/json' }),
    page('/api/v1/figures', { accept: 'application/json' }),
    page('/workspace', { cookie: enterprise.cookie }),
    page('/workspace/enterprise', { cookie: enterprise.cookie }),
    page(`/workspace/annual-data/${factoryId}/2025`, { cookie: enterprise.cookie }),
    page(`/workspace/ehs/${plantId}`, { cookie: enterprise.cookie }),
    page('/workspace/applications', { cookie: national.cookie }),
    page('/workspace/dynamic-management', { cookie: national.cookie }),
    page('/api/v1/applications?limit=20', { cookie: national.cookie, accept: 'application/json' }),
    {
      // A visitor behind the proxy (trustProxy) sends a message: each its own address, as in life (5 per visitor per 15 minutes).
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: formCookie },
      setupRequest: (request) => {
        const n = visitor++;
        return { ...request, path: '/contact', headers: { ...request.headers, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` }, body: new URLSearchParams({ _csrf: formToken, kind: 'contact', fullName: '压力测试', email: `soak${n}@example.com`, subject: '申报咨询', body: `第 ${n} 条留言：想了解绿色工厂的申报流程。` }).toString() };
      },
    },
    { method: 'POST', path: `/workspace/annual-data/${factoryId}/2025`, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: enterprise.cookie }, body: annual },
  ];
}

interface Started {
  child: ChildProcess;
  url: string;
  cleanup: () => Promise<void>;
}

async function startServer(postgres: boolean): Promise<Started> {
  const directory = mkdtempSync(join(tmpdir(), 'greenlist-soak-'));
  const port = await freePort();
  let output = '';
  const env: NodeJS.ProcessEnv = { ...process.env, GREENLIST_DATA_DIR: directory, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', GREENLIST_SECRET: randomBytes(24).toString('hex'), PUBLIC_URL: `http://127.0.0.1:${port}` };
  let dropSchema = async () => {};
  if (postgres) {
    const base = benchPostgresUrl();
    if (base === undefined) throw new Error('soak --pg needs GREENLIST_TEST_PG_URL (or GREENLIST_BENCH_PG_URL)');
    const schema = `soak_${randomBytes(4).toString('hex')}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`create schema ${schema}`);
    dropSchema = () => admin(`drop schema if exists ${schema} cascade`);
    env.DATABASE_URL = `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`;
    // A PostgreSQL deployment starts empty: the demo data is loaded on purpose.
    const seeded = spawnSync(process.execPath, [BIN, 'seed', '--demo'], { cwd: directory, env, encoding: 'utf8' });
    if (seeded.status !== 0) throw new Error(`seed --demo: ${seeded.stderr}`);
  } else {
    env.DATABASE_URL = '';
  }
  const child = spawn(process.execPath, [BIN, 'serve'], { cwd: directory, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child, () => output);
  return {
    child,
    url,
    async cleanup() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      await dropSchema();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Flat after warm-up: the highest RSS of the later half within 10 % of the earlier half's highest. */
export function memoryVerdict(samples: { atS: number; rssMiB: number }[], warmUpS: number): { firstMax: number; secondMax: number; growth: number; flat: boolean } {
  const steady = samples.filter((s) => s.atS >= warmUpS);
  const half = Math.floor(steady.length / 2);
  const firstMax = Math.max(...steady.slice(0, Math.max(half, 1)).map((s) => s.rssMiB));
  const secondMax = Math.max(...steady.slice(half).map((s) => s.rssMiB));
  const growth = secondMax / firstMax - 1;
  return { firstMax, secondMax, growth, flat: steady.length >= 2 && growth <= 0.1 };
}

/**
 * SQLite, then PostgreSQL when a bench database is configured (GREENLIST_BENCH_PG_URL or
 * GREENLIST_TEST_PG_URL); `--sqlite` or `--pg` runs one of them.
 */
export async function run(options: SoakOptions = {}): Promise<BenchRow[]> {
  if (options.postgres !== undefined) return soak({ ...options, postgres: options.postgres });
  const only = process.argv.includes('--pg') ? [true] : process.argv.includes('--sqlite') || benchPostgresUrl() === undefined ? [false] : [false, true];
  const rows: BenchRow[] = [];
  for (const postgres of only) rows.push(...(await soak({ ...options, postgres })));
  return rows;
}

async function soak(options: SoakOptions & { postgres: boolean }): Promise<BenchRow[]> {
  const minutes = options.minutes ?? Number(process.env.GREENLIST_SOAK_MINUTES ?? 10);
  const postgres = options.postgres;
  const connections = options.connections ?? 8;
  const seconds = Math.round(minutes * 60);
  const warmUpS = Math.min(60, seconds / 5);
  const server = await startServer(postgres);
  const samples: { atS: number; rssMiB: number }[] = [];
  const started = Date.now();
  const sample = () => samples.push({ atS: Math.round((Date.now() - started) / 1000), rssMiB: Math.round(rssKiB(server.child.pid!) / 1024) });
  try {
    const requests = await requestMix(server.url);
    sample();
    const timer = setInterval(sample, SAMPLE_MS);
    const statuses: Record<string, number> = {};
    const instance = autocannon({ url: server.url, connections, duration: seconds, timeout: 30, requests });
    instance.on('response', (_client, status) => void (statuses[status] = (statuses[status] ?? 0) + 1));
    const result = await instance;
    clearInterval(timer);
    sample();
    const unexpected = Object.entries(statuses).filter(([status]) => Number(status) >= 400).reduce((sum, [, n]) => sum + n, 0);
    const errors = result.errors + result.timeouts + unexpected;
    const memory = memoryVerdict(samples, warmUpS);
    const database = postgres ? 'postgres' : 'sqlite';
    console.log(`  RSS samples, ${database} (s → MiB): ${samples.map((s) => `${s.atS}→${s.rssMiB}`).join(' ')}`);
    const rows: BenchRow[] = [
      { name: `soak ${minutes} min, ${connections} connections, ${requests.length}-request mix (${database})`, value: result.requests.total, unit: 'requests', note: `${Math.round(result.requests.average)} req/s average; statuses ${JSON.stringify(statuses)}` },
      { name: `errors (connection errors, timeouts, 4xx, 5xx) (${database})`, value: errors, unit: 'errors', bar: 'none', pass: errors === 0, note: `errors ${result.errors}, timeouts ${result.timeouts}, 4xx/5xx ${unexpected}` },
      { name: `latency p50 (${database})`, value: result.latency.p50, unit: 'ms' },
      { name: `latency p90 (${database})`, value: result.latency.p90, unit: 'ms' },
      { name: `latency p99 (${database})`, value: result.latency.p99, unit: 'ms' },
      { name: `latency max (${database})`, value: result.latency.max, unit: 'ms' },
      { name: `server RSS after warm-up (${warmUpS} s): first-half max → second-half max (${database})`, value: memory.secondMax, unit: 'MiB', bar: 'flat: within 10 %', pass: memory.flat, note: `${memory.firstMax} → ${memory.secondMax} MiB (${(memory.growth * 100).toFixed(1)} %); ${samples.length} samples every ${SAMPLE_MS / 1000} s` },
    ];
    return rows;
  } finally {
    await server.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await run();
  printRows(rows);
  console.log(writeResults('soak', rows));
}
