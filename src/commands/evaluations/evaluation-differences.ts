/**
 * What reviewers see of an application's evaluations: the enterprise's self-evaluation
 * score, each third-party engagement with its declaration, verified score, and every
 * value (and KPI) where the verified figures differ from the declared ones.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { annualDataDifferences, type ValueDifference } from '../../domain/applications/annual-data-differences.ts';
import { computeKpis, parseAnnualData, type Kpis } from '../../engine/index.ts';
import type { Store } from '../../store/store.ts';
import { loadApplicationFor } from '../applications/application-records.ts';

export interface KpiDifference {
  kpi: string;
  declared: number | null;
  verified: number | null;
}

export interface EngagementView {
  evaluationId: number;
  evaluatorOrgId: number | null;
  evaluatorNameZh: string | null;
  state: string;
  national: boolean;
  year: number;
  conflictDeclaration: unknown;
  acceptedAt: string | null;
  signedAt: string | null;
  verifiedScore: number | null;
  differences: ValueDifference[];
  kpiDifferences: KpiDifference[];
}

export interface EvaluationsView {
  applicationId: number;
  declaredScore: number | null;
  engagements: EngagementView[];
}

function kpisOf(document: unknown): Kpis | null {
  try {
    return computeKpis(parseAnnualData(document)).kpis;
  } catch {
    return null;
  }
}

export async function describeEvaluations(store: Store, actor: Actor, applicationId: number): Promise<EvaluationsView> {
  return store.transaction(async (trx) => {
    const { application } = await loadApplicationFor(trx, store, actor, applicationId);
    const declared = application.factory_id === null ? undefined : await trx.selectFrom('annual_data').select('document').where('enterprise_id', '=', application.enterprise_id).where('factory_id', '=', application.factory_id).where('year', '=', application.data_year).where('kind', '=', 'declared').executeTakeFirst();
    const declaredDocument: unknown = declared === undefined ? null : JSON.parse(declared.document);
    const declaredKpis = declaredDocument === null ? null : kpisOf(declaredDocument);
    const rows = await trx
      .selectFrom('evaluations as e')
      .leftJoin('evaluator_orgs as o', 'o.id', 'e.evaluator_org_id')
      .select(['e.id', 'e.evaluator_org_id', 'o.name_zh', 'e.state', 'e.national', 'e.year', 'e.conflict_declaration', 'e.accepted_at', 'e.signed_at', 'e.verified_document', 'e.result_document'])
      .where('e.enterprise_id', '=', application.enterprise_id)
      .where('e.application_id', '=', application.id)
      .where('e.kind', '=', 'third_party')
      .orderBy('e.id')
      .execute();
    const engagements = rows.map((row): EngagementView => {
      const verified = row.verified_document === null ? null : (JSON.parse(row.verified_document) as { data: unknown });
      const verifiedKpis = verified === null ? null : kpisOf(verified.data);
      const kpiDifferences: KpiDifference[] = [];
      if (declaredKpis !== null && verifiedKpis !== null) {
        for (const kpi of Object.keys(declaredKpis) as (keyof Kpis)[]) {
          if (declaredKpis[kpi] !== verifiedKpis[kpi]) kpiDifferences.push({ kpi, declared: declaredKpis[kpi], verified: verifiedKpis[kpi] });
        }
      }
      return {
        evaluationId: row.id,
        evaluatorOrgId: row.evaluator_org_id,
        evaluatorNameZh: row.name_zh ?? null,
        state: row.state,
        national: row.national === 1,
        year: row.year,
        conflictDeclaration: row.conflict_declaration === null ? null : JSON.parse(row.conflict_declaration),
        acceptedAt: row.accepted_at,
        signedAt: row.signed_at,
        verifiedScore: row.result_document === null ? null : ((JSON.parse(row.result_document) as { total: number | null }).total ?? null),
        differences: verified === null || declaredDocument === null ? [] : annualDataDifferences(declaredDocument, verified.data),
        kpiDifferences,
      };
    });
    return { applicationId: application.id, declaredScore: application.score_total, engagements };
  });
}
