/** Objections and contact messages through the site's forms and the JSON API, on both databases. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { CookieJar, csrfFromPage, FORM, formBody } from '../support/http.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { OBJECTION_RATE_LIMIT } from '../../src/commands/objections/file-objection.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

function multipart(fields: Record<string, string>, file?: { name: string; filename: string; type: string; bytes: Buffer }) {
  const boundary = '----greenlist' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

for (const dialect of DIALECTS) {
  describe(`public forms on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let dataDirectory: string;
    let noticeId: number;
    let entryIds: number[];
    before(async () => {
      dataDirectory = mkdtempSync(join(tmpdir(), 'greenlist-forms-'));
      t = await startTestApp(dialect, { prepare: async (store) => void (await seedDemo(store)), config: { dataDirectory } });
      noticeId = (await t.store.db.selectFrom('notices').select('id').where('status', '=', 'open').executeTakeFirstOrThrow()).id;
      entryIds = (await t.store.db.selectFrom('notice_entries').select('id').where('notice_id', '=', noticeId).where('status', '=', 'candidate').orderBy('position').execute()).map((r) => r.id);
    });
    after(async () => {
      await t?.close();
      rmSync(dataDirectory, { recursive: true, force: true });
    });

    /** Opens the form as a visitor would: its page sets the form-token cookie. */
    async function openForm(remoteAddress: string) {
      const jar = new CookieJar();
      const page = await t.app.inject({ method: 'GET', url: `/notices/${noticeId}/object?entry=${entryIds[0]}`, headers: { accept: 'text/html' }, remoteAddress });
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['cache-control'], 'private, no-store');
      jar.store(page);
      return { jar, csrf: csrfFromPage(page.body), page: page.body };
    }
    const fields = (csrf: string, entryId: number) => ({ _csrf: csrf, entryId: String(entryId), fullName: '张三', contact: '13800138000', reason: '该企业2026年发生环境违法行为，已被生态环境部门处罚。' });

    test('the form objects to an entry, redirects, and the confirmation shows the case number', async () => {
      const { jar, csrf, page } = await openForm('10.0.0.1');
      assert.match(page, new RegExp(`<option value="${entryIds[0]}" selected>`), 'the chosen entry is preselected');
      const body = multipart(fields(csrf, entryIds[0]!), { name: 'evidence', filename: '照片.png', type: 'application/octet-stream', bytes: PNG });
      const posted = await t.app.inject({ method: 'POST', url: `/notices/${noticeId}/objections`, payload: body.payload, headers: { ...body.headers, cookie: jar.header(), accept: 'text/html' }, remoteAddress: '10.0.0.1' });
      assert.equal(posted.statusCode, 303, posted.body.slice(0, 300));
      const location = posted.headers.location as string;
      const caseNumber = decodeURIComponent(/case=([^&]+)/.exec(location)![1]!);
      assert.match(caseNumber, /^OBJ-\d{4}-\d{4}-\d{4}$/);
      const receipt = await t.app.inject({ method: 'GET', url: location, headers: { accept: 'text/html' } });
      assert.equal(receipt.statusCode, 200);
      assert.match(receipt.body, new RegExp(`<strong id="case-number">${caseNumber}</strong>`));
      const row = await t.store.db.selectFrom('objections').selectAll().where('case_number', '=', caseNumber).executeTakeFirstOrThrow();
      assert.equal(row.contact, '13800138000');
      assert.notEqual(row.evidence_file_id, null, 'the PNG was kept although the browser called it octet-stream');
      // The English form redirects to the English confirmation.
      const english = await openForm('10.0.0.1');
      const again = multipart(fields(english.csrf, entryIds[1]!));
      const enPosted = await t.app.inject({ method: 'POST', url: `/en/notices/${noticeId}/objections`, payload: again.payload, headers: { ...again.headers, cookie: english.jar.header() }, remoteAddress: '10.0.0.1' });
      assert.match(enPosted.headers.location as string, /^\/en\/notices\/\d+\/objections\/received\?case=/);
      assert.match((await t.app.inject({ method: 'GET', url: enPosted.headers.location as string })).body, /Your case number is/);
    });

    test('mistakes come back on the form with the values kept; a wrong file type says so', async () => {
      const { jar, csrf } = await openForm('10.0.0.2');
      const short = multipart({ ...fields(csrf, entryIds[0]!), reason: '太短', contact: '' });
      const response = await t.app.inject({ method: 'POST', url: `/notices/${noticeId}/objections`, payload: short.payload, headers: { ...short.headers, cookie: jar.header(), accept: 'text/html' }, remoteAddress: '10.0.0.2' });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /class="error-summary" role="alert"/);
      assert.match(response.body, /<a href="#contact">请填写有效的电话号码或电子邮箱/);
      assert.match(response.body, /<a href="#reason">请填写异议理由/);
      assert.match(response.body, /value="张三"/);
      assert.match(response.body, /aria-invalid="true" aria-describedby="reason-hint reason-error"/);
      const exe = multipart(fields(csrf, entryIds[0]!), { name: 'evidence', filename: 'proof.pdf', type: 'application/pdf', bytes: Buffer.from('MZ\x90\x00 not a pdf') });
      const refused = await t.app.inject({ method: 'POST', url: `/notices/${noticeId}/objections`, payload: exe.payload, headers: { ...exe.headers, cookie: jar.header(), accept: 'text/html' }, remoteAddress: '10.0.0.2' });
      assert.equal(refused.statusCode, 415);
      assert.match(refused.body, /证明材料须为 PDF、PNG 或 JPEG 文件/);
      const big = multipart(fields(csrf, entryIds[0]!), { name: 'evidence', filename: 'big.png', type: 'image/png', bytes: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]) });
      const tooBig = await t.app.inject({ method: 'POST', url: `/notices/${noticeId}/objections`, payload: big.payload, headers: { ...big.headers, cookie: jar.header(), accept: 'text/html' }, remoteAddress: '10.0.0.2' });
      assert.equal(tooBig.statusCode, 413);
      assert.match(tooBig.body, /证明材料不得超过 5 MB/);
    });

    test('without the form token the post is refused', async () => {
      const body = multipart(fields('forged', entryIds[0]!));
      const response = await t.app.inject({ method: 'POST', url: `/notices/${noticeId}/objections`, payload: body.payload, headers: { ...body.headers, cookie: 'gl_form=aaaaaaaaaaaaaaaaaaaaaaaaaaaa' }, remoteAddress: '10.0.0.3' });
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().error.code, 'CSRF');
    });

    test('one client address may object a limited number of times', async () => {
      let last = 0;
      for (let i = 0; i <= OBJECTION_RATE_LIMIT.max; i++) {
        const response = await t.app.inject({ method: 'POST', url: `/api/v1/notices/${noticeId}/objections`, payload: { entryId: entryIds[2], fullName: '李四', contact: 'lisi@example.org', reason: '理由理由理由理由理由理由' }, remoteAddress: '10.0.0.9' });
        last = response.statusCode;
        if (i < OBJECTION_RATE_LIMIT.max) assert.equal(response.statusCode, 201, `objection ${i + 1}`);
      }
      assert.equal(last, 429);
    });

    test('the JSON API files an objection with base64 evidence and refuses closed notices', async () => {
      const filed = await t.app.inject({ method: 'POST', url: `/api/v1/notices/${noticeId}/objections`, payload: { entryId: entryIds[3], fullName: '王五', contact: 'wang@example.org', reason: '该企业存在数据造假嫌疑，请核查。', evidence: { fileName: 'a.png', contentBase64: PNG.toString('base64') } }, remoteAddress: '10.0.0.4' });
      assert.equal(filed.statusCode, 201, filed.body);
      assert.match(filed.json().caseNumber, /^OBJ-/);
      assert.deepEqual(filed.json().evidence, { mediaType: 'image/png', size: PNG.length });
      const missing = await t.app.inject({ method: 'POST', url: `/api/v1/notices/${noticeId}/objections`, payload: { entryId: entryIds[3], fullName: '王五', contact: 'wang@example.org' }, remoteAddress: '10.0.0.4' });
      assert.equal(missing.statusCode, 400);
      assert.equal(missing.json().error.path, 'body.reason');
      const closed = (await t.store.db.selectFrom('notices').select('id').where('status', '=', 'closed').executeTakeFirstOrThrow()).id;
      const entry = (await t.store.db.selectFrom('notice_entries').select('id').where('notice_id', '=', closed).executeTakeFirstOrThrow()).id;
      const refused = await t.app.inject({ method: 'POST', url: `/api/v1/notices/${closed}/objections`, payload: { entryId: entry, fullName: '王五', contact: 'wang@example.org', reason: '公示期已结束的异议。。。' }, remoteAddress: '10.0.0.4' });
      assert.equal(refused.statusCode, 422);
      assert.equal(refused.json().error.code, 'RULE_VIOLATION');
    });

    test('the contact form stores the message and acknowledges it with a reference', async () => {
      const jar = new CookieJar();
      const page = await t.app.inject({ method: 'GET', url: '/contact?kind=media', remoteAddress: '10.0.0.5' });
      jar.store(page);
      assert.match(page.body, /value="media" checked/);
      const csrf = csrfFromPage(page.body);
      const bad = await t.app.inject({ method: 'POST', url: '/contact', payload: formBody({ _csrf: csrf, kind: 'media', fullName: '赵六', email: 'not-an-email', subject: '采访', body: '希望采访名单工作的负责人。' }), headers: { ...FORM, cookie: jar.header(), accept: 'text/html' }, remoteAddress: '10.0.0.5' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /请填写有效的电子邮箱/);
      const sent = await t.app.inject({ method: 'POST', url: '/contact', payload: formBody({ _csrf: csrf, kind: 'media', fullName: '赵六', email: 'zhao@example.org', organisation: '某报社', subject: '采访', body: '希望采访名单工作的负责人。' }), headers: { ...FORM, cookie: jar.header() }, remoteAddress: '10.0.0.5' });
      assert.equal(sent.statusCode, 303);
      const reference = /ref=(MSG-\d{8}-[A-Z0-9]{6})/.exec(sent.headers.location as string)![1]!;
      const acknowledged = await t.app.inject({ method: 'GET', url: sent.headers.location as string });
      assert.match(acknowledged.body, new RegExp(`<strong id="reference">${reference}</strong>`));
      assert.match(acknowledged.body, /新闻联络人员/);
      const row = await t.store.db.selectFrom('contact_messages').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
      assert.deepEqual([row.kind, row.email, row.organisation], ['media', 'zhao@example.org', '某报社']);
    });
  });
}
