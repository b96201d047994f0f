/**
 * Conditional GET for public pages and feeds. The ETag is derived from the data version
 * (the audit log's head, store/queries/data-version.ts), the URL, the language, the day
 * in Shanghai (notices open and close by date) and the code version (new code, new
 * markup; the same in every process of one release) — so it is known *before* rendering: a matching If-None-Match or
 * If-Modified-Since answers 304 without touching the page's queries, and an unchanged
 * page is served from a small in-process cache of rendered bodies.
 *
 * Pages that carry something personal (a signed-in session, a visitor's form token) are
 * keyed by a hash of it as well, sent `private`, and never enter the shared cache.
 */
import { createHash, randomBytes } from 'node:crypto';
import { codeVersion } from './code-version.ts';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { todayInShanghai } from '../domain/calendar/plain-date.ts';
import { currentDataVersion } from '../store/queries/data-version.ts';
import { SESSION_COOKIE } from '../http/auth.ts';

const BOOT_TIME = new Date();
const CACHE_ENTRIES = 256;
/** Rendered bodies as bytes, and gzipped once: a hit sends them without encoding or compressing again. */
interface CachedBody {
  raw: Buffer;
  gzip: Buffer | null;
  status: number;
}
const bodies = new Map<string, CachedBody>();
/** Below this size compression saves less than it costs. */
const GZIP_MIN_BYTES = 1024;

function cachedBody(raw: Buffer, status: number): CachedBody {
  return { raw, gzip: raw.byteLength >= GZIP_MIN_BYTES ? gzipSync(raw, { level: 6 }) : null, status };
}

/** What a render gives: the body, or the body with a status other than 200 (a 404 verdict page). */
export type Rendered = string | { body: string; status: number };

function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  return typeof header === 'string' && /\bgzip\b/.test(header) && !/\bgzip;\s*q=0(\.0*)?\b/.test(header);
}
/** One id per open store, so two apps in one process (tests) never share cached bodies. */
const storeIds = new WeakMap<object, string>();

function storeIdOf(store: object): string {
  let id = storeIds.get(store);
  if (id === undefined) {
    id = randomBytes(6).toString('hex');
    storeIds.set(store, id);
  }
  return id;
}

export interface CacheableOptions {
  /** Content type; HTML by default. */
  type?: string;
  /** Something only this visitor sees (a form token): the response is private and unshared. */
  personal?: string | undefined;
}

function httpDate(date: Date): string {
  return date.toUTCString();
}

function lastModifiedOf(at: string | undefined): Date {
  const date = at === undefined ? BOOT_TIME : new Date(at);
  // Whole seconds: HTTP dates carry no fraction, and comparisons must agree with what was sent.
  return new Date(Math.floor(Math.max(date.getTime(), BOOT_TIME.getTime()) / 1000) * 1000);
}

function etagMatches(header: string, etag: string): boolean {
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => {
    const trimmed = candidate.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === opaque;
  });
}

/** True when the request's validators say the client's copy is current (RFC 9110 §13.1). */
export function isNotModified(request: FastifyRequest, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (typeof ifNoneMatch === 'string') return etagMatches(ifNoneMatch, etag);
  const ifModifiedSince = request.headers['if-modified-since'];
  if (typeof ifModifiedSince === 'string') {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && lastModified.getTime() <= since;
  }
  return false;
}

function personalKey(request: FastifyRequest, options: CacheableOptions): string | undefined {
  const session = request.cookies?.[SESSION_COOKIE] ?? request.headers.authorization;
  if (session === undefined && options.personal === undefined) return undefined;
  return createHash('sha256').update(String(session ?? '')).update('\u0000').update(options.personal ?? '').digest('base64url');
}

export interface Validators {
  etag: string;
  lastModified: Date;
  personal: boolean;
  /** Sets ETag, Last-Modified, Cache-Control and Vary on the reply. */
  apply(reply: FastifyReply): FastifyReply;
  /** True when the client's copy is current: answer 304. */
  notModified: boolean;
}

/** The validators of this request's response at the current data version. */
export async function validatorsFor(request: FastifyRequest, options: CacheableOptions = {}): Promise<Validators> {
  const store = request.server.context.store;
  const version = await currentDataVersion(store);
  const personal = personalKey(request, options);
  const fragment = request.headers['hx-request'] === 'true' ? 'fragment' : 'page';
  const etag = 'W/"' + createHash('sha256').update([codeVersion(), version.id, request.lang, request.url, todayInShanghai(), fragment, personal ?? ''].join('\u0000')).digest('base64url').slice(0, 27) + '"';
  const lastModified = lastModifiedOf(version.at);
  return {
    etag,
    lastModified,
    personal: personal !== undefined,
    notModified: isNotModified(request, etag, lastModified),
    apply: (reply) =>
      reply
        .header('etag', etag)
        .header('last-modified', httpDate(lastModified))
        .header('cache-control', personal === undefined ? 'public, no-cache' : 'private, no-cache')
        .header('vary', 'Accept-Encoding, Cookie, HX-Request'),
  };
}

/**
 * Sends `render()`'s output with ETag and Last-Modified, or 304 when the client's copy is
 * current. `render` runs only when neither the client nor the cache holds this version.
 */
export async function sendCacheable(request: FastifyRequest, reply: FastifyReply, render: () => Promise<Rendered> | Rendered, options: CacheableOptions = {}): Promise<FastifyReply> {
  const validators = await validatorsFor(request, options);
  if (validators.notModified) return validators.apply(reply).status(304).send();
  // Keyed by the store too: two apps in one process (tests) may reach the same ETag.
  const cacheKey = `${storeIdOf(request.server.context.store)} ${validators.etag}`;
  let cached = validators.personal ? undefined : bodies.get(cacheKey);
  // Headers are set only once the body exists: a render that throws leaves an error response without validators.
  if (cached === undefined) {
    const rendered = await render();
    const raw = Buffer.from(typeof rendered === 'string' ? rendered : rendered.body, 'utf8');
    const status = typeof rendered === 'string' ? 200 : rendered.status;
    if (validators.personal) return validators.apply(reply).status(status).type(options.type ?? 'text/html; charset=utf-8').send(raw);
    cached = cachedBody(raw, status);
    if (bodies.size >= CACHE_ENTRIES) bodies.delete(bodies.keys().next().value as string);
    bodies.set(cacheKey, cached);
  }
  validators.apply(reply).status(cached.status).type(options.type ?? 'text/html; charset=utf-8');
  if (cached.gzip !== null && acceptsGzip(request)) return reply.header('content-encoding', 'gzip').send(cached.gzip);
  return reply.send(cached.raw);
}
