/**
 * Loading an application for a command: the row (locked in the transaction), the policy
 * subject built from it (region, enterprise, engaged evaluators, panel experts), and the
 * settings of the authorities it deals with.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { isApplicationState, type ApplicationState } from '../../domain/applications/application-states.ts';
import { parseAuthoritySettings, type AuthoritySettings } from '../../domain/applications/authority-settings.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { authorize, type Subject } from '../../policies/index.ts';
import type { Row } from '../../store/schema.ts';
import type { Executor, Store } from '../../store/store.ts';

export type ApplicationRow = Row<'applications'>;

/** The row, locked for update where the database locks rows; NOT_FOUND when absent. */
export async function getApplicationForUpdate(trx: Executor, store: Store, applicationId: number): Promise<ApplicationRow> {
  const row = await store.capabilities.forUpdate(trx.selectFrom('applications').selectAll().where('id', '=', applicationId)).executeTakeFirst();
  if (row === undefined) throw notFound(`application ${applicationId}`);
  return row;
}

export function stateOf(application: Pick<ApplicationRow, 'id' | 'state'>): ApplicationState {
  if (!isApplicationState(application.state)) throw new AppError('INTERNAL', `application ${application.id} has an unknown state ${application.state}`);
  return application.state;
}

/** The application's third-party engagements that are not over (requested, accepted or signed). */
export function liveEngagements(db: Executor, application: Pick<ApplicationRow, 'id' | 'enterprise_id'>) {
  return db
    .selectFrom('evaluations')
    .where('enterprise_id', '=', application.enterprise_id)
    .where('application_id', '=', application.id)
    .where('kind', '=', 'third_party')
    .where('state', 'in', ['requested', 'accepted', 'signed']);
}

/** The policy subject of an application: who engaged it, which experts hold it. */
export async function applicationSubject(db: Executor, application: ApplicationRow): Promise<Subject> {
  const evaluators = await liveEngagements(db, application).select('evaluator_org_id').execute();
  const experts = await db
    .selectFrom('panel_applications as pa')
    .innerJoin('panel_members as pm', 'pm.panel_id', 'pa.panel_id')
    .select('pm.user_id')
    .where('pa.enterprise_id', '=', application.enterprise_id)
    .where('pa.application_id', '=', application.id)
    .execute();
  return {
    type: 'application',
    id: application.id,
    state: application.state,
    enterpriseId: application.enterprise_id,
    provinceCode: application.province_code,
    cityCode: application.city_code,
    authorityId: application.authority_id,
    evaluatorOrgIds: evaluators.map((e) => e.evaluator_org_id).filter((id): id is number => id !== null),
    panelExpertUserIds: experts.map((e) => e.user_id),
  };
}

/** Loads, authorizes reading, and returns the row with its subject. */
export async function loadApplicationFor(trx: Executor, store: Store, actor: Actor, applicationId: number): Promise<{ application: ApplicationRow; subject: Subject }> {
  const application = await getApplicationForUpdate(trx, store, applicationId);
  const subject = await applicationSubject(trx, application);
  authorize(actor, 'read', subject);
  return { application, subject };
}

export async function authoritySettingsOf(db: Executor, authorityId: number): Promise<AuthoritySettings> {
  const row = await db.selectFrom('authorities').select('settings').where('id', '=', authorityId).executeTakeFirst();
  if (row === undefined) throw notFound(`authority ${authorityId}`);
  return parseAuthoritySettings(row.settings);
}

/** The authority that runs the list of a tier for a region: the ministry, or the province's or city's own. */
export async function findAuthorityFor(db: Executor, tier: 'national' | 'province' | 'city', regionCode: string) {
  const query = db.selectFrom('authorities').selectAll().where('level', '=', tier);
  const code = tier === 'national' ? undefined : tier === 'province' ? `${regionCode.slice(0, 2)}0000` : `${regionCode.slice(0, 4)}00`;
  return (code === undefined ? query : query.where('region_code', '=', code)).orderBy('id').executeTakeFirst();
}

export interface ApplicationDetails {
  programme: Record<string, unknown>;
  selfEvaluation: SelfEvaluation | null;
  /** Evidence files by indicator id (attach-evidence.ts). */
  evidence: Record<string, EvidenceRef[]>;
}

/** An evidence file attached to an indicator of the application. */
export interface EvidenceRef {
  fileId: number;
  name: string;
  mediaType: string;
  size: number;
  attachedAt: string;
}

/** What the enterprise attaches as its self-evaluation. */
export interface SelfEvaluation {
  /** Answers by indicator id (GB/T 36132 frameworks). */
  qualitative?: Record<string, string | number | boolean>;
  /** 基本要求 answers by id. */
  basicRequirements?: Record<string, boolean>;
  /** A summary in words (every programme; required where no framework scores the application). */
  summary?: string;
  /** The signed, stamped report file, when uploaded. */
  reportFileId?: number | null;
}

export function detailsOf(application: Pick<ApplicationRow, 'details'>): ApplicationDetails {
  const parsed = JSON.parse(application.details || '{}') as Partial<ApplicationDetails>;
  return { programme: parsed.programme ?? {}, selfEvaluation: parsed.selfEvaluation ?? null, evidence: parsed.evidence ?? {} };
}
