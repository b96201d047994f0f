/**
 * The engine's faces: the HTTP API, the CLI and the framework pages, over the same pure
 * engine. Values worked out by hand in the comments.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQLITE, DIALECTS, withTestStore } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoEnterprises } from '../../src/domain/demo/demo-enterprises.ts';
import { demoAnnualData, DEMO_YEARS } from '../../src/domain/demo/demo-annual-data.ts';
import { syncFrameworks } from '../../src/commands/frameworks/sync-frameworks.ts';
import { AppError } from '../../src/domain/errors.ts';

const bin = new URL('../../bin/greenlist.js', import.meta.url).pathname;

// 1,000,000 kWh bought in 2023 from the central (华中) grid:
//   energyTce = 1,000,000 kWh × 0.1229 kgce/kWh ÷ 1000 = 122.9 tce (当量值, GB/T 2589)
//   co2eElectricityT = 1,000,000 kWh × 0.5271 kgCO2/kWh ÷ 1000 = 527.1 t (MEE/NBS 2023 华中)
const electricityOnly = { year: 2023, gridRegion: 'central', energy: [{ carrier: 'electricity', quantity: 1_000_000, unit: 'kWh' }] };

const plant = demoEnterprises(1)[0]!;

describe('engine API', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(SQLITE);
  });
  after(() => t?.close());

  test('POST /api/v1/kpis computes the hand-worked electricity case with its trace and factors', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/kpis', payload: electricityOnly });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.ok(Math.abs(body.kpis.energyTce - 122.9) < 1e-9);
    assert.ok(Math.abs(body.kpis.co2eElectricityT - 527.1) < 1e-9);
    assert.equal(body.kpis.energyPerUnitKgce, null, 'no output: per-unit KPIs are null');
    assert.ok(body.traces.energyPerUnitKgce.reason, 'and say why');
    assert.ok(body.factors.some((f: { value: number; source: string }) => f.value === 0.1229 && f.source.length > 0));
    assert.ok(body.traces.energyTce.steps.some((s: string) => s.includes('1000000 kWh × 0.1229')));
  });

  test('bad input is a 400 naming the field path', async () => {
    const badUnit = await t.app.inject({ method: 'POST', url: '/api/v1/kpis', payload: { ...electricityOnly, energy: [{ carrier: 'electricity', quantity: 1, unit: 'kwh2' }] } });
    assert.equal(badUnit.statusCode, 400);
    assert.equal(badUnit.json().error.path, 'energy[0].unit');
    const negative = await t.app.inject({ method: 'POST', url: '/api/v1/kpis', payload: { ...electricityOnly, energy: [electricityOnly.energy[0], { carrier: 'raw_coal', quantity: -5, unit: 't' }] } });
    assert.equal(negative.statusCode, 400);
    assert.equal(negative.json().error.path, 'energy[1].quantity');
    const unknownCarrier = await t.app.inject({ method: 'POST', url: '/api/v1/score', payload: { data: { ...electricityOnly, energy: [{ carrier: 'moonlight', quantity: 1, unit: 'kWh' }] } } });
    assert.equal(unknownCarrier.statusCode, 400);
    assert.equal(unknownCarrier.json().error.path, 'data.energy[0].carrier');
    const unknownFramework = await t.app.inject({ method: 'POST', url: '/api/v1/score', payload: { framework: 'gbt0', data: electricityOnly } });
    assert.equal(unknownFramework.statusCode, 400);
    assert.equal(unknownFramework.json().error.path, 'framework');
  });

  test('the demo plant’s three years score under both frameworks; a recent major accident vetoes', async () => {
    for (const year of DEMO_YEARS) {
      for (const framework of ['gbt36132-2018', 'gbt36132-2025']) {
        const response = await t.app.inject({ method: 'POST', url: '/api/v1/score', payload: { framework, data: demoAnnualData(plant, plant.factories[0]!, year), asOf: '2026-11-30' } });
        assert.equal(response.statusCode, 200, `${framework} ${year}`);
        const body = response.json();
        assert.equal(typeof body.total, 'number');
        const sum = body.indicators.reduce((s: number, i: { score: number }) => s + i.score, 0);
        assert.ok(Math.abs(sum - body.total) < 1e-6, 'indicator scores add up to the total');
      }
    }
    const vetoed = await t.app.inject({ method: 'POST', url: '/api/v1/score', payload: { data: demoAnnualData(plant, plant.factories[0]!, 2025), asOf: '2026-11-30', negativeListEvents: [{ kind: 'safety_accident', date: '2025-06-01' }] } });
    assert.equal(vetoed.statusCode, 200);
    assert.equal(vetoed.json().eligible, false);
    assert.equal(vetoed.json().total, null);
    assert.ok(vetoed.json().vetoes.length >= 1);
  });

  test('frameworks are listed and served as data, and read as a tree with sources on the page', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/frameworks' });
    assert.deepEqual(list.json().frameworks.map((f: { id: string }) => f.id).sort(), ['gbt36132-2018', 'gbt36132-2025']);
    const one = await t.app.inject({ method: 'GET', url: '/api/v1/frameworks/gbt36132-2025' });
    assert.equal(one.json().method, 'linear-2025');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/frameworks/nope' })).statusCode, 404);
    const page = await t.app.inject({ method: 'GET', url: '/frameworks/gbt36132-2025' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /能源低碳化/);
    assert.match(page.body, /\[U\] 未核实/);
    assert.match(page.body, /基准值/);
    const en = await t.app.inject({ method: 'GET', url: '/en/frameworks/gbt36132-2018' });
    assert.match(en.body, /required \(必选\)/);
    const factors = await t.app.inject({ method: 'GET', url: '/frameworks/factors/cn-default' });
    assert.match(factors.body, /0\.1229/);
    assert.match(factors.body, /0\.5271/);
  });
});

describe('engine CLI', () => {
  const directory = mkdtempSync(join(tmpdir(), 'greenlist-cli-'));
  after(() => rmSync(directory, { recursive: true, force: true }));

  test('kpi prints the hand-worked value; score --json prints the result document', () => {
    const file = join(directory, 'electricity.json');
    writeFileSync(file, JSON.stringify(electricityOnly));
    const kpi = spawnSync(process.execPath, [bin, 'kpi', file], { encoding: 'utf8' });
    assert.equal(kpi.status, 0, kpi.stderr);
    assert.match(kpi.stdout, /^energyTce\s+122\.9 tce/m);
    const plantFile = join(directory, 'plant.json');
    writeFileSync(plantFile, JSON.stringify(demoAnnualData(plant, plant.factories[0]!, 2025)));
    const scored = spawnSync(process.execPath, [bin, 'score', plantFile, '--framework', 'gbt36132-2025', '--json'], { encoding: 'utf8' });
    assert.equal(scored.status, 0, scored.stderr);
    const result = JSON.parse(scored.stdout);
    assert.equal(result.frameworkId, 'gbt36132-2025');
    assert.equal(typeof result.total, 'number');
    assert.ok(result.indicators.every((i: { explanation: string }) => i.explanation.length > 0));
  });

  test('bad input exits 2 naming the path', () => {
    const file = join(directory, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...electricityOnly, energy: [{ carrier: 'electricity', quantity: 'lots', unit: 'kWh' }] }));
    const result = spawnSync(process.execPath, [bin, 'kpi', file], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /energy\[0\]\.quantity/);
  });
});

for (const dialect of DIALECTS) {
  describe(`framework versions in the ${dialect.name} store`, { skip: dialect.skip }, () => {
    test('sync is idempotent and refuses a released version whose content changed', async () => {
      await withTestStore(dialect, async (store) => {
        const first = await syncFrameworks(store);
        assert.ok(first.inserted.includes('gbt36132-2025@2025.1'));
        assert.deepEqual((await syncFrameworks(store)).inserted, []);
        await store.db.updateTable('frameworks').set({ content_hash: 'sha256:edited' }).where('id', '=', 'gbt36132-2018@2018.1').execute();
        await assert.rejects(syncFrameworks(store), (e) => AppError.is(e, 'CONFIG') && /immutable/.test(e.message));
      });
    });
  });
}
