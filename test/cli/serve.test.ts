/**
 * The product as a newcomer starts it: `greenlist serve` on an empty data folder migrates,
 * loads the demo data, and serves the Chinese home page with live counts. A bad
 * configuration stops it with the variable's name and exit code 78.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/greenlist.js');

test('serve on an empty data folder seeds the demo and serves the home page', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'greenlist-serve-'));
  const child = spawn(process.execPath, [bin, 'serve'], { cwd: directory, env: { ...process.env, GREENLIST_DATA_DIR: directory, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    });
    const home = await fetch(address + '/');
    assert.equal(home.status, 200);
    const html = await home.text();
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /示例数据/);
    assert.match(html, /<span class="stat-value">240<\/span>\s*<span class="stat-label">登记企业/);
    assert.match(html, /第四批绿色工厂名单/);
    const health = await fetch(address + '/healthz');
    assert.equal(((await health.json()) as { status: string }).status, "ok");
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(directory, { recursive: true, force: true });
  }
});

test('a bad DATABASE_URL stops the CLI with the variable named and exit code 78', () => {
  const result = spawnSync(process.execPath, [bin, 'migrate'], { env: { ...process.env, DATABASE_URL: 'mysql://localhost/greenlist', GREENLIST_SECRET: 'x'.repeat(32) }, encoding: 'utf8' });
  assert.equal(result.status, 78);
  assert.match(result.stderr, /greenlist: DATABASE_URL: must start with sqlite: or postgres:\/\//);
});

test('an unknown command prints the usage and exits 2', () => {
  const result = spawnSync(process.execPath, [bin, 'frobnicate'], { encoding: 'utf8' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /unknown command "frobnicate"/);
  assert.match(result.stderr, /seed --demo/);
});
