/** Users who can sign in over HTTP, for the EHS API and page tests: one hash, four roles. */
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../../src/domain/actors/passwords.ts';
import { insertMembership, insertUser } from '../../src/store/repositories/users.ts';
import { now, type Store } from '../../src/store/store.ts';
import { ehsWorld, type EhsWorld } from './ehs-fixtures.ts';

export const PASSWORD = 'ehs-test-password';
export const EMAILS = { plant: 'plant@ehs.test', wuhanPlant: 'wuhan@ehs.test', jiangxi: 'jiangxi@ehs.test', jiujiang: 'jiujiang@ehs.test', hubei: 'hubei@ehs.test' } as const;

async function authority(store: Store, code: string, level: 'national' | 'province' | 'city', nameZh: string): Promise<number> {
  const row = await store.db.insertInto('authorities').values({ code, level, region_code: code, parent_id: null, name_zh: nameZh, name_en: nameZh, settings: '{}', created_at: now() }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function ehsUsers(store: Store): Promise<EhsWorld> {
  const world = await ehsWorld(store);
  const hash = await hashPassword(PASSWORD);
  const jiangxi = await authority(store, '360000', 'province', '江西省工业和信息化厅');
  const jiujiang = await authority(store, '360400', 'city', '九江市工业和信息化局');
  const hubei = await authority(store, '420000', 'province', '湖北省经济和信息化厅');
  const members: [string, Parameters<typeof insertMembership>[1]['role'], { authorityId?: number; enterpriseId?: number }][] = [
    [EMAILS.plant, 'enterprise', { enterpriseId: world.plantId }],
    [EMAILS.wuhanPlant, 'enterprise', { enterpriseId: world.wuhanPlantId }],
    [EMAILS.jiangxi, 'province', { authorityId: jiangxi }],
    [EMAILS.jiujiang, 'city', { authorityId: jiujiang }],
    [EMAILS.hubei, 'province', { authorityId: hubei }],
  ];
  for (const [email, role, scope] of members) {
    const user = await insertUser(store.db, { email, passwordHash: hash, displayName: email.split('@')[0]! });
    await insertMembership(store.db, { userId: user.id, role, ...scope });
  }
  return world;
}

/** Signs in and returns the Authorization header for bearer requests. */
export async function bearer(app: FastifyInstance, email: string): Promise<{ authorization: string }> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD, bearer: true } });
  if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.statusCode} ${response.body}`);
  return { authorization: `Bearer ${response.json().token}` };
}

/** Signs in with the session cookie and returns the cookie and CSRF token a browser would hold. */
export async function browserSession(app: FastifyInstance, email: string, password = PASSWORD): Promise<{ cookie: string; csrfToken: string }> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.statusCode} ${response.body}`);
  const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrfToken: response.json().csrfToken };
}

/** A multipart/form-data body: text fields, then at most one file. */
export function multipartBody(fields: Record<string, string>, file?: { field: string; name: string; type: string; bytes: Uint8Array }): { payload: Buffer; contentType: string } {
  const boundary = '----greenlist-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), Buffer.from(file.bytes), Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
