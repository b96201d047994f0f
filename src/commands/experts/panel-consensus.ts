/** The consensus of the panel that holds an application (its latest panel), from the experts' reviews. */
import { expertConsensus, parseConsensusRule, type Consensus } from '../../domain/applications/expert-consensus.ts';
import type { Executor } from '../../store/store.ts';

export interface PanelConsensus extends Consensus {
  panelId: number;
}

export async function applicationConsensus(db: Executor, application: { id: number; enterprise_id: number }): Promise<PanelConsensus | null> {
  const panel = await db
    .selectFrom('panel_applications as pa')
    .innerJoin('expert_panels as p', 'p.id', 'pa.panel_id')
    .select(['p.id', 'p.consensus_rule'])
    .where('pa.enterprise_id', '=', application.enterprise_id)
    .where('pa.application_id', '=', application.id)
    .orderBy('p.id', 'desc')
    .executeTakeFirst();
  if (panel === undefined) return null;
  const reviews = await db
    .selectFrom('expert_reviews')
    .select(['expert_user_id', 'conflict_declared', 'score', 'comment'])
    .where('enterprise_id', '=', application.enterprise_id)
    .where('application_id', '=', application.id)
    .where('panel_id', '=', panel.id)
    .orderBy('expert_user_id')
    .execute();
  const consensus = expertConsensus(
    reviews.map((r) => ({ expertUserId: r.expert_user_id, conflictDeclared: r.conflict_declared === 1, score: r.score, comment: r.comment })),
    parseConsensusRule(panel.consensus_rule),
  );
  return { ...consensus, panelId: panel.id };
}
