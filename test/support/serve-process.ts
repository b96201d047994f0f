/**
 * `greenlist serve` as a child process on a port chosen here, ready once /healthz answers
 * (so it works at any LOG_LEVEL: a bench runs its servers at `warn`, without request
 * logs). Used by the multi-process test and bench/multi-process.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { DatabaseConfig } from '../../src/config/env.ts';

const bin = new URL('../../bin/greenlist.js', import.meta.url).pathname;

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

export function databaseUrlOf(config: DatabaseConfig): string {
  if (config.kind === 'sqlite') return `sqlite:${config.path}`;
  return config.schema === undefined ? config.url : `${config.url}${config.url.includes('?') ? '&' : '?'}schema=${config.schema}`;
}

/** A port nobody listens on now (the OS picks it; the child binds it a moment later). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ServeOptions {
  database: DatabaseConfig;
  dataDirectory: string;
  secret: string;
  /** More variables (GREENLIST_DEMO, LOG_LEVEL, PGAPPNAME …); they win over the defaults. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export async function startServeProcess(options: ServeOptions): Promise<ServeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, 'serve'], {
    cwd: options.dataDirectory,
    env: { ...process.env, DATABASE_URL: databaseUrlOf(options.database), GREENLIST_DATA_DIR: options.dataDirectory, GREENLIST_SECRET: options.secret, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Keep draining the logs: a full pipe would stall the server.
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + (options.timeoutMs ?? 90_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited with ${child.exitCode ?? child.signalCode}:\n${output}`);
    const ready = await fetch(`${url}/healthz`).then((response) => response.ok, () => false);
    if (ready) break;
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within ${options.timeoutMs ?? 90_000} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
