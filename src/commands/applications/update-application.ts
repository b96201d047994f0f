/**
 * The enterprise edits its application while it is a draft or returned for revision:
 * programme fields, the self-evaluation answers, factory, batch and data year.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { checkProgrammeDetails } from '../../domain/applications/programme-details.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { now, type Store } from '../../store/store.ts';
import { detailsOf, loadApplicationFor, type ApplicationRow, type SelfEvaluation } from './application-records.ts';
import { checkBatchForApplication, checkFactoryOf } from './application-inputs.ts';

export interface UpdateApplicationInput {
  applicationId: number;
  details?: unknown;
  selfEvaluation?: unknown;
  factoryId?: number | null;
  batchId?: number | null;
  dataYear?: number;
}

const EDITABLE_STATES = ['draft', 'returned'];

function answersOf(value: unknown, path: string, accept: (answer: unknown) => boolean, what: string): Record<string, never> | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid(path, 'must be an object of answers by id');
  for (const [id, answer] of Object.entries(value)) if (!accept(answer)) throw invalid(`${path}.${id}`, `must be ${what}`);
  return value as Record<string, never>;
}

/** Checks the shape of a self-evaluation; the framework checks the ids when it scores it. */
export function checkSelfEvaluation(value: unknown): SelfEvaluation {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid('selfEvaluation', 'must be an object { qualitative?, basicRequirements?, summary?, reportFileId? }');
  const input = value as Record<string, unknown>;
  for (const key of Object.keys(input)) if (!['qualitative', 'basicRequirements', 'summary', 'reportFileId'].includes(key)) throw invalid(`selfEvaluation.${key}`, 'is not an accepted field');
  const result: SelfEvaluation = {};
  const qualitative = answersOf(input.qualitative, 'selfEvaluation.qualitative', (a) => ['string', 'number', 'boolean'].includes(typeof a), 'an option id, a number or true/false');
  if (qualitative !== undefined) result.qualitative = qualitative;
  const basic = answersOf(input.basicRequirements, 'selfEvaluation.basicRequirements', (a) => typeof a === 'boolean', 'true or false');
  if (basic !== undefined) result.basicRequirements = basic;
  if (input.summary !== undefined) {
    if (typeof input.summary !== 'string' || input.summary.length > 5000) throw invalid('selfEvaluation.summary', 'must be a text of at most 5000 characters');
    result.summary = input.summary.trim();
  }
  if (input.reportFileId !== undefined && input.reportFileId !== null) {
    if (typeof input.reportFileId !== 'number' || !Number.isInteger(input.reportFileId)) throw invalid('selfEvaluation.reportFileId', 'must be a file id');
    result.reportFileId = input.reportFileId;
  }
  return result;
}

export async function updateApplication(store: Store, actor: Actor, input: UpdateApplicationInput): Promise<ApplicationRow> {
  const selfEvaluation = input.selfEvaluation === undefined ? undefined : checkSelfEvaluation(input.selfEvaluation);
  if (input.dataYear !== undefined && (!Number.isInteger(input.dataYear) || input.dataYear < 2015 || input.dataYear > 2100)) throw invalid('dataYear', 'must be a year from 2015 to 2100');
  return store.transaction(async (trx) => {
    const { application, subject } = await loadApplicationFor(trx, store, actor, input.applicationId);
    authorize(actor, 'update', subject);
    if (!EDITABLE_STATES.includes(application.state)) {
      throw new AppError('INVALID_TRANSITION', `Only a draft or a returned application can be edited (it is ${application.state}) / 仅草稿或退回修改的申请可以编辑`);
    }
    const programme = await trx.selectFrom('programmes').select('code').where('id', '=', application.programme_id).executeTakeFirstOrThrow();
    const enterprise = await trx.selectFrom('enterprises').select('credit_code').where('id', '=', application.enterprise_id).executeTakeFirstOrThrow();
    if (selfEvaluation?.reportFileId != null) {
      const file = await trx.selectFrom('files').select('id').where('id', '=', selfEvaluation.reportFileId).where('enterprise_id', '=', application.enterprise_id).executeTakeFirst();
      if (file === undefined) throw invalid('selfEvaluation.reportFileId', 'not a file of this enterprise / 非本企业上传的文件');
    }
    const current = detailsOf(application);
    const details = {
      ...current,
      programme: input.details === undefined ? current.programme : checkProgrammeDetails(programme.code, input.details, { leadCreditCode: enterprise.credit_code, complete: false }),
      selfEvaluation: selfEvaluation ?? current.selfEvaluation,
    };
    const factoryId = input.factoryId === undefined ? application.factory_id : await checkFactoryOf(trx, application.enterprise_id, programme.code, input.factoryId);
    const batchId = input.batchId === undefined ? application.batch_id : input.batchId === null ? null : (await checkBatchForApplication(trx, input.batchId, { programmeId: application.programme_id, tier: application.target_tier, authorityId: application.authority_id })).id;
    const updated = await trx
      .updateTable('applications')
      .set({ details: JSON.stringify(details), factory_id: factoryId, batch_id: batchId, data_year: input.dataYear ?? application.data_year, version: application.version + 1, updated_at: now() })
      .where('id', '=', application.id)
      .where('version', '=', application.version)
      .returningAll()
      .executeTakeFirst();
    if (updated === undefined) throw new AppError('CONFLICT', 'the application changed meanwhile; reload and try again / 申请已被修改，请刷新');
    const changed = Object.entries({ details: input.details, selfEvaluation: input.selfEvaluation, factoryId: input.factoryId, batchId: input.batchId, dataYear: input.dataYear }).filter(([, v]) => v !== undefined).map(([k]) => k);
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'application.updated', subjectType: 'application', subjectId: application.id, enterpriseId: application.enterprise_id, data: { changed } });
    return updated;
  });
}
