/**
 * Helpers for the workspace's HTTP tests: a signed-in browser-like session (cookie + the
 * session's CSRF token), form posts and multipart uploads through `app.inject`, and the
 * demo's ids the tests need.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { apiLogin, FORM, formBody } from '../support/http.ts';
import { findUserByEmail, insertMembership, insertUser } from '../../src/store/repositories/users.ts';
import type { Store } from '../../src/store/store.ts';

export interface WebSession {
  email: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, fields: Record<string, string | readonly string[]>): Promise<LightMyRequestResponse>;
  upload(url: string, fields: Record<string, string>, file: { field: string; name: string; type: string; bytes: Buffer }): Promise<LightMyRequestResponse>;
}

/** Fields as a urlencoded body; array values repeat the name (checkbox lists). */
function encode(fields: Record<string, string | readonly string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of typeof value === 'string' ? [value] : value) params.append(key, v);
  return params.toString();
}

export function multipart(fields: Record<string, string>, file: { field: string; name: string; type: string; bytes: Buffer }): { body: Buffer; contentType: string } {
  const boundary = `----greenlist${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${file.field}"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function webSession(app: FastifyInstance, email: string, password = 'greenlist-demo'): Promise<WebSession> {
  const { cookie, csrf } = await apiLogin(app, email, password);
  const headers = { cookie, accept: 'text/html' };
  return {
    email,
    get: (url) => app.inject({ method: 'GET', url, headers }),
    post: (url, fields) => app.inject({ method: 'POST', url, headers: { ...headers, ...FORM }, payload: encode({ _csrf: csrf, ...fields }) }),
    upload: (url, fields, file) => {
      const { body, contentType } = multipart({ _csrf: csrf, ...fields }, file);
      return app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': contentType }, payload: body });
    },
  };
}

export { formBody, FORM };

/** A user with one membership, signing in with the demo password (enterprise staff of another enterprise …). */
export async function addWebUser(store: Store, email: string, membership: Omit<Parameters<typeof insertMembership>[1], 'userId'>): Promise<void> {
  const template = await findUserByEmail(store.db, 'expert@demo');
  const user = await insertUser(store.db, { email, passwordHash: template!.password_hash, displayName: email });
  await insertMembership(store.db, { userId: user.id, ...membership });
}

/** The silicone plant, its first factory and its draft national application. */
export async function plantIds(store: Store): Promise<{ enterpriseId: number; factoryId: number; applicationId: number; batchId: number }> {
  const plant = await store.db.selectFrom('enterprises').select('id').where('name_zh', '=', '江西蓝星星火有机硅有限公司').executeTakeFirstOrThrow();
  const factory = await store.db.selectFrom('factories').select('id').where('enterprise_id', '=', plant.id).orderBy('id').executeTakeFirstOrThrow();
  const application = await store.db.selectFrom('applications').select(['id', 'batch_id']).where('enterprise_id', '=', plant.id).orderBy('id').executeTakeFirstOrThrow();
  return { enterpriseId: plant.id, factoryId: factory.id, applicationId: application.id, batchId: application.batch_id! };
}

/** Asserts a pattern in a page without printing the whole page when it is missing. */
export function assertContains(body: string, pattern: RegExp | string, message?: string): void {
  const found = typeof pattern === 'string' ? body.includes(pattern) : pattern.test(body);
  if (!found) throw new Error(`${message ?? 'page'} lacks ${String(pattern)}; it reads: ${body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 600)}`);
}

export function assertLacks(body: string, pattern: RegExp | string, message?: string): void {
  const found = typeof pattern === 'string' ? body.includes(pattern) : pattern.test(body);
  if (found) throw new Error(`${message ?? 'page'} should not contain ${String(pattern)}`);
}

/** The location a 303 points to, without the language prefix. */
export function location(response: LightMyRequestResponse): string {
  return String(response.headers.location ?? '');
}
