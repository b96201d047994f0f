/**
 * The administrator's screens over HTTP, on both databases: authorities with their
 * settings, frameworks pinned to an open batch (refused once the batch has submitted
 * applications), news written with a preview then published and edited (it shows on
 * /news), contact messages marked handled; other roles refused.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { sendContactMessage } from '../../src/commands/contact/send-contact-message.ts';
import { assertContains, assertLacks, location, plantIds, webSession } from './workspace-http.ts';

const NEWS = { slug: '2027-green-factory-news', lang: 'zh-CN', title: '2027年度绿色工厂申报工作启动', summary: '工业和信息化部启动2027年度绿色工厂梯度培育申报工作（示例）。', body: '第一段：申报条件与程序。\n\n第二段：时间安排，推荐截止7月31日。', author: '示例编辑部', publishedOn: '2026-12-01', programmeCode: 'green_factory', provinceCode: '', enterpriseId: '' };

for (const dialect of DIALECTS) {
  describe(`admin screens on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(dialect, { prepare: (store) => seedDemo(store, { today: '2026-11-30' }).then(() => undefined) });
    });
    after(() => t?.close());

    test('authorities show their settings with sources; other roles are refused the admin pages', async () => {
      const admin = await webSession(t.app, 'admin@demo');
      const page = await admin.get('/workspace/admin/authorities');
      assert.equal(page.statusCode, 200);
      assertContains(page.body, '江西省工业和信息化厅');
      assertContains(page.body, '5 个工作日', 'Jiangxi runs 5-working-day notices');
      assertContains(page.body, '工信部节〔2024〕13号: 15-day 公示 [V]');
      const province = await webSession(t.app, 'province@demo');
      for (const url of ['/workspace/admin/authorities', '/workspace/admin/news', '/workspace/admin/messages', '/workspace/admin/frameworks']) assert.equal((await province.get(url)).statusCode, 403, url);
    });

    test('a framework is pinned to an open batch, but not to one with submitted applications', async () => {
      const admin = await webSession(t.app, 'admin@demo');
      const { batchId } = await plantIds(t.store);
      const refused = await admin.post('/workspace/admin/frameworks/pin', { batchId: String(batchId), frameworkId: 'gbt36132-2018@2018.1' });
      assert.equal(refused.statusCode, 422);
      assertContains(refused.body, '不能更换');
      const created = await admin.post('/workspace/batches', { programmeCode: 'green_factory', year: '2031', ordinal: '', frameworkId: '', noticeNumber: '' });
      assert.equal(created.statusCode, 303);
      const newBatch = Number(/\/workspace\/batches\/(\d+)/.exec(location(created))![1]);
      assert.equal((await admin.post('/workspace/admin/frameworks/pin', { batchId: String(newBatch), frameworkId: 'gbt36132-2018@2018.1' })).statusCode, 303);
      const batch = await t.store.db.selectFrom('batches').select('framework_id').where('id', '=', newBatch).executeTakeFirstOrThrow();
      assert.equal(batch.framework_id, 'gbt36132-2018@2018.1');
      assertContains((await admin.get('/workspace/admin/frameworks')).body, /绿色工厂评价通则（2018）|GB\/T 36132-2018|gbt36132-2018/);
    });

    test('news: the preview shows it as published, the form keeps a mistake, publishing puts it on /news, editing changes it', async () => {
      const admin = await webSession(t.app, 'admin@demo');
      const preview = await admin.post('/workspace/admin/news/preview', NEWS);
      assert.equal(preview.statusCode, 200);
      assertContains(preview.body, /<article class="news-article news-preview" lang="zh-CN"><h2>2027年度绿色工厂申报工作启动<\/h2>/);
      assertContains(preview.body, '<p>第二段：时间安排，推荐截止7月31日。</p>');
      assertLacks((await t.app.inject({ method: 'GET', url: '/news' })).body, '2027年度绿色工厂申报工作启动', 'a preview publishes nothing');
      const short = await admin.post('/workspace/admin/news/preview', { ...NEWS, summary: '太短' });
      assert.equal(short.statusCode, 400);
      assertContains(short.body, 'value="2027年度绿色工厂申报工作启动"', 'the form keeps what was typed');
      assert.equal((await admin.post('/workspace/admin/news', NEWS)).statusCode, 303);
      assertContains((await t.app.inject({ method: 'GET', url: '/news' })).body, '2027年度绿色工厂申报工作启动');
      assert.equal((await admin.post('/workspace/admin/news', NEWS)).statusCode, 409, 'the slug is taken');
      assert.equal((await admin.post(`/workspace/admin/news/${NEWS.slug}`, { ...NEWS, title: '2027年度绿色工厂申报工作启动（更新）' })).statusCode, 303);
      assertContains((await t.app.inject({ method: 'GET', url: `/news/${NEWS.slug}` })).body, '（更新）');
      const audit = await t.store.db.selectFrom('audit_events').select('action').where('subject_id', '=', NEWS.slug).orderBy('id').execute();
      assert.deepEqual(audit.map((a) => a.action), ['news.published', 'news.updated']);
    });

    test('contact messages are listed and marked handled once', async () => {
      const sent = await sendContactMessage(t.store, { kind: 'public', clientKey: 'test' }, { kind: 'media', fullName: '李记者', email: 'li@example.cn', subject: '采访申请', body: '希望采访绿色工厂申报流程相关负责人。', lang: 'zh-CN', clientKey: 'test' });
      const admin = await webSession(t.app, 'admin@demo');
      const inbox = await admin.get('/workspace/admin/messages');
      assertContains(inbox.body, sent.reference);
      assertContains(inbox.body, '待处理 1 条');
      assert.equal((await admin.post(`/workspace/admin/messages/${sent.reference}/handled`, {})).statusCode, 303);
      assertContains((await admin.get('/workspace/admin/messages')).body, '待处理 0 条');
      assertContains((await admin.get('/workspace/admin/messages?handled=1')).body, sent.reference);
      assert.equal((await admin.post(`/workspace/admin/messages/${sent.reference}/handled`, {})).statusCode, 409);
    });
  });
}
