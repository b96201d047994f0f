/**
 * What the crash tests share: `greenlist serve` as a child process on a database of the
 * test's own (a temporary SQLite file or a fresh PostgreSQL schema), killed with SIGKILL
 * and started again; signing in over HTTP; and a probe telling from outside that the
 * server is inside a long write transaction (a write lock on SQLite, a row lock on
 * PostgreSQL) — the moment to kill it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/config/env.ts';
import { hashPassword } from '../../src/domain/actors/passwords.ts';
import type { Role } from '../../src/domain/actors/actor.ts';
import { insertMembership, insertUser } from '../../src/store/repositories/users.ts';
import type { Store } from '../../src/store/store.ts';

const bin = new URL('../../bin/greenlist.js', import.meta.url).pathname;
export const PASSWORD = 'crash-test-password';
/** Short, so a restarted server takes back a killed run's job within seconds (GREENLIST_JOB_LEASE_MS). */
export const LEASE_MS = 1500;

export function databaseUrlOf(config: DatabaseConfig): string {
  return config.kind === 'sqlite' ? `sqlite:${config.path}` : `${config.url}${config.url.includes('?') ? '&' : '?'}schema=${config.schema}`;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL: no shutdown hook runs, the open transaction is lost with the process. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startServer(config: DatabaseConfig, dataDirectory: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [bin, 'serve'], {
    cwd: dataDirectory,
    env: { ...process.env, DATABASE_URL: databaseUrlOf(config), GREENLIST_DATA_DIR: dataDirectory, GREENLIST_DEMO: '0', GREENLIST_JOB_LEASE_MS: String(LEASE_MS), GREENLIST_SECRET: 'crash-secret-crash-secret-crash-secret-01', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  // Keep draining the logs: a full pipe would stall the server.
  child.stdout!.resume();
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, child, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}

/** A reviewer (or administrator) of an authority who signs in with PASSWORD. */
export async function addReviewer(store: Store, email: string, role: Role, authorityId: number): Promise<void> {
  const user = await insertUser(store.db, { email, passwordHash: await hashPassword(PASSWORD), displayName: email });
  await insertMembership(store.db, { userId: user.id, role, authorityId });
}

/** Signs in over HTTP; the bearer header for later requests. */
export async function signIn(url: string, email: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD, bearer: true }) });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * True while another connection holds a write transaction: on SQLite the database's one
 * write lock (BEGIN IMMEDIATE fails at once), on PostgreSQL the lock on `lockedRow`
 * (SELECT … FOR UPDATE NOWAIT fails).
 */
export function writeProbe(config: DatabaseConfig, lockedRow: { table: string; id: number }): { busy(): Promise<boolean>; close(): Promise<void> } {
  if (config.kind === 'sqlite') {
    const database = new SqliteDatabase(config.path, { timeout: 0 });
    return {
      async busy() {
        try {
          database.exec('begin immediate');
          database.exec('rollback');
          return false;
        } catch (error) {
          if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
          throw error;
        }
      },
      close: async () => void database.close(),
    };
  }
  const client = new pg.Client({ connectionString: config.url, options: `-c search_path=${config.schema}` });
  const connected = client.connect();
  return {
    async busy() {
      await connected;
      await client.query('begin');
      try {
        await client.query(`select id from ${lockedRow.table} where id = $1 for update nowait`, [lockedRow.id]);
        return false;
      } catch (error) {
        if ((error as { code?: string }).code === '55P03') return true;
        throw error;
      } finally {
        await client.query('rollback');
      }
    },
    close: async () => void (await client.end()),
  };
}

/** Polls `ready` every 10 ms until it holds; fails after `timeoutMs`. */
export async function waitFor(what: string, ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
