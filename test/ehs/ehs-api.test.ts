/**
 * The EHS API on both databases: the enterprise keeps its register; a reviewer of its
 * region reads it but cannot write; a reviewer of another region and the public cannot
 * read it; evidence and imports travel as raw bodies; every route is in /openapi.json.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import type { EhsWorld } from './ehs-fixtures.ts';
import { PDF_BYTES } from './ehs-fixtures.ts';
import { bearer, EMAILS, ehsUsers } from './ehs-http-fixtures.ts';

for (const dialect of DIALECTS) {
  describe(`EHS API on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let w: EhsWorld;
    const dataDirectory = mkdtempSync(join(tmpdir(), 'greenlist-ehs-api-'));
    const headers: Record<keyof typeof EMAILS, { authorization: string }> = {} as never;
    before(async () => {
      t = await startTestApp(dialect, { prepare: async (store) => void (w = await ehsUsers(store)), config: { dataDirectory } });
      for (const key of Object.keys(EMAILS) as (keyof typeof EMAILS)[]) headers[key] = await bearer(t.app, EMAILS[key]);
    });
    after(async () => {
      await t?.close();
      rmSync(dataDirectory, { recursive: true, force: true });
    });
    const call = (method: 'GET' | 'POST', url: string, who: keyof typeof EMAILS | null, payload?: unknown, extra: Record<string, string> = {}) =>
      t.app.inject({ method, url, headers: { ...(who === null ? {} : headers[who]), ...extra }, ...(payload === undefined ? {} : { payload: payload as string }) });

    test('the enterprise records a seal point, a round with a leak and a hazard; the dashboard shows them', async () => {
      const base = `/api/v1/ehs/${w.plantId}`;
      const point = await call('POST', `${base}/seal-points`, 'plant', { tag: 'SH-V-001', unit: '水解', componentType: 'valve', medium: 'gas_vapour', substance: '氯甲烷' });
      assert.equal(point.statusCode, 201, point.body);
      assert.equal(point.json().tag, 'SH-V-001');
      const round = await call('POST', `${base}/inspection-rounds`, 'plant', { code: '2026-Q3', startedOn: '2026-08-03', completedOn: '2026-08-03', readings: [{ tag: 'SH-V-001', measuredOn: '2026-08-03', valueUmolPerMol: 3100 }] });
      assert.equal(round.statusCode, 201, round.body);
      assert.deepEqual(round.json().leaks.map((l: { repairDue: string }) => l.repairDue), ['2026-08-18']);
      const unknown = await call('POST', `${base}/inspection-rounds`, 'plant', { code: '2026-Q3', startedOn: '2026-08-03', completedOn: '2026-08-03', readings: [{ tag: 'NOPE', measuredOn: '2026-08-03', valueUmolPerMol: 1 }] });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.path, 'readings[0].tag');

      const hazard = await call('POST', `${base}/hazards`, 'plant', { foundOn: '2026-08-05', foundBy: '巡检 张工', location: '水解釜区', description: '可燃气体报警器未标定', grade: 'major', criterionId: '121-12', owner: '仪表车间', deadline: '2026-08-20', fundsYuan: 8000 });
      assert.equal(hazard.statusCode, 201, hazard.body);
      const noEvidence = await call('POST', `${base}/hazards/${hazard.json().id}/closure`, 'plant', { closedOn: '2026-08-10' });
      assert.equal(noEvidence.statusCode, 400);
      assert.equal(noEvidence.json().error.path, 'body.evidenceFileId');
      const upload = await t.app.inject({ method: 'POST', url: `${base}/evidence-files`, headers: { ...headers.plant, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('标定记录.pdf') }, payload: Buffer.from(PDF_BYTES) });
      assert.equal(upload.statusCode, 201, upload.body);
      assert.equal(upload.json().name, '标定记录.pdf');
      const fake = await t.app.inject({ method: 'POST', url: `${base}/evidence-files`, headers: { ...headers.plant, 'content-type': 'image/png' }, payload: Buffer.from('not a png') });
      assert.equal(fake.statusCode, 415);
      const closed = await call('POST', `${base}/hazards/${hazard.json().id}/closure`, 'plant', { closedOn: '2026-08-10', note: '已标定', evidenceFileId: upload.json().id });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal(closed.json().status, 'closed');
      const download = await call('GET', `${base}/evidence-files/${upload.json().id}`, 'jiujiang');
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-type'], 'application/pdf');
      assert.ok(download.rawPayload.equals(Buffer.from(PDF_BYTES)));

      const board = await call('GET', `${base}/dashboard?asOf=2026-08-20`, 'plant');
      assert.equal(board.statusCode, 200, board.body);
      const pillars = Object.fromEntries(board.json().fourZero.pillars.map((p: { pillar: string }) => [p.pillar, p]));
      // Leak found 08-03, repair due 08-18, open on 08-20: overdue, 17 days since.
      assert.deepEqual([pillars.leakage.open, pillars.leakage.overdue, pillars.leakage.daysSince], [1, 1, 17]);
      assert.deepEqual([pillars.hazards.open, pillars.hazards.daysSince], [0, 15]);
      assert.equal(pillars.violations.daysSince, null);
      assert.equal(board.json().inventory.sealPoints, 1);
    });

    test('reviewers of the region read but cannot write; another region and the public cannot read', async () => {
      const url = `/api/v1/ehs/${w.plantId}/dashboard`;
      assert.equal((await call('GET', url, 'jiangxi')).statusCode, 200);
      assert.equal((await call('GET', url, 'jiujiang')).statusCode, 200);
      const hubei = await call('GET', url, 'hubei');
      assert.equal(hubei.statusCode, 403);
      assert.equal(hubei.json().error.code, 'FORBIDDEN');
      for (const path of ['leaks', 'hazards', 'accidents', 'events', 'seal-points', 'three-first?year=2026', 'negative-list']) {
        assert.equal((await call('GET', `/api/v1/ehs/${w.plantId}/${path}`, 'hubei')).statusCode, 403, path);
        assert.equal((await call('GET', `/api/v1/ehs/${w.plantId}/${path}`, 'wuhanPlant')).statusCode, 403, path);
      }
      assert.equal((await call('GET', url, null)).statusCode, 401);
      const write = await call('POST', `/api/v1/ehs/${w.plantId}/seal-points`, 'jiangxi', { tag: 'X-1', unit: '精馏', componentType: 'valve', medium: 'gas_vapour' });
      assert.equal(write.statusCode, 403);
      assert.equal((await call('GET', `/api/v1/ehs/999999/dashboard`, 'jiangxi')).statusCode, 404);
    });

    test('a 重大 accident over the API answers with the negative-list window', async () => {
      const response = await call('POST', `/api/v1/ehs/${w.wuhanPlantId}/accidents`, 'wuhanPlant', { occurredOn: '2026-05-02', category: 'environment', grade: 'major', title: '含氯废水外溢', evacuated: 15000 });
      assert.equal(response.statusCode, 201, response.body);
      assert.equal(response.json().negativeListUntil, '2029-05-02');
      assert.equal(response.json().accident.negativeListedNow, true);
      const events = await call('GET', `/api/v1/ehs/${w.wuhanPlantId}/negative-list?asOf=2027-01-01`, 'hubei');
      assert.deepEqual(events.json().events.map((e: { kind: string }) => e.kind), ['pollution_accident']);
    });

    test('imports: a CSV body with errors is a 400 listing rows; a clean one is stored', async () => {
      const url = `/api/v1/ehs/${w.plantId}/imports/inspection-readings`;
      const bad = await t.app.inject({ method: 'POST', url, headers: { ...headers.plant, 'content-type': 'text/csv' }, payload: 'round,tag,measured on,value\n2026-Q4,SH-V-001,2026-11-02,x\n2026-Q4,SH-V-404,2026-11-02,3\n' });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(bad.json().error.code, 'VALIDATION');
      assert.deepEqual(bad.json().error.details.errors.map((e: { row: number; column: string }) => [e.row, e.column]), [[2, 'value'], [3, 'tag']]);
      const good = await t.app.inject({ method: 'POST', url, headers: { ...headers.plant, 'content-type': 'text/csv' }, payload: 'round,tag,measured on,value\n2026-Q4,SH-V-001,2026-11-02,12\n' });
      assert.equal(good.statusCode, 200, good.body);
      assert.deepEqual([good.json().committed, good.json().stored], [true, 1]);
      const other = await t.app.inject({ method: 'POST', url, headers: { ...headers.hubei, 'content-type': 'text/csv' }, payload: 'round,tag,measured on,value\n' });
      assert.equal(other.statusCode, 403);
      const wrongType = await t.app.inject({ method: 'POST', url, headers: { ...headers.plant, 'content-type': 'application/json' }, payload: '{}' });
      assert.equal(wrongType.statusCode, 415);
    });

    test('/openapi.json documents the EHS routes with examples', async () => {
      const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
      for (const path of ['/api/v1/ehs/{enterpriseId}/dashboard', '/api/v1/ehs/{enterpriseId}/hazards', '/api/v1/ehs/{enterpriseId}/accidents', '/api/v1/ehs/{enterpriseId}/imports/{kind}', '/api/v1/ehs/{enterpriseId}/three-first']) {
        assert.ok(document.paths[path], path);
      }
      const hazardBody = document.paths['/api/v1/ehs/{enterpriseId}/hazards'].post.requestBody.content['application/json'];
      assert.ok(JSON.stringify(hazardBody).includes('盐酸管线法兰垫片老化渗漏'), 'the hazard body carries its example');
    });
  });
}
