/** Browser-style sign-in: the form, CSRF, lockout, the workspace behind it, sign-out. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { CookieJar, csrfFromPage, FORM, formBody } from '../support/http.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { MAX_FAILURES } from '../../src/commands/auth/sign-in.ts';

for (const dialect of DIALECTS) {
  describe(`sign-in pages on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(dialect, { prepare: (store) => seedDemo(store, { today: '2026-11-30' }).then(() => undefined) });
    });
    after(() => t?.close());

    async function openLogin(jar: CookieJar) {
      const page = await t.app.inject({ method: 'GET', url: '/login?next=/workspace', headers: { cookie: jar.header() } });
      jar.store(page);
      return csrfFromPage(page.body);
    }

    test('the workspace sends a visitor to the sign-in page and back', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/workspace' });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/login?next=%2Fworkspace');
      const jar = new CookieJar();
      const csrf = await openLogin(jar);
      const signedIn = await t.app.inject({ method: 'POST', url: '/login', headers: { ...FORM, cookie: jar.header() }, payload: formBody({ _csrf: csrf, email: 'province@demo', password: 'greenlist-demo', next: '/workspace' }) });
      assert.equal(signedIn.statusCode, 303, signedIn.body);
      assert.equal(signedIn.headers.location, '/workspace');
      const cookie = signedIn.cookies.find((c) => c.name === 'gl_session')!;
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      jar.store(signedIn);
      const dashboard = await t.app.inject({ method: 'GET', url: '/workspace', headers: { cookie: jar.header() } });
      assert.equal(dashboard.statusCode, 200);
      assert.match(dashboard.body, /江西省审核员（示例）/);
      assert.match(dashboard.body, /省级审核/);
      // sign out ends the server-side session
      const logout = await t.app.inject({ method: 'POST', url: '/logout', headers: { ...FORM, cookie: jar.header() }, payload: formBody({ _csrf: csrfFromPage(dashboard.body) }) });
      assert.equal(logout.statusCode, 303);
      const after = await t.app.inject({ method: 'GET', url: '/workspace', headers: { cookie: `gl_session=${cookie.value}` } });
      assert.equal(after.statusCode, 303, 'the old session token no longer works');
    });

    test('a form post without the matching token is refused (CSRF)', async () => {
      const jar = new CookieJar();
      await openLogin(jar);
      const forged = await t.app.inject({ method: 'POST', url: '/login', headers: { ...FORM, cookie: jar.header() }, payload: formBody({ _csrf: 'forged', email: 'province@demo', password: 'greenlist-demo' }) });
      assert.equal(forged.statusCode, 403);
      const noCookie = await t.app.inject({ method: 'POST', url: '/login', headers: FORM, payload: formBody({ email: 'province@demo', password: 'greenlist-demo' }) });
      assert.equal(noCookie.statusCode, 403);
      assert.equal(noCookie.cookies.find((c) => c.name === 'gl_session'), undefined);
    });

    test(`${MAX_FAILURES} wrong passwords lock the account, even against the right one`, async () => {
      const jar = new CookieJar();
      const csrf = await openLogin(jar);
      const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/login', headers: { ...FORM, cookie: jar.header() }, payload: formBody({ _csrf: csrf, email: 'city@demo', password }) });
      for (let i = 1; i < MAX_FAILURES; i++) {
        const wrong = await attempt('not-the-password');
        assert.equal(wrong.statusCode, 401);
        assert.match(wrong.body, /邮箱或密码错误/);
      }
      const locking = await attempt('not-the-password');
      assert.equal(locking.statusCode, 423);
      assert.match(locking.body, /锁定/);
      const right = await attempt('greenlist-demo');
      assert.equal(right.statusCode, 423, 'locked even with the right password');
      const audit = await t.store.db.selectFrom('audit_events').select('action').where('action', '=', 'user.locked').execute();
      assert.equal(audit.length, 1);
    });

    test('next= cannot send the user to another site', async () => {
      const jar = new CookieJar();
      const page = await t.app.inject({ method: 'GET', url: '/login?next=//evil.example/x' });
      jar.store(page);
      const signedIn = await t.app.inject({ method: 'POST', url: '/login', headers: { ...FORM, cookie: jar.header() }, payload: formBody({ _csrf: csrfFromPage(page.body), email: 'national@demo', password: 'greenlist-demo', next: '//evil.example/x' }) });
      assert.equal(signedIn.headers.location, '/workspace');
    });
  });
}
