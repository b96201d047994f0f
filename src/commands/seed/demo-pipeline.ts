/**
 * The demo's pipeline (issue 4): open batches for the next lists (pinning GB/T 36132-2025),
 * the silicone plant's application in draft with its 2025 data and a complete
 * self-evaluation, a few applications waiting in every reviewer's queue (city, province,
 * Hubei, evaluator, ministry, expert panel) with their history, three experts with their
 * regions, the closing job of the open notice, and the 2025 dynamic reports
 * (demo-dynamic-reports.ts). Which enterprise sits where is invented; deterministic.
 */
import { findUserByEmail, insertMembership, insertUser } from '../../store/repositories/users.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { enqueueJob } from '../../store/repositories/jobs.ts';
import type { Capabilities } from '../../store/kysely/capabilities.ts';
import { now, type Executor } from '../../store/store.ts';
import { batchName } from '../../domain/applications/batch-naming.ts';
import type { ApplicationState } from '../../domain/applications/application-states.ts';
import { deadlineFor } from '../../domain/calendar/calendar.ts';
import { noticeDates } from '../../domain/notices/notice-schedule.ts';
import { DEFAULT_FRAMEWORK_ID, parseAnnualData, score, type Framework } from '../../engine/index.ts';
import { pinFramework } from '../batches/pin-framework.ts';
import { NOTICE_CLOSE_JOB } from '../notices/open-notice.ts';
import type { SeededEnterprise } from './demo-lists.ts';
import type { DemoAuthorities } from './demo-organisation.ts';
import { seedDemoDynamicReports } from './demo-dynamic-reports.ts';

/** A complete self-evaluation for GB/T 36132-2025: every 基本要求 met, plausible answers for the reported indicators. */
export function demoSelfEvaluation(framework: Framework) {
  return {
    basicRequirements: Object.fromEntries(framework.basicRequirements.map((requirement) => [requirement.id, true])),
    qualitative: { 'resources.material-saving-cases': 'provided', 'green-products.green-design-cases': 'provided', 'energy.energy-carbon-platform': 6, 'clean-production.advanced-equipment': 3, 'clean-production.retrofit-projects': 2, 'clean-production.retrofit-investment': 5 },
    summary: '示例自评价：基本要求均满足，按GB/T 36132-2025逐项自评。',
  };
}

/** The steps each demo application has taken, from the transition table's path. */
const PATHS: Record<string, readonly [string, ApplicationState][]> = {
  city_review: [['submit', 'submitted'], ['send-to-city', 'city_review']],
  third_party_evaluation: [['submit', 'submitted'], ['engage-evaluator', 'third_party_evaluation']],
  province_review: [['submit', 'submitted'], ['send-to-city', 'city_review'], ['forward', 'province_review']],
  recommended: [['submit', 'submitted'], ['send-to-city', 'city_review'], ['forward', 'province_review'], ['recommend', 'recommended']],
  national_expert_review: [['submit', 'submitted'], ['send-to-city', 'city_review'], ['forward', 'province_review'], ['recommend', 'recommended'], ['assign-panel', 'national_expert_review']],
};
const ROLE_OF: Record<string, string> = { submit: 'enterprise', 'send-to-city': 'enterprise', 'engage-evaluator': 'enterprise', forward: 'city', recommend: 'province', 'assign-panel': 'national' };

export interface DemoPipelineInput {
  authorities: DemoAuthorities;
  programmes: Map<string, number>;
  evaluatorOrgId: number;
  enterprises: readonly SeededEnterprise[];
  today: string;
}

export interface DemoPipelineReport {
  applications: number;
  dynamicReports: number;
}

async function addExpert(db: Executor, email: string, displayName: string, regionCode: string, organisation: string, nationalId: number, passwordHash: string): Promise<number> {
  const existing = await findUserByEmail(db, email);
  const userId = existing?.id ?? (await insertUser(db, { email, passwordHash, displayName })).id;
  if (existing === undefined) await insertMembership(db, { userId, role: 'expert', authorityId: nationalId });
  await db.insertInto('expert_profiles').values({ user_id: userId, region_code: regionCode, organisation, created_at: now() }).execute();
  return userId;
}

export async function seedDemoPipeline(db: Executor, capabilities: Capabilities, input: DemoPipelineInput): Promise<DemoPipelineReport> {
  const { authorities, today } = input;
  const programmeId = input.programmes.get('green_factory')!;
  const { framework, versionId } = await pinFramework(db, DEFAULT_FRAMEWORK_ID);
  // The next lists: after 07-31 the current year's recommendations are closed.
  const year = Number(today.slice(0, 4)) + (today.slice(5) > '07-31' ? 1 : 0);
  const batchIds: Record<'national' | 'jiangxi' | 'hubei', number> = { national: 0, jiangxi: 0, hubei: 0 };
  for (const [key, tier, regionCode, monthDay] of [['national', 'national', '000000', '07-31'], ['jiangxi', 'province', '360000', '06-30'], ['hubei', 'province', '420000', '06-30']] as const) {
    const name = batchName({ programme: 'green_factory', tier, regionCode, ordinal: null, year });
    const row = await db
      .insertInto('batches')
      .values({ programme_id: programmeId, authority_id: authorities[key], tier, slug: name.slug, name_zh: name.nameZh, name_en: name.nameEn, ordinal: null, year, notice_number: null, framework_id: versionId, status: 'open', recommend_deadline: deadlineFor(year, monthDay), published_on: null, timeline: JSON.stringify({ source: 'demo: open for applications' }), created_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    batchIds[key] = row.id;
  }

  const expertTemplate = (await findUserByEmail(db, 'expert@demo'))!;
  const experts = [
    await addExpert(db, 'expert@demo', expertTemplate.display_name, '110000', '示例节能研究院', authorities.national, expertTemplate.password_hash),
    await addExpert(db, 'expert2@demo', '评审专家二（示例）', '310000', '示例环境科学研究院', authorities.national, expertTemplate.password_hash),
    await addExpert(db, 'expert3@demo', '评审专家三（示例）', '440000', '示例工业大学', authorities.national, expertTemplate.password_hash),
  ];

  const [plant, ...others] = input.enterprises;
  const jiujiang = others.filter((e) => e.cityCode === '360400').slice(0, 6);
  const jiangxi = others.filter((e) => e.provinceCode === '360000' && e.cityCode !== '360400').slice(0, 2);
  const hubei = others.filter((e) => e.provinceCode === '420000').slice(0, 1);
  const plan: [SeededEnterprise, ApplicationState | 'draft', 'national' | 'province'][] = [
    [plant!, 'draft', 'national'],
    [jiujiang[0]!, 'city_review', 'national'],
    [jiujiang[1]!, 'city_review', 'province'],
    [jiujiang[2]!, 'third_party_evaluation', 'national'],
    [jiujiang[3]!, 'province_review', 'province'],
    [jiangxi[0]!, 'province_review', 'national'],
    [jiujiang[4]!, 'recommended', 'national'],
    [jiangxi[1]!, 'national_expert_review', 'national'],
    [hubei[0]!, 'province_review', 'province'],
  ];
  const selfEvaluation = demoSelfEvaluation(framework);
  let panelId: number | null = null;
  for (const [index, [enterprise, state, tier]] of plan.entries()) {
    const authorityId = tier === 'national' ? authorities.national : enterprise.provinceCode === '420000' ? authorities.hubei : authorities.jiangxi;
    const batchId = tier === 'national' ? batchIds.national : enterprise.provinceCode === '420000' ? batchIds.hubei : batchIds.jiangxi;
    const annual = await db.selectFrom('annual_data').select('document').where('enterprise_id', '=', enterprise.id).where('factory_id', '=', enterprise.factoryId).where('year', '=', 2025).executeTakeFirstOrThrow();
    const scored = state === 'draft' ? null : score({ framework, data: parseAnnualData(JSON.parse(annual.document)), qualitative: selfEvaluation.qualitative, basicRequirements: selfEvaluation.basicRequirements, negativeListEvents: [], asOf: today });
    // Each step a few days apart, ending a week before the seeding day.
    const steps = state === 'draft' ? [] : PATHS[state]!;
    const stepAt = (i: number) => new Date(Date.parse(`${today}T02:00:00Z`) - (steps.length - i + 1) * 5 * 86_400_000 - index * 3_600_000).toISOString();
    const createdAt = stepAt(0);
    const application = await db
      .insertInto('applications')
      .values({ enterprise_id: enterprise.id, factory_id: enterprise.factoryId, programme_id: programmeId, batch_id: batchId, authority_id: authorityId, province_code: enterprise.provinceCode, city_code: enterprise.cityCode, target_tier: tier, state, data_year: 2025, framework_id: scored === null ? null : versionId, score_total: scored?.total ?? null, score_document: scored === null ? null : JSON.stringify(scored), details: JSON.stringify({ programme: {}, selfEvaluation }), version: steps.length + 1, submitted_at: steps.length > 0 ? stepAt(1) : null, created_at: createdAt, updated_at: steps.length > 0 ? stepAt(steps.length) : createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    const history: [string, string, string, string][] = [['create', '', 'draft', createdAt], ...steps.map(([action, to], i) => [action, i === 0 ? 'draft' : steps[i - 1]![1], to, stepAt(i + 1)] as [string, string, string, string])];
    for (const [action, from, to, at] of history) {
      await db.insertInto('application_events').values({ application_id: application.id, enterprise_id: enterprise.id, action, from_state: from, to_state: to, actor_user_id: null, actor_role: ROLE_OF[action] ?? 'enterprise', reason: null, at }).execute();
      await appendAuditEvent(db, capabilities, { actorUserId: null, actorLabel: 'seed', action: action === 'create' ? 'application.created' : `application.${action}`, subjectType: 'application', subjectId: application.id, enterpriseId: enterprise.id, data: { from, to, demo: true } });
    }
    if (state === 'third_party_evaluation') {
      await db.insertInto('evaluations').values({ application_id: application.id, enterprise_id: enterprise.id, kind: 'third_party', evaluator_org_id: input.evaluatorOrgId, state: 'requested', national: 1, year, conflict_declaration: null, verified_document: null, result_document: null, signed_by: null, signed_at: null, accepted_at: null, created_at: now() }).execute();
    }
    if (state === 'national_expert_review') {
      panelId ??= (await db.insertInto('expert_panels').values({ authority_id: authorities.national, batch_id: batchIds.national, name: `${year}年度绿色工厂国家级评审第一组（示例）`, consensus_rule: JSON.stringify({ method: 'median', passScore: 60, dissentPoints: 15 }), created_at: now() }).returning('id').executeTakeFirstOrThrow()).id;
      await db.insertInto('panel_applications').values({ panel_id: panelId, application_id: application.id, enterprise_id: enterprise.id }).execute();
      for (const userId of experts) await db.insertInto('expert_reviews').values({ panel_id: panelId, application_id: application.id, enterprise_id: enterprise.id, expert_user_id: userId, conflict_declared: 0, score: null, comment: null, submitted_at: null, created_at: now() }).execute();
    }
  }
  if (panelId !== null) for (const userId of experts) await db.insertInto('panel_members').values({ panel_id: panelId, user_id: userId }).execute();

  // The open notice seeded with the lists closes by the job table like any other.
  for (const notice of await db.selectFrom('notices').select(['id', 'opens_on', 'days', 'day_kind']).where('status', '=', 'open').execute()) {
    const dates = noticeDates(notice.opens_on, { days: notice.days, kind: notice.day_kind === 'working' ? 'working' : 'calendar' });
    await enqueueJob(db, { kind: NOTICE_CLOSE_JOB, payload: { noticeId: notice.id }, runAt: dates.closeJobAt, uniqueKey: `${NOTICE_CLOSE_JOB}:${notice.id}` });
  }
  const dynamicReports = await seedDemoDynamicReports(db, capabilities, { nationalAuthorityId: authorities.national, today });
  return { applications: plan.length, dynamicReports };
}
