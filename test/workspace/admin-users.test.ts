/** Administrators create users and assign roles within their region; others cannot. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { apiLogin, csrfFromPage, FORM, formBody } from '../support/http.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';

for (const dialect of DIALECTS) {
  describe(`user administration on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let jiangxiId: number;
    let hubeiId: number;
    before(async () => {
      t = await startTestApp(dialect, { prepare: (store) => seedDemo(store, { today: '2026-11-30' }).then(() => undefined) });
      jiangxiId = (await t.store.db.selectFrom('authorities').select('id').where('code', '=', '360000').executeTakeFirstOrThrow()).id;
      hubeiId = (await t.store.db.selectFrom('authorities').select('id').where('code', '=', '420000').executeTakeFirstOrThrow()).id;
    });
    after(() => t?.close());

    test('the national administrator creates a Jiangxi reviewer who can then sign in', async () => {
      const admin = await apiLogin(t.app, 'admin@demo');
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: { email: 'new.reviewer@jx.example', displayName: '新审核员', password: 'a-long-password', role: 'province', authorityId: jiangxiId } });
      assert.equal(created.statusCode, 201, created.body);
      const session = await apiLogin(t.app, 'new.reviewer@jx.example', 'a-long-password');
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
      assert.equal(me.json().user.memberships[0].regionCode, '360000');
      const audit = await t.store.db.selectFrom('audit_events').select(['data']).where('action', '=', 'user.created').execute();
      assert.equal(audit.length, 1);
      assert.doesNotMatch(audit[0]!.data, /a-long-password/);
    });

    test('a reviewer is refused, the wrong level is refused, a duplicate e-mail is a conflict', async () => {
      const reviewer = await apiLogin(t.app, 'province@demo');
      const refused = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: reviewer.headers, payload: { email: 'x@jx.example', displayName: '某人', password: 'a-long-password', role: 'city', authorityId: jiangxiId } });
      assert.equal(refused.statusCode, 403);
      const admin = await apiLogin(t.app, 'admin@demo');
      const wrongLevel = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: { email: 'y@jx.example', displayName: '某人', password: 'a-long-password', role: 'city', authorityId: hubeiId } });
      assert.equal(wrongLevel.statusCode, 400);
      assert.equal(wrongLevel.json().error.path, 'role');
      const duplicate = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: { email: 'PROVINCE@demo', displayName: '重复', password: 'a-long-password', role: 'province', authorityId: hubeiId } });
      assert.equal(duplicate.statusCode, 409);
      const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin.cookie }, payload: { email: 'z@jx.example', displayName: '某人', password: 'a-long-password', role: 'province', authorityId: hubeiId } });
      assert.equal(noCsrf.statusCode, 403);
      assert.equal(noCsrf.json().error.code, 'CSRF');
    });

    test('the admin page lists users and creates one through the form', async () => {
      const admin = await apiLogin(t.app, 'admin@demo');
      const page = await t.app.inject({ method: 'GET', url: '/workspace/admin/users', headers: { cookie: admin.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /enterprise@demo/);
      const posted = await t.app.inject({ method: 'POST', url: '/workspace/admin/users', headers: { ...FORM, cookie: admin.cookie }, payload: formBody({ _csrf: csrfFromPage(page.body), displayName: '武汉审核员', email: 'wuhan@hb.example', password: 'short', role: 'city', authorityId: '' }) });
      assert.equal(posted.statusCode, 400);
      assert.match(posted.body, /password/);
      assert.match(posted.body, /wuhan@hb.example/, 'the form keeps what was typed');
    });
  });
}
