/**
 * What the third-party evaluation report shows (output/pdf/evaluation-report-pdf.ts): the
 * enterprise, factory and application, the evaluator and its conflict declaration, the
 * declared and verified values with every difference, the verified KPIs with their
 * arithmetic, the verified score per indicator, and the sign-off. Readable by the
 * evaluator's organisation, the enterprise and the reviewers of its region.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { annualDataDifferences, type ValueDifference } from '../../domain/applications/annual-data-differences.ts';
import { notFound } from '../../domain/errors.ts';
import { computeKpis, parseAnnualData, type KpiResult } from '../../engine/index.ts';
import { authorize } from '../../policies/index.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import type { StoredScore } from '../applications/read-application-dossier.ts';
import { evaluationSubject } from './evaluation-records.ts';

export interface EvaluationReport {
  evaluation: Row<'evaluations'>;
  application: Row<'applications'>;
  enterprise: Row<'enterprises'>;
  factory: Row<'factories'> | null;
  organisation: Row<'evaluator_orgs'>;
  batch: { nameZh: string; nameEn: string; frameworkId: string | null } | null;
  declaration: { hasConflict: boolean; statement: string; declaredAt?: string } | null;
  declared: unknown | null;
  verified: unknown | null;
  differences: ValueDifference[];
  kpis: KpiResult | null;
  score: StoredScore | null;
  signer: { displayName: string; signedAt: string } | null;
}

export async function readEvaluationReport(store: Store, actor: Actor, evaluationId: number): Promise<EvaluationReport> {
  const db = store.db;
  const evaluation = await db.selectFrom('evaluations').selectAll().where('id', '=', evaluationId).executeTakeFirst();
  if (evaluation === undefined || evaluation.kind !== 'third_party' || evaluation.evaluator_org_id === null) throw notFound(`engagement ${evaluationId}`);
  const application = await db.selectFrom('applications').selectAll().where('id', '=', evaluation.application_id).executeTakeFirstOrThrow();
  authorize(actor, 'read', evaluationSubject(evaluation, application));
  const [enterprise, factory, organisation, batch, declaredRow, signer] = await Promise.all([
    db.selectFrom('enterprises').selectAll().where('id', '=', application.enterprise_id).executeTakeFirstOrThrow(),
    application.factory_id === null ? undefined : db.selectFrom('factories').selectAll().where('id', '=', application.factory_id).executeTakeFirst(),
    db.selectFrom('evaluator_orgs').selectAll().where('id', '=', evaluation.evaluator_org_id).executeTakeFirstOrThrow(),
    application.batch_id === null ? undefined : db.selectFrom('batches').select(['name_zh', 'name_en', 'framework_id']).where('id', '=', application.batch_id).executeTakeFirst(),
    application.factory_id === null ? undefined : db.selectFrom('annual_data').select('document').where('enterprise_id', '=', application.enterprise_id).where('factory_id', '=', application.factory_id).where('year', '=', application.data_year).where('kind', '=', 'declared').executeTakeFirst(),
    evaluation.signed_by === null ? undefined : db.selectFrom('users').select('display_name').where('id', '=', evaluation.signed_by).executeTakeFirst(),
  ]);
  const declared: unknown = declaredRow === undefined ? null : JSON.parse(declaredRow.document);
  const verified: unknown = evaluation.verified_document === null ? null : (JSON.parse(evaluation.verified_document) as { data: unknown }).data;
  let kpis: KpiResult | null = null;
  try {
    kpis = verified === null ? null : computeKpis(parseAnnualData(verified));
  } catch {
    kpis = null;
  }
  return {
    evaluation,
    application,
    enterprise,
    factory: factory ?? null,
    organisation,
    batch: batch === undefined ? null : { nameZh: batch.name_zh, nameEn: batch.name_en, frameworkId: batch.framework_id },
    declaration: evaluation.conflict_declaration === null ? null : JSON.parse(evaluation.conflict_declaration),
    declared,
    verified,
    differences: declared === null || verified === null ? [] : annualDataDifferences(declared, verified),
    kpis,
    score: evaluation.result_document === null ? null : (JSON.parse(evaluation.result_document) as StoredScore),
    signer: signer === undefined || evaluation.signed_at === null ? null : { displayName: signer.display_name, signedAt: evaluation.signed_at },
  };
}
