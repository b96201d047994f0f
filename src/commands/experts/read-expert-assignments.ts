/**
 * An expert's work list: every application on its panels with its own review. Scores are
 * given independently (read-panel.ts shows an expert only its own); once every member has
 * scored or recused, the panel's consensus is shown to the expert too — it no longer
 * sways anyone's score, and the expert sees how the panel decided.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { AppError } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { applicationConsensus, type PanelConsensus } from './panel-consensus.ts';

export interface ExpertAssignment {
  panelId: number;
  panelName: string;
  applicationId: number;
  enterpriseNameZh: string;
  enterpriseNameEn: string;
  provinceCode: string;
  state: string;
  dataYear: number;
  declaredScore: number | null;
  review: { score: number | null; comment: string | null; conflictDeclared: boolean; submittedAt: string | null };
  /** The panel's consensus, once every member has scored or recused. */
  consensus: PanelConsensus | null;
}

export async function readExpertAssignments(store: Store, actor: Actor): Promise<ExpertAssignment[]> {
  if (actor.kind !== 'user' || !actor.memberships.some((m) => m.role === 'expert')) throw new AppError('FORBIDDEN', 'Only experts have review assignments / 仅评审专家有评审任务');
  const rows = await store.db
    .selectFrom('expert_reviews as r')
    .innerJoin('expert_panels as p', 'p.id', 'r.panel_id')
    .innerJoin('applications as a', (join) => join.onRef('a.id', '=', 'r.application_id').onRef('a.enterprise_id', '=', 'r.enterprise_id'))
    .innerJoin('enterprises as en', 'en.id', 'r.enterprise_id')
    .select(['r.panel_id', 'p.name', 'r.application_id', 'r.enterprise_id', 'en.name_zh', 'en.name_en', 'a.province_code', 'a.state', 'a.data_year', 'a.score_total', 'r.score', 'r.comment', 'r.conflict_declared', 'r.submitted_at'])
    .where('r.expert_user_id', '=', actor.userId)
    .orderBy('r.panel_id', 'desc')
    .orderBy('r.application_id')
    .execute();
  const assignments: ExpertAssignment[] = [];
  for (const row of rows) {
    const consensus = await applicationConsensus(store.db, { id: row.application_id, enterprise_id: row.enterprise_id });
    const settled = consensus !== null && consensus.panelId === row.panel_id && consensus.waitingFor.length === 0;
    assignments.push({
      panelId: row.panel_id,
      panelName: row.name,
      applicationId: row.application_id,
      enterpriseNameZh: row.name_zh,
      enterpriseNameEn: row.name_en,
      provinceCode: row.province_code,
      state: row.state,
      dataYear: row.data_year,
      declaredScore: row.score_total,
      review: { score: row.score, comment: row.comment, conflictDeclared: row.conflict_declared === 1, submittedAt: row.submitted_at },
      consensus: settled ? consensus : null,
    });
  }
  return assignments;
}
