/**
 * The demo EHS register (示例数据). The silicone plant: about 430 seal points in four
 * units, quarterly LDAR rounds from 2025 with a few leaks repaired on time and one
 * overdue (its round ends 25 days before `today`), general hazards closed with evidence,
 * no violation, two outlets monitored daily within their limits but for one explained
 * exceedance in 2024, no accident. Also a 较大 (not negative-listing) accident at a Hubei
 * enterprise and small registers at two more Jiangxi enterprises. Deterministic: a
 * seeded PRNG, and dates relative to `today` where the story needs them.
 */
import { createHash } from 'node:crypto';
import { addCalendarDays } from '../../domain/calendar/calendar.ts';
import { createRandom, pickOne, pickWeighted, randomBetween, randomInt, type Random } from '../../domain/demo/random.ts';
import { negativeListingOf } from '../../domain/ehs/accidents.ts';
import { daysBetween } from '../../domain/ehs/ehs-dates.ts';
import { linkEhsEvent, setEhsEventStatus } from '../../store/repositories/ehs/ehs-event-feed.ts';
import { insertItem, insertMonitoringResults, type NewMonitoringResult } from '../../store/repositories/ehs/ehs-items.ts';
import { insertSealPoint, updateLeak } from '../../store/repositories/ehs/ehs-ldar.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Capabilities } from '../../store/kysely/capabilities.ts';
import type { Row } from '../../store/schema.ts';
import { now, type Executor } from '../../store/store.ts';
import { writeInspectionReadings, type ReadingInput } from '../ehs/write-inspection-readings.ts';
import type { SeededEnterprise } from './demo-lists.ts';
import { COMPONENT_CODE, COMPONENT_MIX, FOUND_BY, HAZARDS, OWNERS, SILICONE_UNITS, type DemoUnit } from './demo-ehs-texts.ts';

export interface DemoEhsReport { sealPoints: number; rounds: number; leaks: number; hazards: number; monitoringResults: number; accidents: number }

type Points = Map<string, Row<'ehs_seal_points'>>;
const round1 = (value: number) => Math.round(value * 10) / 10;

async function seedPoints(db: Executor, enterpriseId: number, units: readonly DemoUnit[], random: Random): Promise<Points> {
  const points: Points = new Map();
  for (const unit of units) {
    for (let n = 1; n <= unit.points; n++) {
      const type = pickWeighted(random, COMPONENT_MIX.filter(([t]) => (t !== 'compressor' || unit.prefix === 'DT') && (t !== 'agitator' || unit.prefix === 'SJ')));
      const { substance, medium } = pickOne(random, unit.substances);
      const row = await insertSealPoint(db, { enterprise_id: enterpriseId, factory_id: null, tag: `${unit.prefix}-${COMPONENT_CODE[type]}-${String(n).padStart(4, '0')}`, unit: unit.name, component_type: type, medium, substance, location: pickOne(random, unit.locations) });
      points.set(row.tag, row);
    }
  }
  return points;
}

/** Quarterly rounds from `from` (YYYY-Qn) whose last one ends `today` − 25; earlier ones run on days 10–13 of the quarter's middle month. */
function roundPlan(fromYear: number, today: string): { code: string; startedOn: string; completedOn: string }[] {
  const lastEnd = addCalendarDays(today, -25);
  const lastCode = `${lastEnd.slice(0, 4)}-Q${Math.floor((Number(lastEnd.slice(5, 7)) - 1) / 3) + 1}`;
  const plan: { code: string; startedOn: string; completedOn: string }[] = [];
  for (let year = fromYear; `${year}` <= lastEnd.slice(0, 4); year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      const code = `${year}-Q${quarter}`;
      if (code === lastCode) {
        plan.push({ code, startedOn: addCalendarDays(today, -28), completedOn: lastEnd });
        return plan;
      }
      const month = String(quarter * 3 - 1).padStart(2, '0');
      plan.push({ code, startedOn: `${year}-${month}-10`, completedOn: `${year}-${month}-13` });
    }
  }
  return plan;
}

async function seedRounds(db: Executor, enterprise: SeededEnterprise, points: Points, rounds: ReturnType<typeof roundPlan>, random: Random, today: string): Promise<{ leaks: number }> {
  const tags = [...points.keys()];
  let leaks = 0;
  for (const [index, round] of rounds.entries()) {
    const last = index === rounds.length - 1;
    const leakCount = last ? 2 : randomInt(random, 1, 2);
    const leaking = new Set(Array.from({ length: leakCount }, () => pickOne(random, tags)));
    const readings: ReadingInput[] = tags.map((tag) => {
      const point = points.get(tag)!;
      const measuredOn = addCalendarDays(round.startedOn, randomInt(random, 0, daysBetween(round.startedOn, round.completedOn)));
      const base = point.medium === 'heavy_liquid' ? 500 : 2000;
      const value = leaking.has(tag) ? round1(base * randomBetween(random, 1.2, 4)) : round1(random() ** 3 * 400);
      return { tag, measuredOn, valueUmolPerMol: value, backgroundUmolPerMol: round1(randomBetween(random, 1, 4)) };
    });
    const { outcome } = await writeInspectionReadings(db, { id: enterprise.id, province_code: enterprise.provinceCode }, { ...round, inspector: '江西示例环境检测有限公司（LDAR）', instrument: 'TVA-2020 FID', source: 'seed' }, readings, { today, pointsByTag: points });
    if (outcome === undefined) throw new Error(`demo round ${round.code} did not store`);
    for (const [n, leak] of outcome.leaks.entries()) {
      leaks++;
      const attempt = addCalendarDays(leak.detected_on, randomInt(random, 1, 3));
      // The last round's second leak is the overdue one: attempted on time, never repaired.
      if (last && n === outcome.leaks.length - 1) {
        await updateLeak(db, leak, { first_attempt_on: attempt, first_attempt_note: '紧固填料压盖，仍有泄漏，需停车更换阀门' });
        continue;
      }
      const repaired = addCalendarDays(leak.detected_on, randomInt(random, 4, 12));
      await updateLeak(db, leak, { first_attempt_on: attempt, first_attempt_note: '紧固压盖螺栓', repaired_on: repaired > today ? today : repaired, remeasured_umol_per_mol: round1(randomBetween(random, 15, 150)), status: 'repaired' });
      await setEhsEventStatus(db, enterprise.id, leak.ehs_event_id, 'closed');
    }
  }
  return { leaks };
}

async function demoEvidenceFile(db: Executor, enterpriseId: number, name: string): Promise<number> {
  // Demo records name their evidence but carry no bytes (downloads answer 404).
  const sha256 = createHash('sha256').update(`demo-evidence:${enterpriseId}:${name}`).digest('hex');
  const row = await db.insertInto('files').values({ enterprise_id: enterpriseId, sha256, original_name: name, media_type: 'application/pdf', size: 0, storage_key: `demo/${sha256}`, created_at: now() }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

async function seedHazards(db: Executor, enterpriseId: number, random: Random, from: string, until: string, count: number, openLast = false): Promise<number> {
  const span = Math.max(1, daysBetween(from, until));
  const dates = Array.from({ length: count }, () => addCalendarDays(from, Math.floor(random() * span))).sort();
  for (const [index, foundOn] of dates.entries()) {
    const text = HAZARDS[(index * 7 + randomInt(random, 0, 3)) % HAZARDS.length]!;
    const deadline = addCalendarDays(foundOn, randomInt(random, 7, 30));
    const open = openLast && index === dates.length - 1;
    const closedOn = open ? null : addCalendarDays(foundOn, randomInt(random, 2, daysBetween(foundOn, deadline)));
    const evidence = closedOn === null ? null : await demoEvidenceFile(db, enterpriseId, `隐患整改验收单-${foundOn}.pdf`);
    const hazard = await insertItem(db, 'ehs_hazards', { enterprise_id: enterpriseId, found_on: foundOn, found_by: pickOne(random, FOUND_BY), location: text.location, description: text.description, grade: 'general', criterion_id: null, owner: pickOne(random, OWNERS), deadline, funds_yuan: text.funds, measures: text.measures, status: open ? 'open' : 'closed', closed_on: closedOn, closure_note: closedOn === null ? null : '整改完成，复查合格', evidence_file_id: evidence, ehs_event_id: null });
    await linkEhsEvent(db, { table: 'ehs_hazards', id: hazard.id }, { enterpriseId, kind: 'hazard', category: 'safety', severity: 'general', occurredOn: foundOn, title: `一般隐患：${text.location}`, details: { deadline }, status: open ? 'open' : 'closed' });
  }
  return count;
}

const OUTLETS = [
  { outletCode: 'DA001', outletName: 'RTO焚烧炉排气筒', medium: 'air', pollutants: [['NMHC', '非甲烷总烃', 'mg/m³', 60, null, 8, 25], ['HCl', '氯化氢', 'mg/m³', 30, null, 1, 6], ['PM', '颗粒物', 'mg/m³', 20, null, 2, 8]] },
  { outletCode: 'DW001', outletName: '废水总排口（至园区污水处理厂）', medium: 'water', pollutants: [['COD', '化学需氧量', 'mg/L', 500, null, 120, 320], ['NH3-N', '氨氮', 'mg/L', 45, null, 5, 20], ['pH', 'pH值', '无量纲', 9, 6, 6.8, 8.2]] },
] as const;

async function seedMonitoring(db: Executor, enterpriseId: number, random: Random, today: string): Promise<number> {
  let count = 0;
  for (const outlet of OUTLETS) {
    for (const [code, name, unit, max, min, low, high] of outlet.pollutants) {
      const limit = await insertItem(db, 'ehs_permit_limits', { enterprise_id: enterpriseId, permit_number: '91360400MA35DEMO01P（示例）', outlet_code: outlet.outletCode, outlet_name: outlet.outletName, medium: outlet.medium, pollutant_code: code, pollutant_name: name, unit, limit_max: max, limit_min: min, standard: '示例：排污许可证载明限值', valid_from: '2023-01-01', valid_until: null });
      const rows: NewMonitoringResult[] = [];
      for (let day = '2024-01-01'; day < today; day = addCalendarDays(day, 1)) {
        rows.push({ enterprise_id: enterpriseId, permit_limit_id: limit.id, sampled_on: day, method: 'online', value: round1(randomBetween(random, low, high)), limit_max: max, limit_min: min, is_exceedance: 0, explanation: null, explained_on: null, source: 'seed', ehs_event_id: null });
      }
      // The one exceedance, long ago and explained.
      const exceedance = code === 'NMHC' ? rows.find((r) => r.sampled_on === '2024-04-17') : undefined;
      await insertMonitoringResults(db, rows.filter((r) => r !== exceedance));
      count += rows.length;
      if (exceedance !== undefined) {
        const row = await insertItem(db, 'ehs_monitoring_results', { ...exceedance, value: 71.3, is_exceedance: 1, explanation: 'RTO 切换阀卡涩导致约 40 分钟旁路，日均值超标；当日更换阀门并恢复，已向九江市生态环境局报告。', explained_on: '2024-04-18' });
        await linkEhsEvent(db, { table: 'ehs_monitoring_results', id: row.id }, { enterpriseId, kind: 'exceedance', category: 'environment', severity: null, occurredOn: row.sampled_on, title: `超标：DA001 非甲烷总烃 71.3 mg/m³（限值 60）`, details: { outletCode: 'DA001', pollutantCode: 'NMHC', value: 71.3, limitMax: 60, unit: 'mg/m³' }, status: 'closed' });
      }
    }
  }
  return count;
}

export async function seedDemoEhs(db: Executor, capabilities: Capabilities, input: { enterprises: readonly SeededEnterprise[]; today: string }): Promise<DemoEhsReport> {
  const { today } = input;
  const random = createRandom(2019_0917_8);
  const report: DemoEhsReport = { sealPoints: 0, rounds: 0, leaks: 0, hazards: 0, monitoringResults: 0, accidents: 0 };
  const [plant] = input.enterprises;
  if (plant === undefined) return report;

  const points = await seedPoints(db, plant.id, SILICONE_UNITS, random);
  const rounds = roundPlan(2025, today);
  report.sealPoints += points.size;
  report.rounds += rounds.length;
  report.leaks += (await seedRounds(db, plant, points, rounds, random, today)).leaks;
  report.hazards += await seedHazards(db, plant.id, random, '2025-01-06', addCalendarDays(today, -40), 14);
  report.monitoringResults += await seedMonitoring(db, plant.id, random, today);

  // Two smaller Jiangxi registers: a few points, one recent round, an overdue hazard at one.
  for (const [index, other] of input.enterprises.filter((e) => e.provinceCode === '360000' && e.id !== plant.id).slice(0, 2).entries()) {
    const small = await seedPoints(db, other.id, [{ prefix: 'ZZ', name: '主装置', points: 60, substances: [{ substance: '甲苯', medium: 'light_liquid' }, { substance: '导热油', medium: 'heavy_liquid' }], locations: ['装置区', '泵房'] }], random);
    report.sealPoints += small.size;
    report.rounds += 1;
    report.leaks += (await seedRounds(db, other, small, roundPlan(Number(addCalendarDays(today, -25).slice(0, 4)), today).slice(-1), random, today)).leaks;
    report.hazards += await seedHazards(db, other.id, random, addCalendarDays(today, -300), addCalendarDays(today, -45), 3 + index, index === 0);
  }

  // A Hubei enterprise with a 较大 accident: recorded, not negative-listing (the rule needs 重大).
  const hubei = input.enterprises.find((e) => e.provinceCode === '420000');
  if (hubei !== undefined) {
    const occurredOn = addCalendarDays(today, -210);
    const listing = negativeListingOf({ category: 'safety', grade: 'larger', occurredOn });
    const accident = await insertItem(db, 'ehs_accidents', { enterprise_id: hubei.id, occurred_on: occurredOn, category: 'safety', grade: 'larger', title: '检修作业中反应釜闪爆', description: '检修前置换不彻底，动火时釜内残留可燃气体闪爆（示例数据）。', deaths: 1, serious_injuries: 11, evacuated: null, direct_loss_ten_thousand_yuan: 620, reported_to: '武汉市应急管理局', negative_list_until: listing.until, ehs_event_id: null });
    await linkEhsEvent(db, { table: 'ehs_accidents', id: accident.id }, { enterpriseId: hubei.id, kind: 'accident', category: 'safety', severity: 'larger', occurredOn, title: `较大生产安全事故（${occurredOn}）：检修作业中反应釜闪爆`, details: { negativeListKind: listing.negativeListKind, deaths: 1, seriousInjuries: 11 }, status: 'closed', negativeListUntil: listing.until });
    report.accidents++;
    report.hazards += await seedHazards(db, hubei.id, random, addCalendarDays(today, -200), addCalendarDays(today, -30), 3, true);
  }

  for (const enterpriseId of new Set((await db.selectFrom('ehs_events').select('enterprise_id').distinct().execute()).map((r) => r.enterprise_id))) {
    await appendAuditEvent(db, capabilities, { actorUserId: null, actorLabel: 'seed', action: 'ehs.demo-seeded', subjectType: 'ehs_register', subjectId: enterpriseId, enterpriseId, data: { today } });
  }
  return report;
}
