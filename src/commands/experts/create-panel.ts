/**
 * The authority forms an expert panel of at least three experts for a set of applications
 * and assigns them (recommended → national expert review). Every member gets a review row
 * per application, so the consensus knows whose score is missing. Where the authority
 * excludes experts from their own region, no member may come from an application's province.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { checkConsensusRule, MINIMUM_EXPERTS } from '../../domain/applications/expert-consensus.ts';
import { invalid } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Row } from '../../store/schema.ts';
import { now, type Store } from '../../store/store.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { loadApplicationFor } from '../applications/application-records.ts';
import { assertExpertMayReview } from './expert-region.ts';

export interface CreatePanelInput {
  name: string;
  /** The authority forming the panel; defaults to the actor's national or provincial authority. */
  authorityId?: number;
  batchId?: number | null;
  expertUserIds: number[];
  applicationIds: number[];
  consensusRule?: unknown;
  today?: string;
}

export function reviewerAuthorityOf(actor: Actor, roles: readonly string[] = ['national', 'province']): number | undefined {
  return actor.kind === 'user' ? (actor.memberships.find((m) => roles.includes(m.role) && m.authorityId !== null)?.authorityId ?? undefined) : undefined;
}

export async function createPanel(store: Store, actor: Actor, input: CreatePanelInput): Promise<Row<'expert_panels'>> {
  const name = input.name?.trim() ?? '';
  if ([...name].length < 2) throw invalid('name', 'a panel needs a name / 请填写专家组名称');
  const experts = [...new Set(input.expertUserIds)];
  if (experts.length < MINIMUM_EXPERTS) throw invalid('expertUserIds', `a panel needs at least ${MINIMUM_EXPERTS} experts / 专家组至少${MINIMUM_EXPERTS}人`);
  const applicationIds = [...new Set(input.applicationIds)];
  if (applicationIds.length === 0) throw invalid('applicationIds', 'assign at least one application / 请至少分配一项申请');
  const rule = checkConsensusRule(input.consensusRule);
  const authorityId = input.authorityId ?? reviewerAuthorityOf(actor);
  if (authorityId === undefined) throw invalid('authorityId', 'which authority forms the panel?');
  const today = input.today ?? todayInShanghai();
  return store.transaction(async (trx) => {
    authorize(actor, 'create', { type: 'panel', authorityId });
    const members = await trx.selectFrom('memberships').select('user_id').where('user_id', 'in', experts).where('role', '=', 'expert').execute();
    const missing = experts.filter((id) => !members.some((m) => m.user_id === id));
    if (missing.length > 0) throw invalid('expertUserIds', `not experts: ${missing.join(', ')} / 以下用户不是评审专家`);
    const at = now();
    const panel = await trx
      .insertInto('expert_panels')
      .values({ authority_id: authorityId, batch_id: input.batchId ?? null, name, consensus_rule: JSON.stringify(rule), created_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (const userId of experts) await trx.insertInto('panel_members').values({ panel_id: panel.id, user_id: userId }).execute();
    for (const applicationId of applicationIds) {
      const { application } = await loadApplicationFor(trx, store, actor, applicationId);
      for (const userId of experts) await assertExpertMayReview(trx, authorityId, userId, application);
      await trx.insertInto('panel_applications').values({ panel_id: panel.id, application_id: application.id, enterprise_id: application.enterprise_id }).execute();
      for (const userId of experts) {
        // One review per expert and application: a later panel starts the expert's review afresh.
        const existing = await trx.selectFrom('expert_reviews').select('id').where('enterprise_id', '=', application.enterprise_id).where('application_id', '=', application.id).where('expert_user_id', '=', userId).executeTakeFirst();
        if (existing === undefined) {
          await trx.insertInto('expert_reviews').values({ panel_id: panel.id, application_id: application.id, enterprise_id: application.enterprise_id, expert_user_id: userId, conflict_declared: 0, score: null, comment: null, submitted_at: null, created_at: at }).execute();
        } else {
          await trx.updateTable('expert_reviews').set({ panel_id: panel.id, conflict_declared: 0, score: null, comment: null, submitted_at: null }).where('id', '=', existing.id).execute();
        }
      }
      await applyTransition({ trx, store, actor }, application, 'assign-panel', { today, data: { panelId: panel.id, experts: experts.length } });
    }
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'panel.created', subjectType: 'panel', subjectId: panel.id, enterpriseId: null, data: { name, experts, applications: applicationIds, rule } });
    return panel;
  });
}
