import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, parseDatabaseUrl } from './env.ts';
import { AppError } from '../domain/errors.ts';

const secret = 'x'.repeat(32);

function configError(environment: Record<string, string>): AppError {
  try {
    loadConfig({ GREENLIST_SECRET: secret, ...environment });
  } catch (error) {
    assert.ok(AppError.is(error, 'CONFIG'), `expected a CONFIG error, got ${String(error)}`);
    return error;
  }
  assert.fail('expected loadConfig to throw');
}

test('defaults: embedded SQLite under the data folder, port 3000', () => {
  const directory = mkdtempSync(join(tmpdir(), 'greenlist-env-'));
  try {
    const config = loadConfig({ GREENLIST_SECRET: secret, GREENLIST_DATA_DIR: directory });
    assert.deepEqual(config.database, { kind: 'sqlite', path: join(directory, 'greenlist.db') });
    assert.equal(config.port, 3000);
    assert.equal(config.logLevel, 'info');
    assert.equal(config.demo, true);
    assert.equal(config.publicUrl, 'http://localhost:3000');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

test('postgres URLs are accepted, with an optional schema', () => {
  assert.deepEqual(parseDatabaseUrl('postgres://u:p@localhost:5432/greenlist'), { kind: 'postgres', url: 'postgres://u:p@localhost:5432/greenlist' });
  assert.deepEqual(parseDatabaseUrl('postgresql://u:p@h/db?schema=tenant_a'), { kind: 'postgres', url: 'postgresql://u:p@h/db', schema: 'tenant_a' });
});

test('each wrong variable is named with the reason', () => {
  assert.match(configError({ DATABASE_URL: 'mysql://localhost/x' }).message, /^DATABASE_URL: must start with sqlite: or postgres:\/\//);
  assert.equal(configError({ DATABASE_URL: 'mysql://localhost/x' }).path, 'DATABASE_URL');
  assert.match(configError({ DATABASE_URL: 'postgres://localhost' }).message, /^DATABASE_URL: names no database/);
  assert.match(configError({ DATABASE_URL: 'sqlite:' }).message, /^DATABASE_URL: sqlite: needs a file path/);
  assert.match(configError({ PORT: 'eighty' }).message, /^PORT: must be a whole number, got "eighty"/);
  assert.match(configError({ PORT: '70000' }).message, /^PORT: must be between 0 and 65535/);
  assert.match(configError({ LOG_LEVEL: 'loud' }).message, /^LOG_LEVEL: must be one of/);
  assert.match(configError({ GREENLIST_SECRET: 'short' }).message, /^GREENLIST_SECRET: must be at least 32 characters \(got 5\)/);
  assert.match(configError({ GREENLIST_DEMO: 'maybe' }).message, /^GREENLIST_DEMO: must be 0 or 1/);
});

test('without GREENLIST_SECRET a secret is generated once into the data folder and reused', () => {
  const directory = mkdtempSync(join(tmpdir(), 'greenlist-env-'));
  try {
    const first = loadConfig({ GREENLIST_DATA_DIR: directory });
    assert.equal(first.secretSource, 'generated');
    assert.ok(first.secret.length >= 32);
    assert.equal(readFileSync(join(directory, 'secret'), 'utf8').trim(), first.secret);
    const second = loadConfig({ GREENLIST_DATA_DIR: directory });
    assert.equal(second.secretSource, 'file');
    assert.equal(second.secret, first.secret);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
