/**
 * The programme's rules through the commands, on both databases: a transition not in the
 * table is refused and changes nothing; the evaluator cap of 15 national projects a year
 * per legal representative; the recommendation deadline; the negative-list veto; experts
 * kept off their own region; the other list types on the same pipeline.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createApplication } from '../../src/commands/applications/create-application.ts';
import { takeApplicationAction } from '../../src/commands/applications/take-application-action.ts';
import { updateApplication } from '../../src/commands/applications/update-application.ts';
import { createBatch } from '../../src/commands/batches/create-batch.ts';
import { acceptEngagement } from '../../src/commands/evaluations/accept-engagement.ts';
import { createPanel } from '../../src/commands/experts/create-panel.ts';
import { APPLICATION_ACTIONS } from '../../src/domain/applications/transition-table.ts';
import { TRANSITIONS } from '../../src/domain/applications/transition-table.ts';
import { isApplicationState } from '../../src/domain/applications/application-states.ts';
import { composeCreditCode } from '../../src/domain/credit-code/make-credit-code.ts';
import { AppError } from '../../src/domain/errors.ts';
import { now } from '../../src/store/store.ts';
import { DIALECTS, SYSTEM, withDemo, type Demo } from './pipeline-support.ts';

const count = async (demo: Demo, table: 'audit_events' | 'application_events') => Number((await demo.store.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
const DECLARATION = { hasConflict: false, statement: '本机构与申报企业无投资、咨询或亲属关系。' };

for (const dialect of DIALECTS) {
  describe(`programme rules on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('every action not in the table out of each seeded state is refused, and nothing is written', async () => {
      await withDemo(dialect, async (demo) => {
        const applications = await demo.store.db.selectFrom('applications').select(['id', 'state']).orderBy('id').execute();
        const before = [await count(demo, 'audit_events'), await count(demo, 'application_events')];
        let refused = 0;
        for (const application of applications) {
          if (!isApplicationState(application.state)) throw new Error(application.state);
          for (const action of APPLICATION_ACTIONS) {
            if (TRANSITIONS[application.state].some((t) => t.action === action)) continue;
            // The system actor passes every policy: only the table can refuse it.
            await assert.rejects(takeApplicationAction(demo.store, SYSTEM, { applicationId: application.id, action, reason: '测试', evaluatorOrgId: demo.evaluatorOrgId }), (e) => AppError.is(e, 'INVALID_TRANSITION') || (AppError.is(e, 'VALIDATION') && e.path === 'action'), `${application.state} × ${action}`);
            refused++;
          }
          assert.equal((await demo.store.db.selectFrom('applications').select('state').where('id', '=', application.id).executeTakeFirstOrThrow()).state, application.state);
        }
        assert.ok(refused > 100);
        assert.deepEqual([await count(demo, 'audit_events'), await count(demo, 'application_events')], before);
      });
    });

    test('the 16th national project of a legal representative in a year is refused, across organisations', async () => {
      await withDemo(dialect, async (demo) => {
        const evaluator = await demo.as('evaluator@demo');
        const requested = await demo.store.db.selectFrom('evaluations').selectAll().where('kind', '=', 'third_party').where('state', '=', 'requested').executeTakeFirstOrThrow();
        const org = await demo.store.db.selectFrom('evaluator_orgs').selectAll().where('id', '=', requested.evaluator_org_id!).executeTakeFirstOrThrow();
        // A second organisation with the same legal representative (same ID-number hash).
        const sibling = await demo.store.db.insertInto('evaluator_orgs').values({ name_zh: '示例第二评价机构', name_en: '', credit_code: composeCreditCode({ regionCode: '360100', organizationBody: 'MA35DEM2' }), legal_representative: org.legal_representative, legal_representative_key: org.legal_representative_key, region_code: '360100', created_at: now() }).returning('id').executeTakeFirstOrThrow();
        const accepted = (orgId: number, year: number, national: number) => ({ application_id: requested.application_id, enterprise_id: requested.enterprise_id, kind: 'third_party', evaluator_org_id: orgId, state: 'accepted', national, year, conflict_declaration: '{}', verified_document: null, result_document: null, signed_by: null, signed_at: null, accepted_at: now(), created_at: now() });
        // 8 + 7 = 15 national projects this year; a provincial one and one of another year do not count.
        const rows = [...Array.from({ length: 8 }, () => accepted(org.id, requested.year, 1)), ...Array.from({ length: 7 }, () => accepted(sibling.id, requested.year, 1)), accepted(org.id, requested.year, 0), accepted(org.id, requested.year - 1, 1)];
        await demo.store.db.insertInto('evaluations').values(rows).execute();
        await assert.rejects(acceptEngagement(demo.store, evaluator, { evaluationId: requested.id, declaration: DECLARATION }), (e) => AppError.is(e, 'RULE_VIOLATION') && /15/.test(e.message) && /不得超过15个/.test(e.message));
        // One of the fifteen moves to last year: 14 this year, the engagement is accepted as the 15th.
        const one = await demo.store.db.selectFrom('evaluations').select('id').where('evaluator_org_id', '=', sibling.id).executeTakeFirstOrThrow();
        await demo.store.db.updateTable('evaluations').set({ year: requested.year - 1 }).where('id', '=', one.id).execute();
        assert.equal((await acceptEngagement(demo.store, evaluator, { evaluationId: requested.id, declaration: DECLARATION })).state, 'accepted');
      });
    });

    test('an evaluator with a conflict, or without a declaration, cannot accept', async () => {
      await withDemo(dialect, async (demo) => {
        const evaluator = await demo.as('evaluator@demo');
        const requested = await demo.store.db.selectFrom('evaluations').select('id').where('kind', '=', 'third_party').where('state', '=', 'requested').executeTakeFirstOrThrow();
        await assert.rejects(acceptEngagement(demo.store, evaluator, { evaluationId: requested.id, declaration: { hasConflict: true, statement: '评价人员曾为该企业提供咨询服务。' } }), (e) => AppError.is(e, 'RULE_VIOLATION'));
        await assert.rejects(acceptEngagement(demo.store, evaluator, { evaluationId: requested.id, declaration: undefined as never }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'declaration');
        await assert.rejects(acceptEngagement(demo.store, await demo.as('enterprise@demo'), { evaluationId: requested.id, declaration: DECLARATION }), (e) => AppError.is(e, 'FORBIDDEN'));
      });
    });

    test('recommendation closes after the national deadline (07-31); forwarding after the province’s (06-30 in Jiangxi)', async () => {
      await withDemo(dialect, async (demo) => {
        const province = await demo.as('province@demo');
        const city = await demo.as('city@demo');
        const recommendable = await demo.store.db.selectFrom('applications as a').innerJoin('batches as b', 'b.id', 'a.batch_id').select(['a.id', 'b.year']).where('a.state', '=', 'province_review').where('a.target_tier', '=', 'national').executeTakeFirstOrThrow();
        await assert.rejects(takeApplicationAction(demo.store, province, { applicationId: recommendable.id, action: 'recommend', today: `${recommendable.year}-08-01` }), (e) => AppError.is(e, 'RULE_VIOLATION') && e.message.includes(`${recommendable.year}-07-31`));
        assert.equal((await takeApplicationAction(demo.store, province, { applicationId: recommendable.id, action: 'recommend', today: `${recommendable.year}-07-31` })).state, 'recommended');
        const forwardable = await demo.store.db.selectFrom('applications as a').innerJoin('batches as b', 'b.id', 'a.batch_id').select(['a.id', 'b.year']).where('a.state', '=', 'city_review').executeTakeFirstOrThrow();
        await assert.rejects(takeApplicationAction(demo.store, city, { applicationId: forwardable.id, action: 'forward', today: `${forwardable.year}-07-01` }), (e) => AppError.is(e, 'RULE_VIOLATION') && e.message.includes(`${forwardable.year}-06-30`));
        await assert.rejects(takeApplicationAction(demo.store, city, { applicationId: forwardable.id, action: 'return', today: `${forwardable.year}-05-01` }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'reason');
        const returned = await takeApplicationAction(demo.store, city, { applicationId: forwardable.id, action: 'return', reason: '请补充能源计量器具配备情况说明', today: `${forwardable.year}-05-01` });
        assert.equal(returned.state, 'returned');
      });
    });

    test('the negative list vetoes a submission; an expert may not review their own province', async () => {
      await withDemo(dialect, async (demo) => {
        const enterprise = await demo.as('enterprise@demo');
        const draft = await demo.store.db.selectFrom('applications').select('id').where('state', '=', 'draft').where('enterprise_id', '=', demo.plantId).executeTakeFirstOrThrow();
        await demo.store.db.insertInto('ehs_events').values({ enterprise_id: demo.plantId, factory_id: null, kind: 'accident', category: 'environment', severity: 'major', occurred_on: '2026-06-01', title: '氯硅烷泄漏（示例）', details: '{}', status: 'closed', negative_list_until: '2029-06-01', created_at: now() }).execute();
        await assert.rejects(takeApplicationAction(demo.store, enterprise, { applicationId: draft.id, action: 'submit', today: '2026-12-01' }), (e) => AppError.is(e, 'RULE_VIOLATION') && /pollution|污染/.test(e.message));
        assert.equal((await demo.store.db.selectFrom('applications').select('state').where('id', '=', draft.id).executeTakeFirstOrThrow()).state, 'draft');

        const national = await demo.as('national@demo');
        const recommended = await demo.store.db.selectFrom('applications').select(['id', 'province_code']).where('state', '=', 'recommended').executeTakeFirstOrThrow();
        assert.equal(recommended.province_code, '360000');
        const local = await demo.addExpert('local-expert@test', '360100');
        const others = await demo.store.db.selectFrom('users').select('id').where('email', 'in', ['expert2@demo', 'expert3@demo']).execute();
        await assert.rejects(createPanel(demo.store, national, { name: '含本省专家的专家组', expertUserIds: [local.userId, ...others.map((o) => o.id)], applicationIds: [recommended.id] }), (e) => AppError.is(e, 'RULE_VIOLATION') && /回避/.test(e.message));
        await assert.rejects(createPanel(demo.store, national, { name: '两人专家组', expertUserIds: others.map((o) => o.id), applicationIds: [recommended.id] }), (e) => AppError.is(e, 'VALIDATION'));
      });
    });

    test('a system-integration project runs on the same pipeline with its lead enterprise, consortium and project type', async () => {
      await withDemo(dialect, async (demo) => {
        const national = await demo.as('national@demo');
        const enterprise = await demo.as('enterprise@demo');
        const batch = await createBatch(demo.store, national, { programmeCode: 'system_integration', year: 2028 });
        assert.equal(batch.name_zh, '2028年度绿色制造系统集成项目名单');
        assert.equal(batch.framework_id, null);
        const member = { creditCode: composeCreditCode({ regionCode: '110108', organizationBody: '10000001' }), nameZh: '示例有机硅设计院' };
        const draft = await createApplication(demo.store, enterprise, { enterpriseId: demo.plantId, programmeCode: 'system_integration', targetTier: 'national', dataYear: 2025, batchId: batch.id, details: { projectName: '有机硅绿色供应链系统构建' } });
        await assert.rejects(takeApplicationAction(demo.store, enterprise, { applicationId: draft.id, action: 'submit', today: '2028-03-01' }), (e) => AppError.is(e, 'VALIDATION') && /projectType/.test(e.message));
        await updateApplication(demo.store, enterprise, { applicationId: draft.id, details: { projectName: '有机硅绿色供应链系统构建', projectType: 'supply_chain_system', consortium: [member] }, selfEvaluation: { summary: '牵头单位与联合体成员分工明确，项目按期完成。' } });
        const submitted = await takeApplicationAction(demo.store, enterprise, { applicationId: draft.id, action: 'submit', today: '2028-03-01' });
        assert.deepEqual([submitted.state, submitted.score_total, submitted.framework_id], ['submitted', null, null]);
        assert.equal((await takeApplicationAction(demo.store, enterprise, { applicationId: draft.id, action: 'send-to-city', today: '2028-03-02' })).state, 'city_review');
      });
    });
  });
}
