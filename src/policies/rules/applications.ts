/**
 * Who may do what to an application. The actions of the transition table are not written
 * out here: one rule per (action, role) is generated from the table
 * (domain/applications/transition-table.ts), so the role that may take an action in a
 * state is said once. The rules add the scope: reviewers in their region at their level,
 * the enterprise on its own applications, an evaluator on its engagements, an expert on
 * its panels.
 */
import type { Membership, Role } from '../../domain/actors/actor.ts';
import { TRANSITIONS, APPLICATION_ACTIONS } from '../../domain/applications/transition-table.ts';
import { isApplicationState } from '../../domain/applications/application-states.ts';
import { allow, type Predicate, type Subject } from '../policy.ts';
import { atLevel, inRegion, ownEnterprise } from '../scopes.ts';

/** The evaluator organisation holds an engagement on the subject (subject.evaluatorOrgIds). */
export const engagedEvaluator: Predicate = (membership, subject) =>
  membership !== null && membership.evaluatorOrgId !== null && Array.isArray(subject.evaluatorOrgIds) && (subject.evaluatorOrgIds as number[]).includes(membership.evaluatorOrgId);

/** The expert sits on a panel that holds the subject (subject.panelExpertUserIds). */
export const onPanel: Predicate = (_membership, subject, actor) =>
  actor.kind === 'user' && Array.isArray(subject.panelExpertUserIds) && (subject.panelExpertUserIds as number[]).includes(actor.userId);

const SCOPES: Partial<Record<Role, { text: string; predicate: Predicate }>> = {
  enterprise: { text: 'its own applications', predicate: ownEnterprise },
  city: { text: 'applications of its city', predicate: atLevel('city', inRegion) },
  province: { text: 'applications of its province', predicate: atLevel('province', inRegion) },
  national: { text: 'applications of every region', predicate: atLevel('national', inRegion) },
  evaluator: { text: 'applications it holds an engagement on', predicate: engagedEvaluator },
  expert: { text: 'applications on its panels', predicate: onPanel },
};

/** True when the table lets `role` take `action` out of the subject's state. */
function tableAllows(subject: Subject, action: string, role: Role): boolean {
  const state = typeof subject.state === 'string' && isApplicationState(subject.state) ? subject.state : undefined;
  return state !== undefined && TRANSITIONS[state].some((transition) => transition.action === action && transition.roles.includes(role));
}

for (const action of APPLICATION_ACTIONS) {
  const roles = new Set(Object.values(TRANSITIONS).flatMap((list) => list.filter((t) => t.action === action).flatMap((t) => t.roles)));
  for (const role of roles) {
    if (role === 'system') continue; // only the system actor (scheduler, subscribers) takes these
    const scope = SCOPES[role];
    if (scope === undefined) throw new Error(`transition ${action} names role ${role}, which has no application scope`);
    allow(role, action, 'application', `${scope.text}, in a state where the transition table lets ${role} ${action}`, (membership: Membership | null, subject, actor) => tableAllows(subject, action, role) && scope.predicate(membership, subject, actor));
  }
}

const notDraft: Predicate = (_m, subject) => subject.state !== 'draft';

allow('enterprise', ['create', 'read', 'update'], 'application', 'its own applications', ownEnterprise);
for (const role of ['city', 'province', 'national'] as const) {
  const scope = SCOPES[role]!;
  allow(role, 'read', 'application', `${scope.text}, once submitted`, (m, s, a) => notDraft(m, s, a) && scope.predicate(m, s, a));
}
allow('evaluator', 'read', 'application', SCOPES.evaluator!.text, engagedEvaluator);
allow('expert', 'read', 'application', SCOPES.expert!.text, onPanel);
