import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnnualData } from './annual-data.ts';
import { getFramework, loadFramework } from './frameworks.ts';
import { score, type Answer } from './score.ts';
import { energyOnly, throwsAt } from './test-support.ts';

const p = (value: unknown) => ({ value, source: 'test fixture', tag: 'U' });
const names = (id: string) => ({ nameZh: id, nameEn: id });

/** A small 2025-method framework: two reported 定量 items (one each way), one banded KPI item, one 定性 item. */
function fixture(baseShare: number, passLine: number | null = null) {
  const document = {
    kind: 'framework', id: 'test-linear', version: '1', standard: 'TEST', ...names('test'), method: 'linear-2025',
    issued: '2025-01-01', effective: '2025-01-01', abolished: null, source: 'test fixture', tag: 'U',
    config: { baseShareAtBenchmark: p(baseShare), passLine: p(passLine), grades: p([{ grade: 'A', minimum: 80 }, { grade: 'B', minimum: 50 }]) },
    basicRequirements: [{ kind: 'basic-requirement', id: 'basic.ok', ...names('ok'), source: 'test fixture', tag: 'U' }],
    dimensions: [
      { kind: 'dimension', id: 'quant', ...names('quant'), weight: p(30), source: 'test fixture', tag: 'U', indicators: [
        { kind: 'quantitative-indicator', id: 'quant.up', ...names('up'), type: 'positive_quantitative', unit: '%', kpi: null, weight: p(10), benchmark: p(80), leading: p(95), source: 'test fixture', tag: 'U' },
        { kind: 'quantitative-indicator', id: 'quant.down', ...names('down'), type: 'negative_quantitative', unit: 'kgce/万元', kpi: null, weight: p(10), benchmark: p(200), leading: p(50), source: 'test fixture', tag: 'U' },
        { kind: 'quantitative-indicator', id: 'quant.band', ...names('band'), type: 'positive_quantitative', unit: '%', kpi: 'renewableShare', weight: p(10),
          bands: { kpi: 'energyTce', source: 'test fixture', tag: 'U', rows: [
            { atLeast: 0, below: 1000, benchmark: p(0), leading: p(10) }, { atLeast: 1000, below: null, benchmark: p(0), leading: p(20) }] },
          source: 'test fixture', tag: 'U' },
      ] },
      { kind: 'dimension', id: 'qual', ...names('qual'), weight: p(70), source: 'test fixture', tag: 'U', indicators: [
        { kind: 'qualitative-indicator', id: 'qual.choice', ...names('choice'), type: 'positive_qualitative', unit: null, weight: p(70),
          options: [{ id: 'full', ...names('full'), share: p(1) }, { id: 'half', ...names('half'), share: p(0.5) }, { id: 'none', ...names('none'), share: p(0) }],
          source: 'test fixture', tag: 'U' },
      ] },
    ],
  };
  const file = join(mkdtempSync(join(tmpdir(), 'greenlist-engine-')), 'test-linear.json');
  writeFileSync(file, JSON.stringify(document));
  return loadFramework(file);
}

const noEnergy: AnnualData = energyOnly(2023, 'east', []);
const scoreOf = (framework: ReturnType<typeof fixture>, id: string, answers: Record<string, Answer>, data: AnnualData = noEnergy) =>
  score({ framework, data, qualitative: answers }).indicators.find((indicator) => indicator.id === id)!.score;

test('2025 rule, higher is better (B = 80, L = 95, w = 10): below, at, between, at and beyond 引领值', () => {
  const framework = fixture(0);
  // 70 < B → 0; 80 = B → 10 × 0 = 0; 90 → 10 × (90 − 80)/(95 − 80) = 6.666… → 6.67; 95 = L → 10; 99 > L → clamp 1 → 10
  assert.deepEqual([70, 80, 90, 95, 99].map((x) => scoreOf(framework, 'quant.up', { 'quant.up': x })), [0, 0, 6.67, 10, 10]);
});

test('2025 rule, lower is better (B = 200, L = 50, w = 10): the same formula with L < B', () => {
  const framework = fixture(0);
  // 250 worse than B → 0; 200 = B → 0; 125 → 10 × (125 − 200)/(50 − 200) = 10 × 0.5 = 5; 50 = L → 10; 20 → clamp 1 → 10
  assert.deepEqual([250, 200, 125, 50, 20].map((x) => scoreOf(framework, 'quant.down', { 'quant.down': x })), [0, 0, 5, 10, 10]);
});

test('2025 rule with a configured base share s = 0.2 at 基准值', () => {
  const framework = fixture(0.2);
  // at B: 10 × 0.2 = 2; 90: 10 × (0.2 + 0.8 × 2/3) = 10 × 0.7333… = 7.33; worse than B: 0; beyond L: 10
  assert.deepEqual([70, 80, 90, 99].map((x) => scoreOf(framework, 'quant.up', { 'quant.up': x })), [0, 2, 7.33, 10]);
  assert.deepEqual([201, 200].map((x) => scoreOf(framework, 'quant.down', { 'quant.down': x })), [0, 2]);
});

test('thresholds chosen by band (renewable share by annual tce) and option tables', () => {
  const framework = fixture(0);
  // 1 000 000 kWh grid + 200 000 kWh PV: 1 200 000 × 0.1229 = 147.48 tce (< 1 000: L = 10 %);
  // share 200 000 / 1 200 000 = 16.7 % ≥ L → 10
  const small = energyOnly(2023, 'east', [{ carrier: 'electricity', quantity: 1_000_000, unit: 'kWh' }, { carrier: 'electricity', quantity: 200_000, unit: 'kWh', origin: 'onsite_renewable' }]);
  assert.equal(scoreOf(framework, 'quant.band', {}, small), 10);
  // 9 000 000 + 1 000 000 kWh: 1 229 tce (≥ 1 000: L = 20 %); share 10 % → 10 × 10/20 = 5
  const large = energyOnly(2023, 'east', [{ carrier: 'electricity', quantity: 9_000_000, unit: 'kWh' }, { carrier: 'electricity', quantity: 1_000_000, unit: 'kWh', origin: 'onsite_renewable' }]);
  assert.equal(scoreOf(framework, 'quant.band', {}, large), 5);
  assert.equal(scoreOf(framework, 'qual.choice', { 'qual.choice': 'half' }), 35);
  assert.equal(scoreOf(framework, 'qual.choice', {}), 0);
  throwsAt(() => score({ framework, data: noEnergy, qualitative: { 'qual.choice': 'maybe' } }), 'VALIDATION', 'qualitative.qual.choice');
  throwsAt(() => score({ framework, data: noEnergy, qualitative: { 'quant.up': '90' } }), 'VALIDATION', 'qualitative.quant.up');
  throwsAt(() => score({ framework, data: noEnergy, qualitative: { 'quant.band': 12 } }), 'VALIDATION', 'qualitative.quant.band');
  throwsAt(() => score({ framework, data: noEnergy, qualitative: { 'no.such': 1 } }), 'VALIDATION', 'qualitative.no.such');
});

test('total is the sum of the rounded indicator scores; grade and pass line', () => {
  const framework = fixture(0, 60);
  // up 90 → 6.67; down 125 → 5; band: no electricity, renewable share 0 of 0 tce → null → 0; choice half → 35
  // total 6.67 + 5 + 0 + 35 = 46.67 < pass line 60 → not eligible; grade: below B (50) → none
  const result = score({ framework, data: noEnergy, qualitative: { 'quant.up': 90, 'quant.down': 125, 'qual.choice': 'half' }, basicRequirements: { 'basic.ok': true } });
  assert.equal(result.total, 46.67);
  assert.equal(result.grade, undefined);
  assert.equal(result.eligible, false);
  assert.deepEqual(result.dimensions.map((dimension) => dimension.score), [11.67, 35]);
  // choice full → 70: total 81.67 → grade A, eligible
  const better = score({ framework, data: noEnergy, qualitative: { 'quant.up': 90, 'quant.down': 125, 'qual.choice': 'full' }, basicRequirements: { 'basic.ok': true } });
  assert.equal(better.total, 81.67);
  assert.equal(better.grade, 'A');
  assert.equal(better.eligible, true);
  assert.match(better.indicators[0]!.explanation, /\(90 − 80\)\/\(95 − 80\) = 0\.6666666667/);
  const json = JSON.parse(JSON.stringify(better));
  assert.equal(json.indicators.length, 4);
  assert.equal(json.total, 81.67);
});

test('vetoes first: an unmet 基本要求 or a negative-list event within three years gives total null', () => {
  const framework = fixture(0);
  const base = { framework, data: noEnergy, qualitative: { 'qual.choice': 'full' } as Record<string, Answer> };
  const unmet = score({ ...base, basicRequirements: { 'basic.ok': false } });
  assert.equal(unmet.total, null);
  assert.equal(unmet.eligible, false);
  assert.deepEqual(unmet.vetoes.map((veto) => veto.id), ['basic.ok']);
  const unanswered = score(base);
  assert.equal(unanswered.total, 70, 'an unanswered 基本要求 is not a veto');
  assert.equal(unanswered.eligible, false, '…but the evaluation is not eligible until confirmed');
  assert.deepEqual(unanswered.unconfirmed.map((finding) => finding.id), ['basic.ok']);
  // asOf 2025-06-30: the window starts 2022-06-30 (inclusive). An accident that day vetoes; the day before does not.
  const confirmed = { ...base, basicRequirements: { 'basic.ok': true }, asOf: '2025-06-30' };
  const inside = score({ ...confirmed, negativeListEvents: [{ kind: 'safety_accident', date: '2022-06-30' }] });
  assert.equal(inside.total, null);
  assert.deepEqual(inside.vetoes.map((veto) => veto.id), ['negative-list.safety_accident.2022-06-30']);
  const outside = score({ ...confirmed, negativeListEvents: [{ kind: 'safety_accident', date: '2022-06-29' }] });
  assert.equal(outside.total, 70);
  assert.equal(outside.eligible, true);
  const later = score({ ...confirmed, negativeListEvents: [{ kind: 'pollution_accident', date: '2025-07-01' }] });
  assert.equal(later.total, 70);
  assert.ok(later.notes.some((note) => note.includes('after asOf')));
  throwsAt(() => score({ ...base, negativeListEvents: [{ kind: 'safety_accident', date: '2022-06-30' }] }), 'VALIDATION', 'asOf');
  throwsAt(() => score({ ...confirmed, negativeListEvents: [{ kind: 'bad_luck', date: '2022-06-30' }] }), 'VALIDATION', 'negativeListEvents[0].kind');
  throwsAt(() => score({ ...confirmed, negativeListEvents: [{ kind: 'tax_evasion', date: '2022-02-30' }] }), 'VALIDATION', 'negativeListEvents[0].date');
  throwsAt(() => score({ ...base, basicRequirements: { 'basic.nope': true } }), 'VALIDATION', 'basicRequirements.basic.nope');
});

test('GB/T 36132-2018: 必选 items must be met, 可选 items add points, a threshold decides a KPI item', () => {
  const framework = getFramework('gbt36132-2018');
  const requiredIds = framework.dimensions.flatMap((dimension) => dimension.indicators)
    .filter((indicator) => indicator.kind === 'requirement-item' && indicator.requirement.value === 'required').map((indicator) => indicator.id);
  const answers: Record<string, Answer> = Object.fromEntries(requiredIds.map((id) => [id, true]));
  const basics = Object.fromEntries(framework.basicRequirements.map((requirement) => [requirement.id, true]));
  // green material 35 t of 100 t = 35 % ≥ 30 % [3P] → +2.5; required items (all met) carry 6+3+5+3+3 + 4+4+4 + 4+5+4 + 2+2 + 10 = 59
  const data: AnnualData = { ...energyOnly(2018, 'east', []), materials: { greenT: 35, totalT: 100 } };
  const result = score({ framework, data, qualitative: answers, basicRequirements: basics });
  assert.deepEqual(result.vetoes, []);
  assert.equal(result.total, 61.5);
  assert.equal(result.eligible, true);
  const green = result.indicators.find((indicator) => indicator.id === 'performance.green-material-rate')!;
  assert.equal(green.score, 2.5);
  assert.match(green.explanation, /greenMaterialRate = 35 ≥ 30 \[3P\]/);
  const failed = score({ framework, data, qualitative: { ...answers, 'emissions.noise': false }, basicRequirements: basics });
  assert.equal(failed.total, null);
  assert.deepEqual(failed.vetoes.map((veto) => veto.id), ['required.emissions.noise']);
});
