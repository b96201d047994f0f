/**
 * The silicone plant's national path through the commands, on both databases: draft →
 * submitted (score pinned) → third-party evaluation → city → province → recommended →
 * expert panel → national 公示 → (the closing job) → approved → published and listed.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createBatch } from '../../src/commands/batches/create-batch.ts';
import { createApplication } from '../../src/commands/applications/create-application.ts';
import { updateApplication } from '../../src/commands/applications/update-application.ts';
import { takeApplicationAction } from '../../src/commands/applications/take-application-action.ts';
import { acceptEngagement } from '../../src/commands/evaluations/accept-engagement.ts';
import { recordVerifiedData } from '../../src/commands/evaluations/record-verified-data.ts';
import { describeEvaluations } from '../../src/commands/evaluations/evaluation-differences.ts';
import { createPanel } from '../../src/commands/experts/create-panel.ts';
import { submitExpertReview } from '../../src/commands/experts/submit-expert-review.ts';
import { openNotice } from '../../src/commands/notices/open-notice.ts';
import { publishBatch } from '../../src/commands/batches/publish-batch.ts';
import { runDueJobs } from '../../src/commands/jobs/job-runner.ts';
import { verifyAuditChain } from '../../src/commands/audit/verify-audit-chain.ts';
import { demoSelfEvaluation } from '../../src/commands/seed/demo-pipeline.ts';
import { getFramework } from '../../src/engine/index.ts';
import { applicationHistory } from '../../src/store/queries/application-history.ts';
import { provincialList } from '../../src/store/queries/provincial-list.ts';
import { DIALECTS, withDemo } from './pipeline-support.ts';

for (const dialect of DIALECTS) {
  describe(`national path (commands) on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('the silicone plant goes from draft to the national list', async () => {
      await withDemo(dialect, async (demo) => {
        const { store } = demo;
        const national = await demo.as('national@demo');
        const enterprise = await demo.as('enterprise@demo');
        const evaluator = await demo.as('evaluator@demo');
        const city = await demo.as('city@demo');
        const province = await demo.as('province@demo');
        const batch = await createBatch(store, national, { programmeCode: 'green_factory', year: 2028, frameworkId: 'gbt36132-2025' });
        assert.equal(batch.name_zh, '2028年度绿色工厂名单');
        assert.equal(batch.recommend_deadline, '2028-07-31');
        const draft = await createApplication(store, enterprise, { enterpriseId: demo.plantId, programmeCode: 'green_factory', targetTier: 'national', dataYear: 2025, batchId: batch.id });
        await updateApplication(store, enterprise, { applicationId: draft.id, selfEvaluation: demoSelfEvaluation(getFramework('gbt36132-2025')) });
        const submitted = await takeApplicationAction(store, enterprise, { applicationId: draft.id, action: 'submit', today: '2028-03-01' });
        assert.equal(submitted.state, 'submitted');
        assert.equal(submitted.framework_id, 'gbt36132-2025@2025.1');
        assert.ok(submitted.score_total !== null && submitted.score_total > 0);
        await takeApplicationAction(store, enterprise, { applicationId: draft.id, action: 'engage-evaluator', evaluatorOrgId: demo.evaluatorOrgId, today: '2028-03-02' });
        const engagement = await store.db.selectFrom('evaluations').select('id').where('application_id', '=', draft.id).where('kind', '=', 'third_party').executeTakeFirstOrThrow();
        await acceptEngagement(store, evaluator, { evaluationId: engagement.id, declaration: { hasConflict: false, statement: '本机构与申报企业无任何利益关系。' } });
        const declared = JSON.parse((await store.db.selectFrom('annual_data').select('document').where('factory_id', '=', demo.plantFactoryId).where('year', '=', 2025).executeTakeFirstOrThrow()).document);
        const verified = { ...declared, water: { ...declared.water, reusedM3: Math.round(declared.water.reusedM3 * 0.9) } };
        await recordVerifiedData(store, evaluator, { evaluationId: engagement.id, data: verified, answers: demoSelfEvaluation(getFramework('gbt36132-2025')), today: '2028-03-20' });
        await takeApplicationAction(store, evaluator, { applicationId: draft.id, action: 'sign-evaluation', today: '2028-03-21' });
        const differences = await describeEvaluations(store, city, draft.id);
        assert.deepEqual(differences.engagements[0]!.differences.map((d) => d.path), ['water.reusedM3']);
        await takeApplicationAction(store, city, { applicationId: draft.id, action: 'forward', today: '2028-04-10' });
        await takeApplicationAction(store, province, { applicationId: draft.id, action: 'recommend', today: '2028-07-31' });
        const experts = [await demo.as('expert@demo'), await demo.as('expert2@demo'), await demo.as('expert3@demo')];
        const panel = await createPanel(store, national, { name: '第一组', expertUserIds: experts.map((e) => e.userId), applicationIds: [draft.id], today: '2028-08-10' });
        for (const [i, expert] of experts.entries()) await submitExpertReview(store, expert, { panelId: panel.id, applicationId: draft.id, kind: 'score', score: [82, 75, 88][i]!, comment: '材料齐全，指标达标。' });
        const notice = await openNotice(store, national, { batchId: batch.id, applicationIds: [draft.id], opensOn: '2028-11-08', today: '2028-11-01' });
        assert.equal(notice.closes_on, '2028-11-22');
        const noticeStatus = async () => (await store.db.selectFrom('notices').select('status').where('id', '=', notice.id).executeTakeFirstOrThrow()).status;
        // The last day is 2028-11-22 (Beijing); the job is due at 00:00 on the 23rd, Beijing time.
        assert.equal((await runDueJobs(store, { at: '2028-11-22T15:59:59.000Z' })).failed, 0);
        assert.equal(await noticeStatus(), 'open');
        assert.equal((await runDueJobs(store, { at: '2028-11-22T16:00:00.000Z' })).failed, 0);
        assert.equal(await noticeStatus(), 'closed');
        const published = await publishBatch(store, national, { batch: batch.slug, today: '2029-01-22' });
        assert.equal(published.added.length, 1);
        const listed = await store.db.selectFrom('applications').select('state').where('id', '=', draft.id).executeTakeFirstOrThrow();
        assert.equal(listed.state, 'listed');
        const provincial = await provincialList(store.db, { programmeId: demo.programmeId, provinceCode: '360000' });
        // The plant has its own Jiangxi entry (2nd provincial batch): listed once, by that entry.
        assert.deepEqual(provincial.filter((i) => i.enterpriseId === demo.plantId).map((i) => i.via), ['provincial']);
        const history = await applicationHistory(store.db, draft.id, 'zh-CN');
        assert.deepEqual(history.map((h) => h.action), ['create', 'submit', 'engage-evaluator', 'sign-evaluation', 'forward', 'recommend', 'assign-panel', 'place-on-notice', 'pass-notice', 'publish']);
        assert.match(history.at(-1)!.text, /工业和信息化部发布名单，正式列入（现为「已列入国家级名单」）$/);
        assert.match((await applicationHistory(store.db, draft.id, 'en')).at(4)!.text, /The city authority approved the application and forwarded it to the province \(now: province review\)$/);
        assert.equal((await verifyAuditChain(store)).ok, true);
      });
    });
  });
}
