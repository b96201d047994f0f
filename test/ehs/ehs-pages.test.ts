/**
 * The workspace pages on the demo data, both databases: the plant's dashboard at a
 * glance (tiles, server-rendered charts, open items with forms), a reviewer's read-only
 * view and region list, another region refused, forms that work without JavaScript
 * (urlencoded and multipart, CSRF-checked), English labels.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { todayInShanghai } from '../../src/domain/calendar/plain-date.ts';
import { addCalendarDays } from '../../src/domain/calendar/calendar.ts';
import { PDF_BYTES } from './ehs-fixtures.ts';
import { browserSession, multipartBody } from './ehs-http-fixtures.ts';

const DEMO_PASSWORD = 'greenlist-demo';

for (const dialect of DIALECTS) {
  describe(`EHS pages on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let plantId: number;
    let hubeiId: number;
    const sessions: Record<string, { cookie: string; csrfToken: string }> = {};
    const dataDirectory = mkdtempSync(join(tmpdir(), 'greenlist-ehs-pages-'));
    // Pages work out "today" from the clock, so the demo is seeded for today too.
    const today = todayInShanghai();
    before(async () => {
      t = await startTestApp(dialect, { prepare: (store) => seedDemo(store, { today }).then(() => undefined), config: { dataDirectory } });
      plantId = (await t.store.db.selectFrom('enterprises').select('id').where('name_zh', '=', '江西蓝星星火有机硅有限公司').executeTakeFirstOrThrow()).id;
      hubeiId = (await t.store.db.selectFrom('ehs_accidents').select('enterprise_id').executeTakeFirstOrThrow()).enterprise_id;
      for (const email of ['enterprise@demo', 'province@demo', 'hubei@demo']) sessions[email] = await browserSession(t.app, email, DEMO_PASSWORD);
    });
    after(async () => {
      await t?.close();
      rmSync(dataDirectory, { recursive: true, force: true });
    });
    const get = (url: string, who?: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...(who ? { cookie: sessions[who]!.cookie } : {}) } });
    const post = (url: string, who: string, fields: Record<string, string>, csrf = true) =>
      t.app.inject({ method: 'POST', url, headers: { accept: 'text/html', cookie: sessions[who]!.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...(csrf ? { _csrf: sessions[who]!.csrfToken } : {}), ...fields }).toString() });

    test('a visitor who is not signed in is sent to the sign-in page and back', async () => {
      const response = await get('/workspace/ehs');
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, `/login?next=${encodeURIComponent('/workspace/ehs')}`);
    });

    test('the plant sees Four Zero at a glance, the charts as SVG with their numbers, and forms for open items', async () => {
      const page = await get('/workspace/ehs', 'enterprise@demo');
      assert.equal(page.statusCode, 200, page.body.slice(0, 500));
      for (const text of ['零泄漏', '零隐患', '零违规', '零排放', '有逾期', '未修复的泄漏（1）', '近三年无事故记录', '“三个第一”年度小结', '近三年无导致列入负面清单的事故']) assert.ok(page.body.includes(text), text);
      assert.match(page.body, /<svg class="chart-svg" role="img" aria-labelledby="ehs-trend-title ehs-trend-desc"/);
      assert.match(page.body, /aria-labelledby="ehs-margin-title ehs-margin-desc"/);
      assert.doesNotMatch(page.body, / style="/, 'no inline styles (CSP)');
      assert.doesNotMatch(page.body, /<script(?![^>]*src=)/, 'no inline scripts');
      assert.match(page.body, new RegExp(`action="/workspace/ehs/${plantId}/leaks/\\d+/closure"`));
      assert.ok(page.body.includes(`name="_csrf" value="${sessions['enterprise@demo']!.csrfToken}"`));
      assert.ok(page.body.includes(`href="/workspace/ehs/${plantId}/record"`));
      const english = await get('/en/workspace/ehs', 'enterprise@demo');
      for (const text of ['Zero leakage', 'Zero hidden dangers', 'Twelve-month trends', 'Leaks not yet repaired (1)']) assert.ok(english.body.includes(text), text);
      const record = await get(`/workspace/ehs/${plantId}/record`, 'enterprise@demo');
      assert.equal(record.statusCode, 200);
      assert.match(record.body, /enctype="multipart\/form-data"/);
    });

    test('a reviewer of the region reads without forms and lists the region; another region is refused', async () => {
      const page = await get(`/workspace/ehs/${plantId}`, 'province@demo');
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes('只读'));
      assert.doesNotMatch(page.body, /\/leaks\/\d+\/closure/);
      assert.doesNotMatch(page.body, /\/record"/);
      const region = await get('/workspace/ehs', 'province@demo');
      assert.ok(region.body.includes(`href="/workspace/ehs/${plantId}"`));
      assert.equal((await get(`/workspace/ehs/${plantId}/record`, 'province@demo')).statusCode, 403);
      const other = await get(`/workspace/ehs/${plantId}`, 'hubei@demo');
      assert.equal(other.statusCode, 403);
      assert.doesNotMatch(other.body, /零泄漏/);
      const hubeiRegion = await get('/workspace/ehs', 'hubei@demo');
      assert.ok(hubeiRegion.body.includes(`href="/workspace/ehs/${hubeiId}"`));
      assert.ok(!hubeiRegion.body.includes(`href="/workspace/ehs/${plantId}"`));
    });

    test('forms post without JavaScript: a hazard is recorded, an error comes back beside its form, a stale token is refused', async () => {
      const fields = { foundOn: addCalendarDays(today, -1), foundBy: '巡检', location: '精馏泵房', description: '机械密封滴漏', grade: 'general', criterionId: '', owner: '设备部 王工', deadline: addCalendarDays(today, 10), fundsYuan: '1,500', measures: '' };
      const saved = await post(`/workspace/ehs/${plantId}/hazards`, 'enterprise@demo', fields);
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `/workspace/ehs/${plantId}?done=hazard`);
      const after = await get(saved.headers.location as string, 'enterprise@demo');
      assert.ok(after.body.includes('已登记隐患'));
      assert.ok(after.body.includes('机械密封滴漏'));
      const refused = await post(`/workspace/ehs/${plantId}/hazards`, 'enterprise@demo', { ...fields, owner: '' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /id="hazard-error"/);
      assert.ok(refused.body.includes('机械密封滴漏'), 'what was typed comes back');
      assert.equal((await post(`/workspace/ehs/${plantId}/hazards`, 'enterprise@demo', fields, false)).statusCode, 403);
      assert.equal((await post(`/workspace/ehs/${plantId}/hazards`, 'province@demo', fields)).statusCode, 403);
    });

    test('multipart forms: a hazard closes with an evidence file; an import reports its row errors', async () => {
      const hazard = await t.store.db.selectFrom('ehs_hazards').select('id').where('enterprise_id', '=', plantId).where('status', '=', 'open').executeTakeFirstOrThrow();
      const url = `/workspace/ehs/${plantId}/hazards/${hazard.id}/closure`;
      const send = (target: string, fields: Record<string, string>, file?: Parameters<typeof multipartBody>[1], csrf = true) => {
        const body = multipartBody({ ...(csrf ? { _csrf: sessions['enterprise@demo']!.csrfToken } : {}), ...fields }, file);
        return t.app.inject({ method: 'POST', url: target, headers: { accept: 'text/html', cookie: sessions['enterprise@demo']!.cookie, 'content-type': body.contentType }, payload: body.payload });
      };
      const evidence = { field: 'evidence', name: 'acceptance.pdf', type: 'application/pdf', bytes: PDF_BYTES };
      assert.equal((await send(url, { closedOn: today }, evidence, false)).statusCode, 403, 'a multipart post without the form token is refused');
      const noFile = await send(url, { closedOn: today, note: '已更换' });
      assert.equal(noFile.statusCode, 400);
      assert.ok(noFile.body.includes('隐患销号须上传整改证明材料'));
      const closed = await send(url, { closedOn: today, note: '已更换' }, evidence);
      assert.equal(closed.statusCode, 303, closed.body.slice(0, 300));
      assert.equal((await t.store.db.selectFrom('ehs_hazards').select('status').where('id', '=', hazard.id).executeTakeFirstOrThrow()).status, 'closed');

      const csv = new TextEncoder().encode('检测轮次,密封点编号,检测日期,检测值\nX-1,DT-V-0001,2026-01-01,abc\n');
      const report = await send(`/workspace/ehs/${plantId}/import`, { kind: 'inspection-readings' }, { field: 'file', name: 'readings.csv', type: 'text/csv', bytes: csv });
      assert.equal(report.statusCode, 400);
      assert.ok(report.body.includes('错误明细'));
      assert.match(report.body, /<td class="number">2<\/td><td>检测值<\/td>/);
    });
  });
}
