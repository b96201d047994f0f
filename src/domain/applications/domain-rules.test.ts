import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { AppError } from '../errors.ts';
import { composeCreditCode } from '../credit-code/make-credit-code.ts';
import { annualDataDifferences } from './annual-data-differences.ts';
import { parseAuthoritySettings } from './authority-settings.ts';
import { batchName, chineseOrdinalNumber } from './batch-naming.ts';
import { expertConsensus, checkConsensusRule } from './expert-consensus.ts';
import { removalRule } from './list-management.ts';
import { negativeEventsInForce } from './negative-list-events.ts';
import { checkProgrammeDetails, programmeDetailsProblem } from './programme-details.ts';
import { renderWorkflowMarkdown } from './workflow-drawing.ts';
import { noticeDates } from '../notices/notice-schedule.ts';

test('docs/workflow.md is drawn from the current transition table', () => {
  const file = new URL('../../../docs/workflow.md', import.meta.url);
  const expected = renderWorkflowMarkdown();
  if (process.env.GREENLIST_UPDATE_DOCS === '1') writeFileSync(file, expected);
  assert.equal(readFileSync(file, 'utf8'), expected, 'run GREENLIST_UPDATE_DOCS=1 node --import tsx --test src/domain/applications/domain-rules.test.ts');
  assert.match(expected, /national_notice --> national_objections : hold-for-objections \(system\)/);
});

test('batch names follow the programme: 第N批 or YYYY年度, with the region for provinces and cities', () => {
  assert.deepEqual(batchName({ programme: 'green_factory', tier: 'national', regionCode: '000000', ordinal: 4, year: 2019 }), { nameZh: '第四批绿色工厂名单', nameEn: 'Green factories, 4th batch', slug: 'national-factory-4' });
  assert.deepEqual(batchName({ programme: 'green_factory', tier: 'province', regionCode: '360000', ordinal: 2, year: 2019 }), { nameZh: '江西省第二批绿色工厂名单', nameEn: 'Jiangxi green factories, 2nd provincial batch', slug: 'jiangxi-factory-2' });
  assert.deepEqual(batchName({ programme: 'green_factory', tier: 'city', regionCode: '360400', ordinal: null, year: 2025 }), { nameZh: '九江市2025年度绿色工厂名单', nameEn: 'Jiujiang green factories, 2025 city list', slug: 'jiujiang-factory-2025' });
  assert.equal(batchName({ programme: 'system_integration', tier: 'national', regionCode: '000000', ordinal: null, year: 2018 }).nameZh, '2018年度绿色制造系统集成项目名单');
  assert.deepEqual([1, 10, 12, 20, 99].map(chineseOrdinalNumber), ['一', '十', '十二', '二十', '九十九']);
  assert.throws(() => batchName({ programme: 'green_factory', tier: 'national', regionCode: '000000', ordinal: null, year: 2015 }), (e) => AppError.is(e, 'VALIDATION'));
});

test('expert consensus: median of at least three unconflicted scores, dissent beyond the distance recorded', () => {
  const review = (expertUserId: number, score: number | null, conflictDeclared = false) => ({ expertUserId, score, conflictDeclared, comment: `c${expertUserId}` });
  // scores 80, 70, 40 → median 70 ≥ 60 passes; |40 − 70| = 30 > 15 dissents, |80 − 70| = 10 does not.
  const median = expertConsensus([review(1, 80), review(2, 70), review(3, 40)]);
  assert.equal(median.reached, true);
  assert.equal(median.score, 70);
  assert.equal(median.passed, true);
  assert.deepEqual(median.dissent.map((d) => d.expertUserId), [3]);
  // the mean of the same scores is 63.3 (190 / 3): still ≥ 60; both 80 and 40 lie > 15 from it? |80−63.3| = 16.7 yes, |40−63.3| = 23.3 yes.
  const mean = expertConsensus([review(1, 80), review(2, 70), review(3, 40)], checkConsensusRule({ method: 'mean' }));
  assert.equal(mean.score, 63.3);
  assert.deepEqual(mean.dissent.map((d) => d.expertUserId), [1, 3]);
  // four scores 50, 55, 65, 90: median (55 + 65) / 2 = 60 → passes exactly at the pass score.
  assert.equal(expertConsensus([review(1, 50), review(2, 55), review(3, 65), review(4, 90)]).score, 60);
  // a recused expert does not count: two scores are not enough.
  const recused = expertConsensus([review(1, 80), review(2, 70), review(3, null, true)]);
  assert.equal(recused.reached, false);
  assert.equal(recused.recused, 1);
  assert.deepEqual(expertConsensus([review(1, 80), review(2, 70), review(3, null), review(4, 90)]).waitingFor, [3]);
});

test('authority settings: defaults for missing keys, CONFIG errors naming the field', () => {
  const settings = parseAuthoritySettings(JSON.stringify({ noticeDays: 5, noticeDayKind: 'working', recommendDeadline: '06-30' }));
  assert.equal(settings.noticeDays, 5);
  assert.equal(settings.dynamicReportDeadline, '04-15');
  assert.equal(parseAuthoritySettings('{}').recommendDeadline, '07-31');
  assert.throws(() => parseAuthoritySettings('{"noticeDayKind":"lunar"}'), (e) => AppError.is(e, 'CONFIG') && e.path === 'settings.noticeDayKind');
  assert.throws(() => parseAuthoritySettings('{"recommendDeadline":"7-31"}'), (e) => AppError.is(e, 'CONFIG'));
});

test('programme fields: system integration needs a project type and consortium members other than the lead', () => {
  const lead = composeCreditCode({ regionCode: '360425', organizationBody: '70586231' });
  const member = { creditCode: composeCreditCode({ regionCode: '110108', organizationBody: '10000001' }), nameZh: '成员单位' };
  const complete = { projectName: '有机硅绿色供应链系统构建', projectType: 'supply_chain_system', consortium: [member] };
  assert.equal(programmeDetailsProblem('system_integration', complete, lead), null);
  assert.match(programmeDetailsProblem('system_integration', {}, lead) ?? '', /projectName/);
  assert.match(programmeDetailsProblem('system_integration', { ...complete, projectType: 'rocket' }, lead) ?? '', /projectType/);
  assert.match(programmeDetailsProblem('system_integration', { ...complete, consortium: [] }, lead) ?? '', /consortium/);
  assert.match(programmeDetailsProblem('system_integration', { ...complete, consortium: [member, { creditCode: lead, nameZh: '牵头' }] }, lead) ?? '', /consortium\[1\]/);
  assert.equal(checkProgrammeDetails('green_park', { parkName: '园区' }, { leadCreditCode: lead, complete: false }).parkName, '园区');
  assert.throws(() => checkProgrammeDetails('green_park', { colour: 'green' }, { leadCreditCode: lead, complete: false }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'details.colour');
  assert.equal(programmeDetailsProblem('green_factory', {}, lead), null);
});

test('removal reasons decide the mode; negative-list rows in force become engine events', () => {
  assert.equal(removalRule('major_safety_accident').mode, 'immediate');
  assert.equal(removalRule('unfiled_dynamic_report').mode, 'annual');
  assert.throws(() => removalRule('dislike'), (e) => AppError.is(e, 'VALIDATION'));
  const rows = [
    { kind: 'accident', category: 'environment', severity: 'II', occurred_on: '2026-03-01', title: '泄漏', negative_list_until: '2029-03-01' },
    { kind: 'accident', category: 'safety', severity: 'general', occurred_on: '2026-03-01', title: '一般事故', negative_list_until: null },
    { kind: 'quality_accident', category: 'x', severity: null, occurred_on: '2020-01-01', title: '旧', negative_list_until: '2023-01-01' },
  ];
  assert.deepEqual(negativeEventsInForce(rows, '2026-05-01'), [{ kind: 'pollution_accident', date: '2026-03-01', description: '泄漏 (II)' }]);
});

test('declared and verified values are compared line by line, not by position', () => {
  const declared = { energy: [{ carrier: 'raw_coal', quantity: 5000, unit: 't' }, { carrier: 'electricity', quantity: 100, unit: 'kWh' }], water: { reusedM3: 10 } };
  const verified = { energy: [{ carrier: 'electricity', quantity: 100, unit: 'kWh' }, { carrier: 'raw_coal', quantity: 5500, unit: 't' }], water: { reusedM3: 10 } };
  // (5500 − 5000) / 5000 = 0.1
  assert.deepEqual(annualDataDifferences(declared, verified), [{ path: 'energy[raw_coal, t].quantity', declared: 5000, verified: 5500, relative: 0.1 }]);
});

test('a notice closes at midnight Beijing time after its last day', () => {
  // 15 calendar days from 2026-11-27 inclusive end on 2026-12-11; the job runs at 2026-12-12 00:00 +08:00 = 2026-12-11T16:00Z.
  assert.deepEqual(noticeDates('2026-11-27', { days: 15, kind: 'calendar' }), { opensOn: '2026-11-27', closesOn: '2026-12-11', closeJobAt: '2026-12-11T16:00:00.000Z' });
});
