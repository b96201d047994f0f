/**
 * One application as its reader may see it, with the actions this reader may take now
 * (the table's actions out of its state that the policy allows: the workspace shows
 * exactly these buttons).
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { actionsFrom } from '../../domain/applications/assert-transition.ts';
import type { ApplicationAction } from '../../domain/applications/transition-table.ts';
import { can } from '../../policies/index.ts';
import { applicationHistory, type HistoryLanguage, type HistoryLine } from '../../store/queries/application-history.ts';
import type { Store } from '../../store/store.ts';
import { loadApplicationFor, stateOf, type ApplicationRow } from './application-records.ts';

export interface ApplicationView {
  application: ApplicationRow;
  programmeCode: string;
  availableActions: ApplicationAction[];
}

export async function readApplication(store: Store, actor: Actor, applicationId: number): Promise<ApplicationView> {
  const { application, subject } = await loadApplicationFor(store.db, store, actor, applicationId);
  const programme = await store.db.selectFrom('programmes').select('code').where('id', '=', application.programme_id).executeTakeFirstOrThrow();
  const availableActions = actionsFrom(stateOf(application)).filter((action) => actor.kind === 'user' && can(actor, action, subject));
  return { application, programmeCode: programme.code, availableActions };
}

export async function readApplicationHistory(store: Store, actor: Actor, applicationId: number, lang: HistoryLanguage): Promise<HistoryLine[]> {
  await loadApplicationFor(store.db, store, actor, applicationId);
  return applicationHistory(store.db, applicationId, lang);
}
