/**
 * Configuration: parsed once at boot from the environment against one schema. A wrong
 * value stops the process with the variable's name and the reason; nothing reads
 * process.env anywhere else.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../domain/errors.ts';

export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; schema?: string };

/** An S3-compatible bucket for evidence files (AWS S3, MinIO, Ceph RGW, OSS in S3 mode). */
export interface S3Settings {
  /** e.g. https://s3.cn-north-1.amazonaws.com.cn or http://127.0.0.1:9000 */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  database: DatabaseConfig;
  port: number;
  host: string;
  /** Secret for signing cookies and tokens; at least 32 characters. */
  secret: string;
  /** Where the secret came from, for the boot log (never the value). */
  secretSource: 'environment' | 'file' | 'generated';
  logLevel: LogLevel;
  dataDirectory: string;
  /** Load the demo data set when the embedded database is empty. */
  demo: boolean;
  /** Public origin used in feeds, sitemaps and certificate QR codes. */
  publicUrl: string;
  /** Evidence files go to this bucket when set; otherwise to `dataDirectory/files`. */
  s3?: S3Settings;
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** One row per variable: how to read it and what it defaults to. */
export const ENVIRONMENT_VARIABLES = [
  { name: 'DATABASE_URL', default: 'sqlite:./data/greenlist.db', meaning: '`sqlite:path` (embedded, default) or `postgres://user:pass@host:port/db`' },
  { name: 'PORT', default: '3000', meaning: 'HTTP port (1–65535)' },
  { name: 'HOST', default: '0.0.0.0', meaning: 'interface to listen on' },
  { name: 'GREENLIST_SECRET', default: '(generated into data/secret)', meaning: 'cookie and token secret, ≥ 32 characters' },
  { name: 'LOG_LEVEL', default: 'info', meaning: LOG_LEVELS.join(' | ') },
  { name: 'GREENLIST_DATA_DIR', default: './data', meaning: 'folder for the SQLite file, the secret, uploads and keys' },
  { name: 'GREENLIST_DEMO', default: '1', meaning: '0 never loads the demo data set on its own' },
  { name: 'PUBLIC_URL', default: 'http://localhost:PORT', meaning: 'public origin for feeds, sitemap and certificate QR codes' },
  { name: 'GREENLIST_S3_ENDPOINT', default: '(unset: files on local disk)', meaning: 'http(s) URL of an S3-compatible store; when set, evidence files go to its bucket and the four variables below are read' },
  { name: 'GREENLIST_S3_BUCKET', default: '', meaning: 'bucket for evidence files (required with GREENLIST_S3_ENDPOINT)' },
  { name: 'GREENLIST_S3_REGION', default: 'us-east-1', meaning: 'region used in the SigV4 signature' },
  { name: 'GREENLIST_S3_ACCESS_KEY_ID', default: '', meaning: 'access key (required with GREENLIST_S3_ENDPOINT)' },
  { name: 'GREENLIST_S3_SECRET_ACCESS_KEY', default: '', meaning: 'secret key (required with GREENLIST_S3_ENDPOINT)' },
  { name: 'GREENLIST_JOB_LEASE_MS', default: '300000', meaning: 'how long a claimed job may run without renewing its claim before another worker takes it back (tests shorten it)' },
] as const;

function fail(variable: string, reason: string): never {
  throw new AppError('CONFIG', `${variable}: ${reason}`, { path: variable });
}

export function parseDatabaseUrl(value: string, variable = 'DATABASE_URL'): DatabaseConfig {
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') fail(variable, 'sqlite: needs a file path, e.g. sqlite:./data/greenlist.db');
    return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  if (value.startsWith('postgres://') || value.startsWith('postgresql://')) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      fail(variable, 'is not a valid postgres:// URL');
    }
    if (url.pathname.length <= 1) fail(variable, 'names no database (postgres://user:pass@host:5432/DATABASE)');
    const schema = url.searchParams.get('schema') ?? undefined;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) fail(variable, `schema "${schema}" must be a lower-case identifier`);
    url.searchParams.delete('schema');
    return schema === undefined ? { kind: 'postgres', url: url.toString() } : { kind: 'postgres', url: url.toString(), schema };
  }
  fail(variable, `must start with sqlite: or postgres:// (got "${value.slice(0, 40)}")`);
}

function parsePort(value: string): number {
  if (!/^\d+$/.test(value)) fail('PORT', `must be a whole number, got "${value}"`);
  const port = Number(value);
  if (port < 0 || port > 65535) fail('PORT', `must be between 0 and 65535, got ${port}`);
  return port;
}

function readSecret(value: string | undefined, dataDirectory: string): Pick<Config, 'secret' | 'secretSource'> {
  if (value !== undefined && value !== '') {
    if (value.length < 32) fail('GREENLIST_SECRET', `must be at least 32 characters (got ${value.length})`);
    return { secret: value, secretSource: 'environment' };
  }
  const file = join(dataDirectory, 'secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length < 32) fail('GREENLIST_SECRET', `${file} holds fewer than 32 characters; delete it to regenerate`);
    return { secret: stored, secretSource: 'file' };
  }
  mkdirSync(dirname(file), { recursive: true });
  const generated = randomBytes(32).toString('base64url');
  writeFileSync(file, generated + '\n', { mode: 0o600 });
  return { secret: generated, secretSource: 'generated' };
}

const S3_VARIABLES = { bucket: 'GREENLIST_S3_BUCKET', accessKeyId: 'GREENLIST_S3_ACCESS_KEY_ID', secretAccessKey: 'GREENLIST_S3_SECRET_ACCESS_KEY' } as const;

/** The bucket settings, or undefined when no GREENLIST_S3_* variable is set (files stay on local disk). */
function parseS3Settings(environment: Record<string, string | undefined>): S3Settings | undefined {
  const endpoint = environment.GREENLIST_S3_ENDPOINT || undefined;
  if (endpoint === undefined) {
    // A bucket or key without an endpoint would silently leave files on one machine's disk.
    const stray = [...Object.values(S3_VARIABLES), 'GREENLIST_S3_REGION'].find((name) => environment[name]);
    if (stray !== undefined) fail('GREENLIST_S3_ENDPOINT', `is required when ${stray} is set (unset every GREENLIST_S3_* variable to keep files on local disk)`);
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    fail('GREENLIST_S3_ENDPOINT', `is not a URL: "${endpoint.slice(0, 80)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail('GREENLIST_S3_ENDPOINT', `must be an http:// or https:// URL, got "${url.protocol}"`);
  if (url.username !== '' || url.password !== '') fail('GREENLIST_S3_ENDPOINT', 'must not carry credentials; use GREENLIST_S3_ACCESS_KEY_ID and GREENLIST_S3_SECRET_ACCESS_KEY');
  const required = (key: keyof typeof S3_VARIABLES): string => environment[S3_VARIABLES[key]] || fail(S3_VARIABLES[key], 'is required when GREENLIST_S3_ENDPOINT is set');
  const bucket = required('bucket');
  if (bucket.includes('/')) fail('GREENLIST_S3_BUCKET', `must be a bucket name, not a path: "${bucket}"`);
  return { endpoint, bucket, region: environment.GREENLIST_S3_REGION || 'us-east-1', accessKeyId: required('accessKeyId'), secretAccessKey: required('secretAccessKey') };
}

/** Parses the environment; throws AppError CONFIG naming the variable that is wrong. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const dataDirectory = resolve(environment.GREENLIST_DATA_DIR || './data');
  const database = parseDatabaseUrl(environment.DATABASE_URL || `sqlite:${join(dataDirectory, 'greenlist.db')}`);
  const port = parsePort(environment.PORT || '3000');
  const logLevel = (environment.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) fail('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  const demoValue = environment.GREENLIST_DEMO ?? '1';
  if (!['0', '1', 'true', 'false'].includes(demoValue)) fail('GREENLIST_DEMO', `must be 0 or 1, got "${demoValue}"`);
  const publicUrl = (environment.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    fail('PUBLIC_URL', `is not a URL: "${publicUrl}"`);
  }
  jobLeaseMs(environment);
  const s3 = parseS3Settings(environment);
  return {
    database,
    port,
    host: environment.HOST || '0.0.0.0',
    ...readSecret(environment.GREENLIST_SECRET, dataDirectory),
    logLevel,
    dataDirectory,
    demo: demoValue === '1' || demoValue === 'true',
    publicUrl,
    ...(s3 === undefined ? {} : { s3 }),
  };
}

/**
 * The job lease (GREENLIST_JOB_LEASE_MS, milliseconds, default five minutes): read on its
 * own because the job table needs it where no Config is passed; fails loudly like the rest.
 */
export function jobLeaseMs(environment: Record<string, string | undefined> = process.env): number {
  const value = environment.GREENLIST_JOB_LEASE_MS || '300000';
  if (!/^\d+$/.test(value) || Number(value) < 100) fail('GREENLIST_JOB_LEASE_MS', `must be a whole number of milliseconds ≥ 100, got "${value}"`);
  return Number(value);
}
