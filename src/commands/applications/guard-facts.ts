/**
 * Loads exactly the facts the guards of a transition ask for (domain/applications/
 * guards.ts), from the application's records: its authority's settings, its engagement,
 * the deadline of the authority it goes to, the enterprise's negative-list events, the
 * panel's consensus, the objections on its notice entry.
 */
import { deadlineFor } from '../../domain/calendar/calendar.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { programmeDetailsProblem } from '../../domain/applications/programme-details.ts';
import type { GuardFacts, GuardName } from '../../domain/applications/guards.ts';
import type { Transition } from '../../domain/applications/transition-table.ts';
import type { Executor } from '../../store/store.ts';
import { applicationConsensus } from '../experts/panel-consensus.ts';
import { authoritySettingsOf, detailsOf, findAuthorityFor, liveEngagements, type ApplicationRow } from './application-records.ts';
import { negativeListEventsOf } from './negative-list.ts';

export interface GuardInput {
  today?: string;
  reason?: string | null;
  /** Facts only the submitting command can know (it scores the self-evaluation). */
  selfEvaluationProblem?: string | null;
  vetoes?: readonly string[];
}

/** Objections still waiting for a decision on the application's current notice entry. */
export async function pendingObjectionsOf(db: Executor, application: Pick<ApplicationRow, 'id' | 'enterprise_id'>): Promise<number> {
  const rows = await db
    .selectFrom('objections as o')
    .innerJoin('notice_entries as ne', (join) => join.onRef('ne.id', '=', 'o.notice_entry_id').onRef('ne.enterprise_id', '=', 'o.enterprise_id'))
    .select('o.id')
    .where('o.enterprise_id', '=', application.enterprise_id)
    .where('ne.application_id', '=', application.id)
    .where('ne.status', 'in', ['candidate', 'objections'])
    .where('o.status', '=', 'received')
    .execute();
  return rows.length;
}

/** The year whose deadlines apply: the target batch's year, else the year after the data year. */
async function programmeYear(db: Executor, application: ApplicationRow): Promise<{ year: number; recommendDeadline: string | null }> {
  if (application.batch_id === null) return { year: application.data_year + 1, recommendDeadline: null };
  const batch = await db.selectFrom('batches').select(['year', 'recommend_deadline']).where('id', '=', application.batch_id).executeTakeFirstOrThrow();
  return { year: batch.year, recommendDeadline: batch.recommend_deadline };
}

/** The receiving authority's deadline: the province's when a city forwards, the nation's when a province recommends. */
async function deadlineOf(db: Executor, application: ApplicationRow, transition: Transition): Promise<string | null> {
  const { year, recommendDeadline } = await programmeYear(db, application);
  if (transition.action === 'recommend' && recommendDeadline !== null) return recommendDeadline;
  const receiving = await findAuthorityFor(db, transition.action === 'recommend' ? 'national' : 'province', application.province_code);
  if (receiving === undefined) return null;
  return deadlineFor(year, (await authoritySettingsOf(db, receiving.id)).recommendDeadline);
}

export async function loadGuardFacts(db: Executor, application: ApplicationRow, transition: Transition, input: GuardInput): Promise<GuardFacts> {
  const facts: GuardFacts = { today: input.today ?? todayInShanghai() };
  const load: Record<GuardName, () => Promise<void>> = {
    reasonGiven: async () => {
      facts.reason = input.reason ?? null;
    },
    programmeDetailsValid: async () => {
      const programme = await db.selectFrom('programmes').select('code').where('id', '=', application.programme_id).executeTakeFirstOrThrow();
      const enterprise = await db.selectFrom('enterprises').select('credit_code').where('id', '=', application.enterprise_id).executeTakeFirstOrThrow();
      facts.programmeDetailsProblem = programmeDetailsProblem(programme.code, detailsOf(application).programme, enterprise.credit_code);
    },
    selfEvaluationComplete: async () => {
      if (input.selfEvaluationProblem === undefined) throw new Error('the submitting command must score the self-evaluation first');
      facts.selfEvaluationProblem = input.selfEvaluationProblem;
    },
    notVetoed: async () => {
      if (input.vetoes === undefined) throw new Error('the submitting command must score the self-evaluation first');
      facts.vetoes = input.vetoes;
    },
    selfEvaluationAllowed: async () => {
      facts.selfEvaluationAllowed = (await authoritySettingsOf(db, application.authority_id)).selfEvaluationAllowed;
    },
    engagementAccepted: async () => {
      const engagement = await currentEngagement(db, application);
      facts.engagementState = engagement?.state ?? null;
    },
    verifiedDataRecorded: async () => {
      const engagement = await currentEngagement(db, application);
      facts.verifiedDataRecorded = engagement?.verified_document != null;
    },
    targetsNation: async () => {
      facts.targetTier = application.target_tier;
    },
    withinDeadline: async () => {
      facts.deadline = await deadlineOf(db, application, transition);
    },
    negativeListClear: async () => {
      facts.negativeListEvents = (await negativeListEventsOf(db, application.enterprise_id, facts.today)).map((e) => `${e.kind} ${e.date}${e.description ? ` ${e.description}` : ''}`);
    },
    expertConsensusPassed: async () => {
      facts.expertConsensus = await applicationConsensus(db, application);
    },
    noPendingObjections: async () => {
      facts.pendingObjections = await pendingObjectionsOf(db, application);
    },
    hasPendingObjections: async () => {
      facts.pendingObjections = await pendingObjectionsOf(db, application);
    },
  };
  for (const guard of transition.guards) await load[guard]();
  return facts;
}

/** The application's live third-party engagement (requested, accepted or signed), newest first. */
export function currentEngagement(db: Executor, application: Pick<ApplicationRow, 'id' | 'enterprise_id'>) {
  return liveEngagements(db, application).selectAll().orderBy('id', 'desc').executeTakeFirst();
}
