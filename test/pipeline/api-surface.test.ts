/**
 * The rest of the pipeline API answers with its documented shapes (on SQLite; the store
 * tests run both databases): batches and their diff, lists with national listings implied
 * provincially, entry removal and declared changes, notices with objection cases and
 * decisions, dynamic reports, panels, the queue.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { todayInShanghai } from '../../src/domain/calendar/plain-date.ts';
import { startTestApp } from '../support/app.ts';
import { apiLogin } from '../support/http.ts';
import { SQLITE } from '../support/stores.ts';
import { insertObjection, SEED_DAY } from './pipeline-support.ts';

test('the pipeline API answers every documented route with its shape', async () => {
  const running = await startTestApp(SQLITE, { prepare: (store) => seedDemo(store, { today: SEED_DAY }).then(() => undefined) });
  try {
    const { app, store } = running;
    const call = async (headers: Record<string, string>, method: 'GET' | 'POST', url: string, payload?: unknown, expected = 200) => {
      const response = await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
      assert.equal(response.statusCode, expected, `${method} ${url}: ${response.body}`);
      return response.json();
    };
    const national = (await apiLogin(app, 'national@demo')).headers;
    const enterprise = (await apiLogin(app, 'enterprise@demo')).headers;
    const city = (await apiLogin(app, 'city@demo')).headers;

    const batches = await call({}, 'GET', '/api/v1/batches');
    assert.ok(batches.items.some((b: { status: string }) => b.status === 'open'));
    const published = await call({}, 'GET', '/api/v1/batches/national-factory-2025');
    assert.equal(published.entries, 53);
    const diff = await call({}, 'GET', '/api/v1/batches/national-factory-2025/diff');
    assert.equal(diff.added.length, 53);
    assert.ok(diff.removed.every((r: { reason: string; mode: string }) => r.reason.length > 0 && ['annual', 'immediate'].includes(r.mode)));
    await call({}, 'GET', '/api/v1/batches/no-such-batch', undefined, 404);

    // National listing implies provincial: a Jiangxi enterprise on the national 2025 list only is on Jiangxi's list "via national".
    const jiangxi = await call({}, 'GET', '/api/v1/lists/provinces/360000');
    const viaNational = jiangxi.items.filter((i: { via: string }) => i.via === 'national');
    assert.ok(viaNational.length > 0);
    const nationalOnly = await store.db.selectFrom('list_entries').select('enterprise_id').where('tier', '=', 'province').where('enterprise_id', 'in', viaNational.map((i: { enterpriseId: number }) => i.enterpriseId)).execute();
    assert.deepEqual(nationalOnly, [], 'listed provincially only through the national list');
    const list = await call({}, 'GET', '/api/v1/lists?batch=national-factory-2025&pageSize=5');
    assert.equal(list.items.length, 5);

    const plantEntry = await store.db.selectFrom('list_entries').select('id').where('batch_id', '=', published.id).orderBy('id').executeTakeFirstOrThrow();
    const owner = await store.db.selectFrom('list_entries').select('enterprise_id').where('id', '=', plantEntry.id).executeTakeFirstOrThrow();
    const detail = await call({}, 'GET', `/api/v1/lists/entries/${plantEntry.id}`);
    assert.equal(detail.enterpriseId, owner.enterprise_id);
    await call(enterprise, 'POST', `/api/v1/lists/entries/${plantEntry.id}/changes`, { kind: 'rename', nameZh: '新名称有限公司' }, 403);
    const removal = await call(national, 'POST', `/api/v1/lists/entries/${plantEntry.id}/removal`, { reasonCode: 'environmental_emergency', note: 'Ⅱ级突发环境事件' });
    assert.deepEqual([removal.mode, removal.status], ['immediate', 'applied']);
    await call(national, 'POST', `/api/v1/lists/entries/${plantEntry.id}/removal`, { reasonCode: 'not-a-reason' }, 400);
    const plantOwnEntry = await store.db.selectFrom('list_entries as e').innerJoin('memberships as m', 'm.enterprise_id', 'e.enterprise_id').select('e.id').where('e.tier', '=', 'national').where('e.status', '=', 'listed').executeTakeFirstOrThrow();
    const change = await call(enterprise, 'POST', `/api/v1/lists/entries/${plantOwnEntry.id}/changes`, { kind: 'boundary_change', description: '新增有机硅单体二期装置纳入工厂边界' }, 201);
    const decided = await call(national, 'POST', `/api/v1/lists/changes/${change.id}/decision`, { decision: 'approve', note: '同意' });
    assert.equal(decided.status, 'applied');

    const notices = await call({}, 'GET', '/api/v1/notices?status=open');
    const noticeId = notices.items[0].id;
    const entry = await store.db.selectFrom('notice_entries').select('id').where('notice_id', '=', noticeId).orderBy('position').executeTakeFirstOrThrow();
    const objectionId = await insertObjection(store, { noticeId, noticeEntryId: entry.id, caseNumber: 'OBJ-2026-API-0001' });
    await call(city, 'GET', `/api/v1/notices/${noticeId}/objection-cases`, undefined, 403);
    const cases = await call(national, 'GET', `/api/v1/notices/${noticeId}/objection-cases`);
    assert.deepEqual([cases.items[0].fullName, cases.items[0].status], ['张三', 'received']);
    const decision = await call(national, 'POST', `/api/v1/notices/${noticeId}/objection-cases/${objectionId}/decision`, { outcome: 'dismissed', note: '经核查，异议不成立。' });
    assert.equal(decision.status, 'dismissed');
    assert.deepEqual((await call({}, 'GET', `/api/v1/notices/${noticeId}`)).outcomes, [], 'outcomes are published once the notice closes');
    await call(national, 'POST', `/api/v1/notices/${noticeId}/close`, undefined, 422);

    const reports = await call(enterprise, 'GET', '/api/v1/dynamic-reports?year=2025');
    assert.ok(reports.items.length >= 1);
    const opened = await call(national, 'POST', '/api/v1/dynamic-reports/open', { year: 2026 });
    assert.ok(opened.created > 0);
    const mine = (await call(enterprise, 'GET', '/api/v1/dynamic-reports?year=2026')).items;
    assert.deepEqual(mine.map((r: { status: string; dueOn: string }) => [r.status, r.dueOn]), [['due', '2027-04-15']], 'the plant’s one national entry reports');
    await call(enterprise, 'POST', `/api/v1/dynamic-reports/${mine[0].id}/file`, undefined, 400);
    const data2025 = JSON.parse((await store.db.selectFrom('annual_data').select('document').where('enterprise_id', '=', mine[0].enterpriseId).where('year', '=', 2025).executeTakeFirstOrThrow()).document);
    const filed = await call(enterprise, 'POST', `/api/v1/dynamic-reports/${mine[0].id}/file`, { document: { ...data2025, year: 2026 } });
    // Filed with the server's clock: on time until the deadline.
    assert.equal(filed.status, todayInShanghai() <= '2027-04-15' ? 'filed' : 'filed_late');

    const queue = await call(city, 'GET', '/api/v1/applications?state=city_review');
    assert.ok(queue.total >= 1 && queue.items.every((i: { cityCode: string }) => i.cityCode === '360400'));
    const panel = await store.db.selectFrom('expert_panels').select('id').executeTakeFirstOrThrow();
    const view = await call(national, 'GET', `/api/v1/panels/${panel.id}`);
    assert.equal(view.members.length, 3);
    assert.equal(view.applications[0].consensus.reached, false);
    const expertView = await call((await apiLogin(app, 'expert@demo')).headers, 'GET', `/api/v1/panels/${panel.id}`);
    assert.equal(expertView.applications[0].consensus, null);
    assert.equal(expertView.applications[0].reviews.length, 1, 'an expert sees only its own review');
  } finally {
    await running.close();
  }
});
