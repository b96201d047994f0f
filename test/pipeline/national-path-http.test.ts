/**
 * The whole national path for the demo silicone plant through the JSON API, on SQLite and
 * PostgreSQL: each role signs in and takes its step; the notice closes by the job table;
 * the ministry publishes; the plant is on the list and its history reads in plain words.
 * Dates are the server's own (the batch is two years ahead, so every deadline is open).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { runDueJobs } from '../../src/commands/jobs/job-runner.ts';
import { demoSelfEvaluation } from '../../src/commands/seed/demo-pipeline.ts';
import { todayInShanghai } from '../../src/domain/calendar/plain-date.ts';
import { getFramework } from '../../src/engine/index.ts';
import { startTestApp } from '../support/app.ts';
import { apiLogin } from '../support/http.ts';
import { DIALECTS, SEED_DAY } from './pipeline-support.ts';

for (const dialect of DIALECTS) {
  describe(`national path over HTTP on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('draft → listed through /api/v1, each step by its own role', async () => {
      const running = await startTestApp(dialect, { prepare: (store) => seedDemo(store, { today: SEED_DAY }).then(() => undefined) });
      try {
        const { app, store } = running;
        const as = async (email: string) => (await apiLogin(app, email)).headers;
        const call = async (headers: Record<string, string>, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown, expected = 200) => {
          const response = await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
          assert.equal(response.statusCode, expected, `${method} ${url}: ${response.body}`);
          return response.json();
        };
        const [national, enterprise, evaluator, city, province] = [await as('national@demo'), await as('enterprise@demo'), await as('evaluator@demo'), await as('city@demo'), await as('province@demo')];
        const year = Number(todayInShanghai().slice(0, 4)) + 2;

        const batch = await call(national, 'POST', '/api/v1/batches', { programmeCode: 'green_factory', year, frameworkId: 'gbt36132-2025' }, 201);
        assert.equal(batch.nameZh, `${year}年度绿色工厂名单`);
        assert.equal(batch.frameworkId, 'gbt36132-2025@2025.1');
        const draft = await call(enterprise, 'POST', '/api/v1/applications', { programmeCode: 'green_factory', targetTier: 'national', dataYear: 2025, batchId: batch.id }, 201);
        assert.equal(draft.state, 'draft');
        await call(enterprise, 'PATCH', `/api/v1/applications/${draft.id}`, { selfEvaluation: demoSelfEvaluation(getFramework('gbt36132-2025')) });
        const submitted = await call(enterprise, 'POST', `/api/v1/applications/${draft.id}/actions/submit`);
        assert.equal(submitted.state, 'submitted');
        assert.equal(submitted.frameworkId, 'gbt36132-2025@2025.1');
        assert.ok(submitted.availableActions.includes('engage-evaluator'));

        const organisation = await store.db.selectFrom('evaluator_orgs').select('id').executeTakeFirstOrThrow();
        await call(enterprise, 'POST', `/api/v1/applications/${draft.id}/actions/engage-evaluator`, { evaluatorOrgId: organisation.id });
        const queue = await call(evaluator, 'GET', '/api/v1/evaluations?state=requested');
        const engagement = queue.items.find((i: { applicationId: number }) => i.applicationId === draft.id);
        await call(evaluator, 'POST', `/api/v1/evaluations/${engagement.evaluationId}/accept`, { declaration: { hasConflict: false, statement: '本机构与申报企业无投资、咨询或亲属关系。' } });
        const declared = JSON.parse((await store.db.selectFrom('annual_data').select('document').where('enterprise_id', '=', draft.enterpriseId).where('year', '=', 2025).executeTakeFirstOrThrow()).document);
        await call(evaluator, 'PUT', `/api/v1/evaluations/${engagement.evaluationId}/verified-data`, { data: { ...declared, processEmissionsTCO2e: declared.processEmissionsTCO2e + 100 } });
        await call(evaluator, 'POST', `/api/v1/evaluations/${engagement.evaluationId}/sign`);
        const evaluations = await call(city, 'GET', `/api/v1/applications/${draft.id}/evaluations`);
        assert.deepEqual(evaluations.engagements[0].differences.map((d: { path: string }) => d.path), ['processEmissionsTCO2e']);

        // Another region's reviewer is refused; a step out of the table is refused.
        await call(await as('hubei@demo'), 'POST', `/api/v1/applications/${draft.id}/actions/forward`, undefined, 403);
        await call(city, 'POST', `/api/v1/applications/${draft.id}/actions/withdraw`, undefined, 403);
        assert.equal((await call(enterprise, 'POST', `/api/v1/applications/${draft.id}/actions/resubmit`, undefined, 409)).error.code, 'INVALID_TRANSITION');
        assert.equal((await call(city, 'POST', `/api/v1/applications/${draft.id}/actions/forward`)).state, 'province_review');
        assert.equal((await call(province, 'POST', `/api/v1/applications/${draft.id}/actions/recommend`)).state, 'recommended');
        const experts = await store.db.selectFrom('users').select(['id', 'email']).where('email', 'in', ['expert@demo', 'expert2@demo', 'expert3@demo']).orderBy('email').execute();
        const panel = await call(national, 'POST', '/api/v1/panels', { name: '国家级评审组', expertUserIds: experts.map((e) => e.id), applicationIds: [draft.id] }, 201);
        for (const [index, expert] of experts.entries()) {
          await call(await as(expert.email), 'POST', `/api/v1/panels/${panel.id}/applications/${draft.id}/review`, { score: [78, 84, 90][index], comment: '指标达标，材料真实完整。' });
        }
        const consensus = (await call(national, 'GET', `/api/v1/panels/${panel.id}`)).applications[0].consensus;
        assert.deepEqual([consensus.reached, consensus.score, consensus.passed], [true, 84, true]);

        const notice = await call(national, 'POST', '/api/v1/notices', { batchId: batch.id, applicationIds: [draft.id] }, 201);
        assert.equal(notice.days, 15);
        const detail = await call({}, 'GET', `/api/v1/notices/${notice.id}`);
        assert.deepEqual(detail.entries.map((e: { nameZh: string }) => e.nameZh), ['江西蓝星星火有机硅有限公司']);
        // The closing job is due at 00:00 Beijing time after the last day.
        await runDueJobs(store, { at: new Date(Date.parse(`${notice.closesOn}T16:00:00Z`)).toISOString() });
        assert.equal((await call({}, 'GET', `/api/v1/notices/${notice.id}`)).notice.status, 'closed');

        const published = await call(national, 'POST', `/api/v1/batches/${batch.slug}/publish`);
        assert.equal(published.added.length, 1);
        assert.equal((await call(enterprise, 'GET', `/api/v1/applications/${draft.id}`)).state, 'listed');
        const diff = await call({}, 'GET', `/api/v1/batches/${batch.slug}/diff`);
        assert.deepEqual(diff.added.map((e: { nameZh: string }) => e.nameZh), ['江西蓝星星火有机硅有限公司']);
        const history = await call(enterprise, 'GET', `/api/v1/applications/${draft.id}/history?lang=en`);
        assert.equal(history.history.length, 10);
        assert.match(history.history[9].text, /The ministry published the list; the application is listed/);
        const openapi = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
        for (const path of ['/api/v1/applications/{id}/actions/{action}', '/api/v1/batches/{id}/publish', '/api/v1/notices/{id}/objection-cases/{objectionId}/decision', '/api/v1/dynamic-reports/{id}/file', '/api/v1/panels']) assert.ok(openapi.paths[path], path);
      } finally {
        await running.close();
      }
    });
  });
}
