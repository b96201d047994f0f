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

const S3 = { GREENLIST_S3_ENDPOINT: 'http://127.0.0.1:9000', GREENLIST_S3_BUCKET: 'evidence', GREENLIST_S3_ACCESS_KEY_ID: 'AKIDEXAMPLE', GREENLIST_S3_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

test('evidence files stay on local disk unless GREENLIST_S3_ENDPOINT is set; then the bucket is read, region defaulting to us-east-1', () => {
  assert.equal(loadConfig({ GREENLIST_SECRET: secret }).s3, undefined);
  assert.deepEqual(loadConfig({ GREENLIST_SECRET: secret, ...S3 }).s3, { endpoint: 'http://127.0.0.1:9000', bucket: 'evidence', region: 'us-east-1', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' });
  assert.equal(loadConfig({ GREENLIST_SECRET: secret, ...S3, GREENLIST_S3_ENDPOINT: 'https://s3.cn-north-1.amazonaws.com.cn', GREENLIST_S3_REGION: 'cn-north-1' }).s3?.region, 'cn-north-1');
});

test('an incomplete or wrong bucket configuration names the variable', () => {
  for (const missing of ['GREENLIST_S3_BUCKET', 'GREENLIST_S3_ACCESS_KEY_ID', 'GREENLIST_S3_SECRET_ACCESS_KEY'] as const) {
    const error = configError({ ...S3, [missing]: '' });
    assert.equal(error.path, missing);
    assert.match(error.message, new RegExp(`^${missing}: is required when GREENLIST_S3_ENDPOINT is set`));
  }
  assert.match(configError({ ...S3, GREENLIST_S3_ENDPOINT: 'ftp://files.example.org' }).message, /^GREENLIST_S3_ENDPOINT: must be an http:\/\/ or https:\/\/ URL/);
  assert.match(configError({ ...S3, GREENLIST_S3_ENDPOINT: 's3.example.org' }).message, /^GREENLIST_S3_ENDPOINT: is not a URL/);
  assert.match(configError({ ...S3, GREENLIST_S3_ENDPOINT: 'https://key:secret@s3.example.org' }).message, /^GREENLIST_S3_ENDPOINT: must not carry credentials/);
  assert.match(configError({ ...S3, GREENLIST_S3_BUCKET: 'evidence/files' }).message, /^GREENLIST_S3_BUCKET: must be a bucket name/);
  const orphan = configError({ GREENLIST_S3_BUCKET: 'evidence' });
  assert.equal(orphan.path, 'GREENLIST_S3_ENDPOINT');
  assert.match(orphan.message, /is required when GREENLIST_S3_BUCKET is set/);
  assert.doesNotMatch(configError({ ...S3, GREENLIST_S3_BUCKET: '' }).message, /wJalr/, 'the secret key is never echoed');
});
