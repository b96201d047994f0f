/**
 * Everything the workspace's application page shows, for one reader: the application with
 * the actions this reader may take now, the enterprise and factory, the batch, the
 * declared factory-year and its KPIs, the pinned score, the evidence by indicator, the
 * evaluations (declared and verified side by side), the panel's consensus (to the
 * authority that formed the panel) and the history in plain words.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { computeKpis, parseAnnualData, type Framework, type KpiResult } from '../../engine/index.ts';
import { can } from '../../policies/index.ts';
import type { HistoryLanguage, HistoryLine } from '../../store/queries/application-history.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { describeEvaluations, type EvaluationsView } from '../evaluations/evaluation-differences.ts';
import { applicationConsensus, type PanelConsensus } from '../experts/panel-consensus.ts';
import { detailsOf, type EvidenceRef, type SelfEvaluation } from './application-records.ts';
import { evidenceFramework, evidenceTargets } from './attach-evidence.ts';
import { readApplication, readApplicationHistory, type ApplicationView } from './read-application.ts';

/** The pinned score as stored at submission (a ScoreResult in JSON). */
export interface StoredScore {
  eligible: boolean;
  total: number | null;
  grade?: string;
  frameworkId: string;
  frameworkVersion: string;
  vetoes: { id: string; reason: string }[];
  unconfirmed: { id: string; reason: string }[];
  dimensions: { id: string; name: string; nameEn: string; score: number; max: number }[];
  indicators: { id: string; name: string; nameEn: string; dimension: string; unit: string | null; value: number | string | boolean | null; score: number; max: number; explanation: string; tag: string }[];
}

export interface ApplicationDossier extends ApplicationView {
  enterprise: Row<'enterprises'>;
  factory: Row<'factories'> | null;
  batch: Row<'batches'> | null;
  authority: { nameZh: string; nameEn: string };
  declared: { document: unknown; kpis: KpiResult | null; problem: string | null } | null;
  score: StoredScore | null;
  selfEvaluation: SelfEvaluation | null;
  framework: Framework;
  evidence: Record<string, EvidenceRef[]>;
  evidenceTargets: { id: string; nameZh: string; nameEn: string }[];
  evaluations: EvaluationsView;
  consensus: PanelConsensus | null;
  history: HistoryLine[];
  /** True while the enterprise may still edit answers and evidence. */
  editable: boolean;
}

function declaredOf(document: unknown): ApplicationDossier['declared'] {
  try {
    return { document, kpis: computeKpis(parseAnnualData(document)), problem: null };
  } catch (error) {
    return { document, kpis: null, problem: (error as Error).message };
  }
}

export async function readApplicationDossier(store: Store, actor: Actor, applicationId: number, lang: HistoryLanguage): Promise<ApplicationDossier> {
  const view = await readApplication(store, actor, applicationId);
  const { application } = view;
  const db = store.db;
  const [enterprise, factory, batch, authority, stored, history, evaluations, consensus] = await Promise.all([
    db.selectFrom('enterprises').selectAll().where('id', '=', application.enterprise_id).executeTakeFirstOrThrow(),
    application.factory_id === null ? undefined : db.selectFrom('factories').selectAll().where('id', '=', application.factory_id).executeTakeFirst(),
    application.batch_id === null ? undefined : db.selectFrom('batches').selectAll().where('id', '=', application.batch_id).executeTakeFirst(),
    db.selectFrom('authorities').select(['name_zh', 'name_en']).where('id', '=', application.authority_id).executeTakeFirstOrThrow(),
    application.factory_id === null
      ? undefined
      : db.selectFrom('annual_data').select('document').where('enterprise_id', '=', application.enterprise_id).where('factory_id', '=', application.factory_id).where('year', '=', application.data_year).where('kind', '=', 'declared').executeTakeFirst(),
    readApplicationHistory(store, actor, applicationId, lang),
    describeEvaluations(store, actor, applicationId),
    applicationConsensus(db, application),
  ]);
  // The consensus is for the authority that formed the panel; experts score independently.
  let visibleConsensus: PanelConsensus | null = null;
  if (consensus !== null) {
    const panel = await db.selectFrom('expert_panels').select('authority_id').where('id', '=', consensus.panelId).executeTakeFirstOrThrow();
    if (can(actor, 'manage', { type: 'panel', authorityId: panel.authority_id })) visibleConsensus = consensus;
  }
  const framework = await evidenceFramework(db, application);
  const details = detailsOf(application);
  return {
    ...view,
    enterprise,
    factory: factory ?? null,
    batch: batch ?? null,
    authority: { nameZh: authority.name_zh, nameEn: authority.name_en },
    declared: stored === undefined ? null : declaredOf(JSON.parse(stored.document)),
    score: application.score_document === null ? null : (JSON.parse(application.score_document) as StoredScore),
    selfEvaluation: details.selfEvaluation,
    framework,
    evidence: details.evidence,
    evidenceTargets: evidenceTargets(framework),
    evaluations,
    consensus: visibleConsensus,
    history,
    editable: ['draft', 'returned'].includes(application.state) && can(actor, 'update', { type: 'application', enterpriseId: application.enterprise_id, state: application.state }),
  };
}
