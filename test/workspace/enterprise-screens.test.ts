/**
 * The enterprise's screens over HTTP, on both databases: profile, the annual-data form
 * (save, field errors, the live KPI fragment), the workbook download and upload (good,
 * wrong, not a workbook), evidence files (type by content), a new application, the year
 * locked once submitted, and a dynamic report filed late.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { parseAnnualData } from '../../src/engine/index.ts';
import { writeAnnualDataTemplate } from '../../src/output/sheets/annual-data-template.ts';
import { addWebUser, assertContains, assertLacks, location, plantIds, webSession, type WebSession } from './workspace-http.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

for (const dialect of DIALECTS) {
  describe(`enterprise screens on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let ids: Awaited<ReturnType<typeof plantIds>>;
    let web: WebSession;
    const storedDocument = async (year = 2025) => JSON.parse((await t.store.db.selectFrom('annual_data').select('document').where('factory_id', '=', ids.factoryId).where('year', '=', year).executeTakeFirstOrThrow()).document);
    before(async () => {
      t = await startTestApp(dialect, { prepare: (store) => seedDemo(store, { today: '2026-11-30' }).then(() => undefined), config: { dataDirectory: `/tmp/greenlist-ws-${dialect.name}-${process.pid}` } });
      ids = await plantIds(t.store);
      web = await webSession(t.app, 'enterprise@demo');
    });
    after(() => t?.close());

    test('the profile page shows the factory-years and saves the profile; a too-short address is refused beside the form', async () => {
      const page = await web.get('/workspace/enterprise');
      assert.equal(page.statusCode, 200);
      assertContains(page.body, new RegExp(`/workspace/annual-data/${ids.factoryId}/2025`));
      const saved = await web.post('/workspace/enterprise/profile', { address: '江西省九江市永修县星火工业园1号', legalRepresentative: '张某（示例）', 'factories[0].id': String(ids.factoryId), 'factories[0].nameZh': '永修生产基地', 'factories[0].nameEn': 'Yongxiu site', 'factories[0].address': '江西省九江市永修县', 'factories[0].siteAreaM2': '800000' });
      assert.equal(saved.statusCode, 303);
      assert.match(location(saved), /done=profileSaved/);
      const factory = await t.store.db.selectFrom('factories').select(['name_zh', 'site_area_m2']).where('id', '=', ids.factoryId).executeTakeFirstOrThrow();
      assert.deepEqual(factory, { name_zh: '永修生产基地', site_area_m2: 800000 });
      const refused = await web.post('/workspace/enterprise/profile', { address: '九江', legalRepresentative: '张某', 'factories[0].id': String(ids.factoryId), 'factories[0].nameZh': '永修生产基地', 'factories[0].nameEn': '', 'factories[0].address': '江西省九江市永修县', 'factories[0].siteAreaM2': '' });
      assert.equal(refused.statusCode, 400);
      assertContains(refused.body, /address/);
      assertContains(refused.body, /value="九江"/, 'the form keeps what was typed');
    });

    test('the annual-data form saves, marks a field that is not a number, and the fragment re-scores as typed', async () => {
      const form = await web.get(`/workspace/annual-data/${ids.factoryId}/2025`);
      assert.equal(form.statusCode, 200);
      assertContains(form.body, /hx-post="\/workspace\/annual-data\/\d+\/2025\/kpis"/);
      const fields = { gridRegion: 'central', 'energy[0].carrier': 'electricity', 'energy[0].quantity': '12,000,000', 'energy[0].unit': 'kWh', 'energy[1].carrier': 'natural_gas', 'energy[1].quantity': '300000', 'energy[1].unit': 'm3', 'output.products[0].name': '有机硅单体', 'output.products[0].quantity': '100000', 'output.products[0].unit': 't', 'output.valueTenThousandYuan': '250000' };
      // 12 000 000 kWh × 0.1229 kgce/kWh = 1 474 800 kgce; 300 000 m3 × 1.33 kgce/m3 = 399 000 kgce (oilfield gas):
      // 1 873 800 kgce = 1 873.8 tce (GB/T 2589 coefficients of the factor set), shown rounded to 1,874.
      const fragment = await web.post(`/workspace/annual-data/${ids.factoryId}/2025/kpis`, fields);
      assert.equal(fragment.statusCode, 200);
      assertLacks(fragment.body, /<html/, 'a fragment, not a page');
      assertContains(fragment.body, /energyTce<\/span>[\s\S]*?<td class="number">1,874<span class="kpi-unit">tce/);
      const notNumber = await web.post(`/workspace/annual-data/${ids.factoryId}/2025`, { ...fields, 'land.siteAreaM2': '八十万', intent: 'save' });
      assert.equal(notNumber.statusCode, 400);
      assertContains(notNumber.body, /id="f-land-siteAreaM2"[^>]*aria-invalid="true"/);
      const unknownUnit = await web.post(`/workspace/annual-data/${ids.factoryId}/2025`, { ...fields, 'energy[1].unit': 'kWh', intent: 'save' });
      assert.equal(unknownUnit.statusCode, 400);
      assertContains(unknownUnit.body, /energy\[1\]\.unit/);
      const recalculated = await web.post(`/workspace/annual-data/${ids.factoryId}/2025`, { ...fields, intent: 'recalculate' });
      assert.equal(recalculated.statusCode, 200);
      assert.equal((await storedDocument()).energy.length, 4, 'recalculating stores nothing');
      const saved = await web.post(`/workspace/annual-data/${ids.factoryId}/2025`, { ...fields, intent: 'save' });
      assert.equal(saved.statusCode, 303);
      const document = await storedDocument();
      assert.deepEqual(document.energy, [{ carrier: 'electricity', quantity: 12_000_000, unit: 'kWh' }, { carrier: 'natural_gas', quantity: 300_000, unit: 'm3' }]);
      const row = await t.store.db.selectFrom('annual_data').select('energy_tce').where('factory_id', '=', ids.factoryId).where('year', '=', 2025).executeTakeFirstOrThrow();
      assert.equal(row.energy_tce, 1873.8);
    });

    test('the workbook downloads filled, uploads back with Chinese content, and a wrong one lists its rows', async () => {
      const download = await web.get(`/workspace/annual-data/${ids.factoryId}/2025/template.xlsx`);
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-type'], XLSX);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual(workbook.worksheets.filter((s) => s.state === 'visible').map((s) => s.name), ['说明 README', '能源 energy', '产品与产值 output', '用地 land', '水 water', '固废 solid waste', '物料 materials', '其他 other']);
      const energy = workbook.getWorksheet('能源 energy')!;
      assert.equal(energy.getCell('A2').value, '电力 electricity');
      energy.getCell('A4').value = '柴油';
      energy.getCell('B4').value = '1,250.5';
      energy.getCell('C4').value = '吨';
      const good = await web.upload(`/workspace/annual-data/${ids.factoryId}/2025/upload`, {}, { field: 'file', name: '星火2025.xlsx', type: XLSX, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) });
      assert.equal(good.statusCode, 303, good.body.slice(0, 300));
      assert.deepEqual((await storedDocument()).energy[2], { carrier: 'diesel', quantity: 1250.5, unit: '吨' });
      energy.getCell('A5').value = '沼气';
      const bad = await web.upload(`/workspace/annual-data/${ids.factoryId}/2025/upload`, {}, { field: 'file', name: 'bad.xlsx', type: XLSX, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) });
      assert.equal(bad.statusCode, 400);
      assertContains(bad.body, /<td>能源 energy<\/td><td class="number">5<\/td><td>A<\/td><td>未知能源品种“沼气”/);
      assert.equal((await storedDocument()).energy.length, 3, 'nothing stored from the wrong workbook');
      const notWorkbook = await web.upload(`/workspace/annual-data/${ids.factoryId}/2025/upload`, {}, { field: 'file', name: 'x.xlsx', type: XLSX, bytes: Buffer.from('not a zip at all') });
      assert.equal(notWorkbook.statusCode, 415);
    });

    test('evidence is checked by content, listed, downloaded and removed; a stranger cannot download it', async () => {
      const page = `/workspace/applications/${ids.applicationId}`;
      const text = await web.upload(`${page}/evidence`, { indicatorId: 'energy.renewable-share' }, { field: 'file', name: 'evidence.png', type: 'image/png', bytes: Buffer.from('just text, named .png') });
      assert.equal(text.statusCode, 415);
      const attached = await web.upload(`${page}/evidence`, { indicatorId: 'energy.renewable-share' }, { field: 'file', name: '绿电交易凭证.png', type: 'image/png', bytes: PNG });
      assert.equal(attached.statusCode, 303, attached.body.slice(0, 300));
      const shown = await web.get(page);
      const fileId = Number(/\/evidence\/(\d+)"/.exec(shown.body)![1]);
      assertContains(shown.body, /绿电交易凭证\.png/);
      const file = await web.get(`${page}/evidence/${fileId}`);
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'image/png');
      assert.deepEqual(file.rawPayload, PNG);
      const hubei = await webSession(t.app, 'hubei@demo');
      assert.equal((await hubei.get(`${page}/evidence/${fileId}`)).statusCode, 403);
      const removed = await web.post(`${page}/evidence/${fileId}/remove`, {});
      assert.equal(removed.statusCode, 303);
      assertLacks((await web.get(page)).body, /绿电交易凭证\.png/);
    });

    test('submitting fixes the year: the form turns read-only and a save is refused', async () => {
      const submitted = await web.post(`/workspace/applications/${ids.applicationId}/actions/submit`, {});
      assert.equal(submitted.statusCode, 303, submitted.body.slice(0, 400));
      const state = await t.store.db.selectFrom('applications').select('state').where('id', '=', ids.applicationId).executeTakeFirstOrThrow();
      assert.equal(state.state, 'submitted');
      const form = await web.get(`/workspace/annual-data/${ids.factoryId}/2025`);
      assertLacks(form.body, /name="intent" value="save"/);
      const refused = await web.post(`/workspace/annual-data/${ids.factoryId}/2025`, { gridRegion: 'central', 'energy[0].carrier': 'electricity', 'energy[0].quantity': '1', 'energy[0].unit': 'kWh', intent: 'save' });
      assert.equal(refused.statusCode, 422);
      assertContains(refused.body, /退回修改后方可更改/);
      parseAnnualData(await storedDocument());
    });

    test('a draft is started for an open batch; the dynamic report of another enterprise is filed late', async () => {
      const created = await web.post('/workspace/applications', { batchId: String(ids.batchId), factoryId: String(ids.factoryId), dataYear: '2024' });
      assert.equal(created.statusCode, 303);
      assert.match(location(created), /\/workspace\/applications\/\d+\?done=applicationCreated/);
      const overdue = await t.store.db.selectFrom('dynamic_reports').select(['id', 'enterprise_id']).where('status', '=', 'overdue').orderBy('id').executeTakeFirstOrThrow();
      await addWebUser(t.store, 'staff@overdue.example', { role: 'enterprise', enterpriseId: overdue.enterprise_id });
      const staff = await webSession(t.app, 'staff@overdue.example');
      assertContains((await staff.get('/workspace/dynamic-reports')).body, /逾期未填报/);
      const filed = await staff.post(`/workspace/dynamic-reports/${overdue.id}/file`, {});
      assert.equal(filed.statusCode, 303);
      const report = await t.store.db.selectFrom('dynamic_reports').select('status').where('id', '=', overdue.id).executeTakeFirstOrThrow();
      assert.equal(report.status, 'filed_late');
      assert.equal((await staff.post(`/workspace/dynamic-reports/${overdue.id}/file`, {})).statusCode, 409, 'filed once');
    });
  });
}
