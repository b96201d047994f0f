/**
 * Web security over HTTP, on both databases: CSRF on every state-changing route (the
 * list generated from the route declarations), sessions (fixation, server-side sign-out,
 * cookie flags), the strict Content Security Policy and its companions on every page,
 * and output escaping of hostile names on every page that shows them. Abuse limits,
 * uploads, injection and the audit of administrative actions are in
 * web-security-abuse.test.ts.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/http/security-headers.ts';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { prepareMatrixWorlds, type MatrixWorlds } from './matrix-world.ts';
import { DECLARED_HERE, demoCaller, expectAllowed, key, LOGOUT, probesOf, publicCaller, SEED_DAY, USERS, type Caller } from './route-probes.ts';
import { ESCAPED_TAG, plantHostileRecords, UNSAFE_FRAGMENTS, type HostileRecords } from './hostile-records.ts';

const cookieOf = (response: LightMyRequestResponse, name: string) => ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`));
const errorCode = (response: LightMyRequestResponse) => /"code":"([A-Z_]+)"|状态码 \d+（([A-Z_]+)）/.exec(response.body)?.slice(1).find(Boolean);

for (const dialect of DIALECTS) {
  describe(`web security on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let worlds: MatrixWorlds;
    let hostile: HostileRecords;
    const callers = new Map<string, Caller>();
    before(async () => {
      t = await startTestApp(dialect, {
        prepare: async (store) => {
          await seedDemo(store, { today: SEED_DAY });
          worlds = await prepareMatrixWorlds(store);
          hostile = await plantHostileRecords(store);
        },
      });
      callers.set('public', await publicCaller(t.app));
      for (const email of USERS) callers.set(email, await demoCaller(t.store, email));
    });
    after(() => t?.close());

    /** A caller the route's rule lets through, for its first Jiangxi probe. */
    async function allowedCaller(route: (typeof t.app.routeAccessTable)[number]) {
      const access = route.access ?? DECLARED_HERE[key(route)]!;
      const probe = probesOf(route, access, worlds)[0]!;
      for (const caller of callers.values()) if (await expectAllowed(t.store, probe, caller)) return { probe, caller };
      return undefined;
    }

    test('every state-changing route refuses a cookie session without its token, and anonymous forms without the double-submitted one', async () => {
      const routes = t.app.routeAccessTable.filter((r) => !['GET', 'HEAD'].includes(r.method) && !r.url.startsWith('/docs'));
      assert.ok(routes.length > 60, `${routes.length} state-changing routes`);
      const missed: string[] = [];
      let checked = 0;
      for (const route of routes) {
        const chosen = await allowedCaller(route);
        assert.ok(chosen !== undefined, `${key(route)}: some demo caller may call it`);
        const { probe, caller } = chosen;
        const accept = route.web ? 'text/html' : 'application/json';
        const body = route.web ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' } : { headers: { 'content-type': 'application/json' }, payload: '{}' };
        const send = (headers: Record<string, string>) => t.app.inject({ method: route.method as 'POST', url: probe.url, headers: { accept, ...(route.method === 'DELETE' ? {} : body.headers), ...headers }, ...(route.method === 'DELETE' ? {} : { payload: body.payload }) });
        const attempts: [string, Record<string, string>][] = [];
        if (caller.actor.kind === 'user') {
          // Any signed-in user's session cookie, without the token or with another session's.
          const user = callers.get('admin@demo')!;
          const session = caller.headers.cookie!;
          attempts.push(['session cookie, no token', { cookie: session }], ['session cookie, another session’s token', { cookie: session, 'x-csrf-token': user === caller ? callers.get('national@demo')!.headers['x-csrf-token']! : user.headers['x-csrf-token']! }]);
        } else if (route.web) {
          // JSON requests without a session carry no credential (and cannot cross sites without CORS): only forms are checked.
          attempts.push(['anonymous form, no form token', {}], ['anonymous form, a token without its cookie', { 'x-csrf-token': caller.headers['x-csrf-token']! }], ['anonymous form, a cookie without its token', { cookie: caller.headers.cookie! }]);
        }
        for (const [what, headers] of attempts) {
          const response = await send(headers);
          checked++;
          if (response.statusCode !== 403 || errorCode(response) !== 'CSRF') missed.push(`${route.method} ${probe.url} (${what}, as ${caller.name}): ${response.statusCode} ${errorCode(response)}`);
        }
      }
      assert.deepEqual(missed, []);
      assert.ok(checked > 120, `${checked} refusals checked`);
      // The routes a visitor posts without an account are among them.
      for (const url of ['POST /contact', 'POST /login', 'POST /logout', 'POST /notices/:id/objections']) assert.ok(routes.some((r) => key(r) === url), url);
    });

    test('sign-in issues a new session whatever cookie came before; sign-out ends it on the server', async () => {
      const fixed = 'attacker-chosen-session-token-0123456789';
      const visitor = callers.get('public')!;
      const signIn = await t.app.inject({ method: 'POST', url: '/login', headers: { cookie: `${visitor.headers.cookie}; gl_session=${fixed}`, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: visitor.headers['x-csrf-token']!, email: 'province@demo', password: 'greenlist-demo' }).toString() });
      assert.equal(signIn.statusCode, 303);
      const session = signIn.cookies.find((c) => c.name === 'gl_session')!.value;
      assert.notEqual(session, fixed);
      assert.notEqual(session, visitor.headers['x-csrf-token'], 'the form token does not become the session');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `gl_session=${fixed}` } })).statusCode, 401, 'the planted token opens nothing');
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `gl_session=${session}` } });
      assert.equal(me.json().user.email, 'province@demo');
      const csrf = (await t.app.inject({ method: 'GET', url: '/workspace', headers: { cookie: `gl_session=${session}` } })).body.match(/name="_csrf" value="([^"]+)"/)?.[1];
      assert.ok(csrf !== undefined, 'the workspace carries the session’s form token');
      const sessionsBefore = (await t.store.db.selectFrom('sessions').select('id').execute()).length;
      const signOut = await t.app.inject({ method: 'POST', url: '/logout', headers: { cookie: `gl_session=${session}`, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${csrf}` });
      assert.equal(signOut.statusCode, 303);
      assert.match(cookieOf(signOut, 'gl_session') ?? '', /^gl_session=;/, 'the cookie is cleared');
      assert.equal((await t.store.db.selectFrom('sessions').select('id').execute()).length, sessionsBefore - 1, 'the session row is gone');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `gl_session=${session}` } })).statusCode, 401, 'a copied cookie no longer works');
      // A bearer token likewise ends with API sign-out.
      const bearer = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'city@demo', password: 'greenlist-demo', bearer: true }, remoteAddress: '10.9.9.1' })).json().token as string;
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${bearer}` } })).statusCode, 204);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${bearer}` } })).statusCode, 401);
    });

    test('session and form cookies are HttpOnly, SameSite=Lax, path /, and Secure behind an https proxy', async () => {
      for (const proto of ['http', 'https'] as const) {
        const headers = { 'content-type': 'application/json', ...(proto === 'https' ? { 'x-forwarded-proto': 'https' } : {}) };
        const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { email: 'expert@demo', password: 'greenlist-demo' }, remoteAddress: `10.9.9.${proto === 'http' ? 2 : 3}` });
        const form = await t.app.inject({ method: 'GET', url: '/contact', headers: proto === 'https' ? { 'x-forwarded-proto': 'https' } : {} });
        for (const cookie of [cookieOf(login, 'gl_session'), cookieOf(form, 'gl_form')]) {
          assert.ok(cookie !== undefined);
          assert.match(cookie, /; HttpOnly/i, cookie);
          assert.match(cookie, /; SameSite=Lax/i, cookie);
          assert.match(cookie, /; Path=\//, cookie);
          if (proto === 'https') assert.match(cookie, /; Secure/i, cookie);
          else assert.doesNotMatch(cookie, /; Secure/i, cookie);
        }
      }
    });

    test('every page carries the strict policy and its companions, and holds no inline script, style or handler', async () => {
      const pages = t.app.routeAccessTable.filter((r) => r.method === 'GET' && r.web && !r.url.startsWith('/docs'));
      const problems: string[] = [];
      for (const route of pages) {
        const chosen = await allowedCaller(route);
        if (chosen === undefined) continue;
        const response = await t.app.inject({ method: 'GET', url: chosen.probe.url, headers: { accept: 'text/html', cookie: chosen.caller.headers.cookie ?? '' } });
        const where = `${chosen.probe.url} (${response.statusCode})`;
        if (response.headers['content-security-policy'] !== CONTENT_SECURITY_POLICY) problems.push(`${where}: CSP ${response.headers['content-security-policy']}`);
        for (const [name, value] of [['x-frame-options', 'DENY'], ['x-content-type-options', 'nosniff'], ['referrer-policy', 'no-referrer']] as const) if (response.headers[name] !== value) problems.push(`${where}: ${name}`);
        if (!String(response.headers['content-type'] ?? '').includes('text/html')) continue;
        if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(response.body)) problems.push(`${where}: an inline <script>`);
        if (/<[a-z][^>]*\sstyle="/i.test(response.body)) problems.push(`${where}: a style attribute`);
        if (/<[a-z][^>]*\son[a-z]+=/i.test(response.body)) problems.push(`${where}: an inline event handler`);
      }
      assert.deepEqual(problems, []);
      assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|\*/);
      assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'/);
      assert.match(CONTENT_SECURITY_POLICY, /frame-ancestors 'none'/);
      const missing = await t.app.inject({ method: 'GET', url: '/no-such-page', headers: { accept: 'text/html' } });
      assert.equal(missing.headers['content-security-policy'], CONTENT_SECURITY_POLICY, 'error pages too');
    });

    test('a name made of script and quotes shows as text on every page that shows it', async () => {
      const as = (name: string) => callers.get(name)!.headers.cookie!;
      const pages: [string, string | undefined, boolean][] = [
        // [url, who, the record is shown there]
        [`/notices/${hostile.noticeId}`, undefined, true],
        [`/notices/${hostile.noticeId}/object`, undefined, true],
        [`/enterprises/${hostile.enterpriseId}`, undefined, true],
        [`/en/enterprises/${hostile.enterpriseId}`, undefined, true],
        [`/search?q=${hostile.creditCode}`, undefined, true],
        [`/search/live?q=${hostile.creditCode}`, undefined, true],
        ['/news', undefined, true],
        [`/news/${hostile.newsSlug}`, undefined, true],
        ['/', undefined, false],
        ['/lists', undefined, false],
        ['/notices', undefined, false],
        ['/sitemap.xml', undefined, false],
        ...(hostile.certificateNumber === null ? [] : ([[`/verify/${hostile.certificateNumber}`, undefined, false]] as [string, undefined, boolean][])),
        [`/workspace/notices/${hostile.noticeId}`, as('national@demo'), true],
        ['/workspace/admin/messages', as('admin@demo'), true],
        ['/workspace/admin/news', as('admin@demo'), true],
        [`/workspace/ehs/${hostile.plantId}`, as('enterprise@demo'), true],
        [`/workspace/ehs/${hostile.plantId}`, as('province@demo'), true],
        ['/workspace/applications', as('national@demo'), false],
        ['/workspace/dynamic-management', as('national@demo'), false],
      ];
      const problems: string[] = [];
      for (const [url, cookie, shown] of pages) {
        const response = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...(cookie === undefined ? {} : { cookie }) } });
        if (response.statusCode !== 200) problems.push(`${url}: ${response.statusCode}`);
        for (const fragment of UNSAFE_FRAGMENTS) if (response.body.includes(fragment)) problems.push(`${url}: shows ${JSON.stringify(fragment)} unescaped`);
        if (shown && !response.body.includes(ESCAPED_TAG)) problems.push(`${url}: does not show the name (escaped)`);
      }
      // Feeds: RSS titles are plain text (CDATA), but what readers take as HTML — Atom's
      // type="html" title and summary, RSS's description — holds the name escaped.
      const parser = new XMLParser({ ignoreAttributes: false });
      const rss = parser.parse((await t.app.inject({ method: 'GET', url: '/feed.xml' })).body).rss.channel.item as { title: string; description: string }[];
      const atom = parser.parse((await t.app.inject({ method: 'GET', url: '/atom.xml' })).body).feed.entry as { title: { '#text': string }; summary: { '#text': string } }[];
      const hostileRss = rss.find((item) => item.title.includes('alert(1)'));
      const hostileAtom = atom.find((entry) => entry.title['#text'].includes('alert(1)'));
      if (hostileRss === undefined || hostileAtom === undefined) problems.push('the feeds do not carry the hostile news item');
      else {
        for (const html of [hostileRss.description, hostileAtom.title['#text'], hostileAtom.summary['#text']]) if (html.includes('<script') || !html.includes(ESCAPED_TAG)) problems.push(`a feed's HTML field holds ${html}`);
      }
      assert.deepEqual(problems, []);
      // The JSON API returns the text as data (a JSON string, served as application/json with nosniff).
      const json = await t.app.inject({ method: 'GET', url: `/api/v1/enterprises/${hostile.enterpriseId}` });
      assert.match(String(json.headers['content-type']), /application\/json/);
      assert.equal(json.headers['x-content-type-options'], 'nosniff');
    });
  });
}
