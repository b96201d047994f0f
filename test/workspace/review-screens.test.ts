/**
 * The evaluator's, the reviewers' and the experts' screens over HTTP, on both databases,
 * along the plant's national path: engagement with the conflict declaration (a declared
 * conflict refused), verified values and the PDF report, sign-off; city queue counts,
 * return without a reason refused, forward; a Hubei reviewer refused; quotas as
 * configured; recommend; panel and expert scores (out of range refused) with the
 * consensus; notice, an objection decided, closing too early refused, the scheduler's
 * closing, the publication preview and publishing; batches; dynamic management.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { runDueJobs } from '../../src/commands/jobs/job-runner.ts';
import '../../src/commands/jobs/handlers.ts';
import { insertObjection } from '../pipeline/pipeline-support.ts';
import { demoSelfEvaluation } from '../../src/commands/seed/demo-pipeline.ts';
import { getFramework } from '../../src/engine/index.ts';
import { annualDataFormFields } from '../../src/web/pages/workspace/shared/annual-data-form.ts';
import { assertContains, assertLacks, location, plantIds, webSession } from './workspace-http.ts';

const state = async (t: TestApp, id: number) => (await t.store.db.selectFrom('applications').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;

for (const dialect of DIALECTS) {
  describe(`review screens on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let ids: Awaited<ReturnType<typeof plantIds>>;
    before(async () => {
      t = await startTestApp(dialect, { prepare: (store) => seedDemo(store).then(() => undefined) });
      ids = await plantIds(t.store);
      const enterprise = await webSession(t.app, 'enterprise@demo');
      assert.equal((await enterprise.post(`/workspace/applications/${ids.applicationId}/actions/submit`, {})).statusCode, 303);
      const org = await t.store.db.selectFrom('evaluator_orgs').select('id').orderBy('id').executeTakeFirstOrThrow();
      assert.equal((await enterprise.post(`/workspace/applications/${ids.applicationId}/actions/engage-evaluator`, { evaluatorOrgId: String(org.id) })).statusCode, 303);
    });
    after(() => t?.close());

    test('the evaluator declares, verifies beside the declared values, reads the PDF and signs', async () => {
      const web = await webSession(t.app, 'evaluator@demo');
      const inbox = await web.get('/workspace/engagements');
      const engagementId = Number(/\/workspace\/engagements\/(\d+)"[^>]*>江西蓝星星火有机硅有限公司/.exec(inbox.body)?.[1]);
      assert.ok(engagementId > 0, 'the plant is in the inbox');
      const base = `/workspace/engagements/${engagementId}`;
      const conflict = await web.post(`${base}/accept`, { hasConflict: 'true', statement: '本机构曾为该企业提供节能咨询服务。' });
      assert.equal(conflict.statusCode, 422);
      assertContains(conflict.body, /存在利益冲突的机构不得承接/);
      assert.equal((await web.post(`${base}/accept`, { hasConflict: 'false', statement: '本机构与申报企业无任何利益关系。' })).statusCode, 303);
      const declared = JSON.parse((await t.store.db.selectFrom('annual_data').select('document').where('factory_id', '=', ids.factoryId).where('year', '=', 2025).executeTakeFirstOrThrow()).document);
      const fields = annualDataFormFields(declared);
      const self = demoSelfEvaluation(getFramework('gbt36132-2025'));
      const answers = { ...Object.fromEntries(Object.entries(self.basicRequirements).map(([id, met]) => [`basic.${id}`, String(met)])), ...Object.fromEntries(Object.entries(self.qualitative).map(([id, value]) => [`answer.${id}`, String(value)])) };
      assertContains((await web.get(base)).body, /id="f-water-reusedM3" name="water\.reusedM3" value="95644320"/, 'prefilled with the declared values');
      const verified = await web.post(`${base}/verified`, { ...fields, ...answers, 'water.reusedM3': '86079888' });
      assert.equal(verified.statusCode, 303, verified.body.slice(0, 200));
      const compared = await web.get(base);
      // 86 079 888 against 95 644 320 declared: (86 079 888 − 95 644 320) ÷ 95 644 320 = −10.0 %.
      assertContains(compared.body, /<tr class="differs"><th scope="row"><code>water\.reusedM3<\/code>[\s\S]*?-10%/);
      const pdf = await web.get(`${base}/report.pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.equal((await web.post(`${base}/sign`, {})).statusCode, 303);
      assert.equal(await state(t, ids.applicationId), 'city_review');
      assert.equal((await (await webSession(t.app, 'enterprise@demo')).get(`${base}/report.pdf`)).statusCode, 200, 'the enterprise reads its report');
    });

    test('the city counts its queue by state, needs a reason to return, and forwards; Hubei is refused', async () => {
      const city = await webSession(t.app, 'city@demo');
      const queue = await city.get('/workspace/applications?state=city_review');
      assertContains(queue.body, /市级审核 <span class="count">3<\/span>/, 'two seeded and the plant');
      assertContains(queue.body, /共 3 项/);
      const noReason = await city.post(`/workspace/applications/${ids.applicationId}/actions/return`, { reason: '' });
      assert.equal(noReason.statusCode, 400);
      assertContains(noReason.body, /须填写理由|reason/, 'the page says why, beside the forms');
      assert.equal(await state(t, ids.applicationId), 'city_review');
      const hubei = await webSession(t.app, 'hubei@demo');
      assert.equal((await hubei.get(`/workspace/applications/${ids.applicationId}`)).statusCode, 403);
      assert.equal((await hubei.post(`/workspace/applications/${ids.applicationId}/actions/forward`, {})).statusCode, 403);
      assertLacks((await hubei.get('/workspace/applications')).body, '江西蓝星星火有机硅有限公司');
      assert.equal((await city.post(`/workspace/applications/${ids.applicationId}/actions/forward`, { reason: '材料齐全' })).statusCode, 303);
      assert.equal(await state(t, ids.applicationId), 'province_review');
    });

    test('the province sees its quotas as configured and recommends', async () => {
      const jiangxi = await t.store.db.selectFrom('authorities').select(['id', 'settings']).where('code', '=', '360000').executeTakeFirstOrThrow();
      await t.store.db.updateTable('authorities').set({ settings: JSON.stringify({ ...JSON.parse(jiangxi.settings), quotas: { '360400': 2 }, sources: { ...JSON.parse(jiangxi.settings).sources, quotas: 'demo configuration [U]' } }) }).where('id', '=', jiangxi.id).execute();
      const province = await webSession(t.app, 'province@demo');
      const quotas = await province.get(`/workspace/deadlines?batch=${ids.batchId}`);
      // 九江: the plant (province review, counted as forwarded) and the seeded national applications of 九江.
      assertContains(quotas.body, /江西省九江市<\/th>[\s\S]*?<td class="number">\d+ \/ 2<\/td>/);
      assertContains(quotas.body, 'demo configuration [U]');
      assert.equal((await province.post(`/workspace/applications/${ids.applicationId}/actions/recommend`, {})).statusCode, 303);
      assert.equal(await state(t, ids.applicationId), 'recommended');
    });

    test('the ministry forms a panel; experts score (out of range refused); the consensus shows', async () => {
      const national = await webSession(t.app, 'national@demo');
      const form = await national.get(`/workspace/panels?application=${ids.applicationId}`);
      const experts = [...form.body.matchAll(/name="expertUserIds" value="(\d+)"/g)].map((m) => m[1]!);
      assert.equal(experts.length, 3);
      const created = await national.post('/workspace/panels', { name: '第二组', expertUserIds: experts, applicationIds: [String(ids.applicationId)], passScore: '60' });
      assert.equal(created.statusCode, 303);
      const panelId = Number(/\/workspace\/panels\/(\d+)/.exec(location(created))![1]);
      assert.equal(await state(t, ids.applicationId), 'national_expert_review');
      const first = await webSession(t.app, 'expert@demo');
      const outOfRange = await first.post(`/workspace/panels/${panelId}/reviews/${ids.applicationId}`, { kind: 'score', score: '150', comment: '材料齐全，指标达标。' });
      assert.equal(outOfRange.statusCode, 400);
      for (const [email, score] of [['expert@demo', '82'], ['expert2@demo', '75'], ['expert3@demo', '88']] as const) {
        const expert = await webSession(t.app, email);
        assert.equal((await expert.post(`/workspace/panels/${panelId}/reviews/${ids.applicationId}`, { kind: 'score', score, comment: '材料齐全，指标达标。' })).statusCode, 303);
      }
      // The median of 75, 82, 88 is 82 ≥ 60: passed.
      assertContains((await national.get(`/workspace/panels/${panelId}`)).body, /专家组意见：通过（82 分）/);
      assertContains((await first.get('/workspace/panels')).body, /专家组意见：通过（82 分）/, 'the expert sees the settled consensus');
    });

    test('notice, an objection decided, closing early refused, the scheduler closes, preview and publish', async () => {
      const national = await webSession(t.app, 'national@demo');
      const opened = await national.post('/workspace/notices', { batchId: String(ids.batchId), applicationIds: [String(ids.applicationId)] });
      assert.equal(opened.statusCode, 303);
      const noticeId = Number(/\/workspace\/notices\/(\d+)/.exec(location(opened))![1]);
      const entry = await t.store.db.selectFrom('notice_entries').select('id').where('notice_id', '=', noticeId).executeTakeFirstOrThrow();
      const objectionId = await insertObjection(t.store, { noticeId, noticeEntryId: entry.id, caseNumber: 'OBJ-2026-9999-0001' });
      assertContains((await national.get(`/workspace/notices/${noticeId}`)).body, 'OBJ-2026-9999-0001');
      const early = await national.post(`/workspace/notices/${noticeId}/close`, {});
      assert.equal(early.statusCode, 422);
      assert.equal((await national.post(`/workspace/notices/${noticeId}/objections/${objectionId}`, { outcome: 'dismissed', note: '经核查，异议所述事项不属实。' })).statusCode, 303);
      const job = await t.store.db.selectFrom('jobs').select('run_at').where('unique_key', '=', `notice.close:${noticeId}`).executeTakeFirstOrThrow();
      assert.equal((await runDueJobs(t.store, { at: job.run_at })).failed, 0);
      const preview = await national.get(`/workspace/batches/${ids.batchId}`);
      assertContains(preview.body, /<li class="diff-added">\+ 江西蓝星星火有机硅有限公司<\/li>/);
      assert.equal((await (await webSession(t.app, 'province@demo')).post(`/workspace/batches/${ids.batchId}/publish`, {})).statusCode, 403, 'another authority’s batch');
      assert.equal((await national.post(`/workspace/batches/${ids.batchId}/publish`, {})).statusCode, 303);
      assert.equal(await state(t, ids.applicationId), 'listed');
      assertContains((await national.get(`/workspace/batches/${ids.batchId}`)).body, /新增 1 家/);
    });

    test('batches open and change; dynamic management removes and decides changes', async () => {
      const national = await webSession(t.app, 'national@demo');
      const created = await national.post('/workspace/batches', { programmeCode: 'green_factory', year: '2030', ordinal: '', frameworkId: 'gbt36132-2025', noticeNumber: '' });
      assert.equal(created.statusCode, 303);
      const batchId = Number(/\/workspace\/batches\/(\d+)/.exec(location(created))![1]);
      assert.equal((await national.post(`/workspace/batches/${batchId}/update`, { recommendDeadline: '2030-07-15', frameworkId: 'gbt36132-2018', noticeNumber: '工信厅节函〔2030〕1号' })).statusCode, 303);
      const batch = await t.store.db.selectFrom('batches').select(['recommend_deadline', 'framework_id', 'notice_number']).where('id', '=', batchId).executeTakeFirstOrThrow();
      assert.deepEqual(batch, { recommend_deadline: '2030-07-15', framework_id: 'gbt36132-2018@2018.1', notice_number: '工信厅节函〔2030〕1号' });
      assert.equal((await national.post(`/workspace/batches/${batchId}/update`, { recommendDeadline: '2030-02-30' })).statusCode, 400);

      const page = await national.get('/workspace/dynamic-management?year=2025');
      assertContains(page.body, /逾期未填报/);
      const entryId = Number(/\/workspace\/dynamic-management\/entries\/(\d+)\/remove/.exec(page.body)![1]);
      assert.equal((await national.post(`/workspace/dynamic-management/entries/${entryId}/remove`, { reasonCode: 'falsified_data', note: '核查发现数据不实' })).statusCode, 303);
      const change = await t.store.db.selectFrom('entry_changes').select(['mode', 'status']).where('list_entry_id', '=', entryId).where('reason_code', '=', 'falsified_data').executeTakeFirstOrThrow();
      assert.deepEqual(change, { mode: 'annual', status: 'approved' });
      const plantEntry = await t.store.db.selectFrom('list_entries').select('id').where('enterprise_id', '=', ids.enterpriseId).where('application_id', '=', ids.applicationId).executeTakeFirstOrThrow();
      const enterprise = await webSession(t.app, 'enterprise@demo');
      assert.equal((await enterprise.post('/workspace/dynamic-reports/changes', { entryId: String(plantEntry.id), kind: 'rename', nameZh: '江西蓝星星火有机硅股份有限公司' })).statusCode, 303);
      const waiting = await national.get('/workspace/dynamic-management?year=2025');
      const changeId = Number(/\/workspace\/dynamic-management\/changes\/(\d+)"/.exec(waiting.body)![1]);
      assert.equal((await national.post(`/workspace/dynamic-management/changes/${changeId}`, { decision: 'approve', note: '与营业执照一致' })).statusCode, 303);
      const decided = await t.store.db.selectFrom('entry_changes').select('status').where('id', '=', changeId).executeTakeFirstOrThrow();
      assert.equal(decided.status, 'approved');
    });
  });
}
