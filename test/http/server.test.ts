/** The application on an empty database: home page, health, OpenAPI, errors, headers. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

for (const dialect of DIALECTS) {
  describe(`server on an empty ${dialect.name} database`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(dialect);
    });
    after(() => t?.close());

    test('GET /healthz answers ok and names the database', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(response.statusCode, 200);
      assert.equal(response.json().status, 'ok');
      assert.equal(response.json().database, dialect.name);
    });

    test('the home page is Chinese by default, English with ?lang=en and /en/, with live zero counts', async () => {
      const zh = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
      assert.equal(zh.statusCode, 200);
      assert.match(zh.headers['content-type'] as string, /text\/html/);
      assert.match(zh.body, /<html lang="zh-CN">/);
      assert.match(zh.body, /登记企业/);
      assert.match(zh.body, /尚未发布任何批次/);
      assert.doesNotMatch(zh.body, /示例数据/);
      for (const url of ['/?lang=en', '/en/', '/en']) {
        const en = await t.app.inject({ method: 'GET', url });
        assert.equal(en.statusCode, 200, url);
        assert.match(en.body, /<html lang="en">/, url);
        assert.match(en.body, /Registered enterprises/, url);
      }
    });

    test('security headers are set on pages', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/' });
      assert.match(response.headers['content-security-policy'] as string, /default-src 'self'/);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(response.headers['x-frame-options'], 'DENY');
      assert.equal(response.headers['referrer-policy'], 'no-referrer');
    });

    test('/openapi.json is an OpenAPI 3 document with the documented routes and the error table', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
      assert.equal(response.statusCode, 200);
      const document = response.json();
      assert.match(document.openapi, /^3\./);
      for (const path of ['/healthz', '/api/v1/figures', '/api/v1/auth/login', '/api/v1/auth/logout']) {
        assert.ok(document.paths[path], `${path} in the OpenAPI document`);
      }
      assert.match(document.info.description, /RULE_VIOLATION/);
      const docs = await t.app.inject({ method: 'GET', url: '/docs' });
      assert.ok(docs.statusCode === 200 || docs.statusCode === 302, `/docs answers (${docs.statusCode})`);
    });

    test('unknown routes give the error shape without a stack trace', async () => {
      const api = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
      assert.equal(api.statusCode, 404);
      assert.deepEqual(Object.keys(api.json().error).sort(), ['code', 'message']);
      assert.equal(api.json().error.code, 'NOT_FOUND');
      assert.doesNotMatch(api.body, /at .*\.ts:\d+/);
      const page = await t.app.inject({ method: 'GET', url: '/no-such-page', headers: { accept: 'text/html' } });
      assert.equal(page.statusCode, 404);
      assert.match(page.body, /出错了/);
    });

    test('a malformed body is a 400 naming the field, not a 500', async () => {
      const missing = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x@y' } });
      assert.equal(missing.statusCode, 400);
      assert.equal(missing.json().error.code, 'VALIDATION');
      assert.equal(missing.json().error.path, 'body.password');
      const broken = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
      assert.equal(broken.statusCode, 400);
      assert.equal(broken.json().error.code, 'BAD_REQUEST');
    });
  });
}
