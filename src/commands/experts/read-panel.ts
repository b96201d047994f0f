/**
 * A panel as its reader may see it: the forming authority sees every score, the dissent
 * and the consensus; an expert sees the applications and only its own reviews (scores are
 * given independently).
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { parseConsensusRule, type ConsensusRule } from '../../domain/applications/expert-consensus.ts';
import { notFound } from '../../domain/errors.ts';
import { authorize, can } from '../../policies/index.ts';
import type { Store } from '../../store/store.ts';
import { applicationConsensus, type PanelConsensus } from './panel-consensus.ts';

export interface PanelView {
  id: number;
  name: string;
  authorityId: number;
  batchId: number | null;
  rule: ConsensusRule;
  members: { userId: number; displayName: string; regionCode: string | null }[];
  applications: {
    applicationId: number;
    enterpriseNameZh: string;
    state: string;
    reviews: { expertUserId: number; conflictDeclared: boolean; score: number | null; comment: string | null; submittedAt: string | null }[];
    consensus: PanelConsensus | null;
  }[];
}

export async function readPanel(store: Store, actor: Actor, panelId: number): Promise<PanelView> {
  const db = store.db;
  const panel = await db.selectFrom('expert_panels').selectAll().where('id', '=', panelId).executeTakeFirst();
  if (panel === undefined) throw notFound(`panel ${panelId}`);
  const members = await db
    .selectFrom('panel_members as pm')
    .innerJoin('users as u', 'u.id', 'pm.user_id')
    .leftJoin('expert_profiles as x', 'x.user_id', 'pm.user_id')
    .select(['pm.user_id as userId', 'u.display_name as displayName', 'x.region_code as regionCode'])
    .where('pm.panel_id', '=', panel.id)
    .orderBy('pm.user_id')
    .execute();
  const subject = { type: 'panel', authorityId: panel.authority_id, panelExpertUserIds: members.map((m) => m.userId) };
  authorize(actor, 'read', subject);
  const seesAll = can(actor, 'manage', subject);
  const rows = await db
    .selectFrom('panel_applications as pa')
    .innerJoin('applications as a', (join) => join.onRef('a.id', '=', 'pa.application_id').onRef('a.enterprise_id', '=', 'pa.enterprise_id'))
    .innerJoin('enterprises as en', 'en.id', 'pa.enterprise_id')
    .select(['a.id', 'a.enterprise_id', 'a.state', 'en.name_zh'])
    .where('pa.panel_id', '=', panel.id)
    .orderBy('a.id')
    .execute();
  const applications = [];
  for (const row of rows) {
    let reviews = await db.selectFrom('expert_reviews').select(['expert_user_id', 'conflict_declared', 'score', 'comment', 'submitted_at']).where('enterprise_id', '=', row.enterprise_id).where('application_id', '=', row.id).where('panel_id', '=', panel.id).orderBy('expert_user_id').execute();
    if (!seesAll) reviews = reviews.filter((r) => actor.kind === 'user' && r.expert_user_id === actor.userId);
    applications.push({
      applicationId: row.id,
      enterpriseNameZh: row.name_zh,
      state: row.state,
      reviews: reviews.map((r) => ({ expertUserId: r.expert_user_id, conflictDeclared: r.conflict_declared === 1, score: r.score, comment: r.comment, submittedAt: r.submitted_at })),
      consensus: seesAll ? await applicationConsensus(db, { id: row.id, enterprise_id: row.enterprise_id }) : null,
    });
  }
  return { id: panel.id, name: panel.name, authorityId: panel.authority_id, batchId: panel.batch_id, rule: parseConsensusRule(panel.consensus_rule), members, applications };
}
