/**
 * An enterprise starts an application (a draft): which list type, which tier, which batch,
 * which factory and data year. The application belongs to the authority that runs the
 * target list (the ministry, or the enterprise's province).
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { TARGET_TIERS, type Tier } from '../../domain/applications/application-states.ts';
import { checkProgrammeDetails } from '../../domain/applications/programme-details.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { now, type Store } from '../../store/store.ts';
import { findAuthorityFor, type ApplicationRow } from './application-records.ts';
import { checkBatchForApplication, checkFactoryOf } from './application-inputs.ts';

export interface CreateApplicationInput {
  enterpriseId: number;
  programmeCode: string;
  targetTier: Tier;
  dataYear: number;
  factoryId?: number | null;
  batchId?: number | null;
  details?: unknown;
}

export async function createApplication(store: Store, actor: Actor, input: CreateApplicationInput): Promise<ApplicationRow> {
  if (!TARGET_TIERS.includes(input.targetTier)) throw invalid('targetTier', `must be one of ${TARGET_TIERS.join(', ')}`);
  if (!Number.isInteger(input.dataYear) || input.dataYear < 2015 || input.dataYear > 2100) throw invalid('dataYear', 'must be a year from 2015 to 2100');
  return store.transaction(async (trx) => {
    const enterprise = await trx.selectFrom('enterprises').selectAll().where('id', '=', input.enterpriseId).executeTakeFirst();
    if (enterprise === undefined) throw notFound(`enterprise ${input.enterpriseId}`);
    authorize(actor, 'create', { type: 'application', enterpriseId: enterprise.id, provinceCode: enterprise.province_code, cityCode: enterprise.city_code });
    const programme = await trx.selectFrom('programmes').selectAll().where('code', '=', input.programmeCode).executeTakeFirst();
    if (programme === undefined) throw invalid('programmeCode', `unknown programme "${input.programmeCode}"`);
    const details = checkProgrammeDetails(programme.code, input.details, { leadCreditCode: enterprise.credit_code, complete: false });
    const factoryId = await checkFactoryOf(trx, enterprise.id, programme.code, input.factoryId ?? null);
    const authority = await findAuthorityFor(trx, input.targetTier, enterprise.region_code);
    if (authority === undefined) throw new AppError('RULE_VIOLATION', `No ${input.targetTier} authority runs this programme for region ${enterprise.province_code} / 无对应主管部门`);
    const batchId = input.batchId == null ? null : (await checkBatchForApplication(trx, input.batchId, { programmeId: programme.id, tier: input.targetTier, authorityId: authority.id })).id;
    const at = now();
    const application = await trx
      .insertInto('applications')
      .values({
        enterprise_id: enterprise.id,
        factory_id: factoryId,
        programme_id: programme.id,
        batch_id: batchId,
        authority_id: authority.id,
        province_code: enterprise.province_code,
        city_code: enterprise.city_code,
        target_tier: input.targetTier,
        state: 'draft',
        data_year: input.dataYear,
        framework_id: null,
        score_total: null,
        score_document: null,
        details: JSON.stringify({ programme: details, selfEvaluation: null }),
        version: 1,
        submitted_at: null,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('application_events')
      .values({ application_id: application.id, enterprise_id: enterprise.id, action: 'create', from_state: '', to_state: 'draft', actor_user_id: actorUserId(actor), actor_role: actor.kind === 'user' ? 'enterprise' : 'system', reason: null, at })
      .execute();
    await appendAuditEvent(trx, store.capabilities, {
      actorUserId: actorUserId(actor),
      actorLabel: actorLabel(actor),
      action: 'application.created',
      subjectType: 'application',
      subjectId: application.id,
      enterpriseId: enterprise.id,
      data: { programme: programme.code, targetTier: input.targetTier, batchId, dataYear: input.dataYear, factoryId },
    });
    return application;
  });
}
