/**
 * The one check before an application moves: the action must leave the current state in
 * the transition table, and every guard of that transition must hold for the facts the
 * command loaded. Refusals are INVALID_TRANSITION (not from this state) or the guard's
 * own code (VALIDATION for a missing reason, RULE_VIOLATION for a programme rule).
 */
import { AppError } from '../errors.ts';
import { STATE_NAMES, type ApplicationState } from './application-states.ts';
import { GUARDS, type GuardFacts } from './guards.ts';
import { ACTION_WORDS, APPLICATION_ACTIONS, TRANSITIONS, type ApplicationAction, type Transition } from './transition-table.ts';

export function isApplicationAction(value: string): value is ApplicationAction {
  return (APPLICATION_ACTIONS as readonly string[]).includes(value);
}

/** The transition for `action` out of `state`, or undefined when the table has none. */
export function findTransition(state: ApplicationState, action: ApplicationAction): Transition | undefined {
  return TRANSITIONS[state].find((transition) => transition.action === action);
}

/** The actions that leave a state, in table order. */
export function actionsFrom(state: ApplicationState): ApplicationAction[] {
  return TRANSITIONS[state].map((transition) => transition.action);
}

/** Throws INVALID_TRANSITION unless the table has `action` out of `state`; returns the transition. */
export function requireTransition(state: ApplicationState, action: string): Transition {
  const transition = isApplicationAction(action) ? findTransition(state, action) : undefined;
  if (transition === undefined) {
    const allowed = actionsFrom(state);
    const words = isApplicationAction(action) ? ACTION_WORDS[action].zh : action;
    throw new AppError(
      'INVALID_TRANSITION',
      `Cannot ${action} an application that is ${STATE_NAMES[state].en.toLowerCase()} / 当前状态「${STATE_NAMES[state].zh}」不能执行「${words}」`,
      { details: { state, action, allowed } },
    );
  }
  return transition;
}

/**
 * Checks the table and the guards; returns the transition to apply. `facts` must hold
 * every fact the transition's guards name (see GuardFacts).
 */
export function assertTransition(state: ApplicationState, action: string, facts: GuardFacts): Transition {
  const transition = requireTransition(state, action);
  for (const name of transition.guards) {
    const failure = GUARDS[name].check(facts);
    if (failure !== null) {
      throw new AppError(failure.code, failure.message, { ...(failure.path === undefined ? {} : { path: failure.path }), details: { state, action, guard: name } });
    }
  }
  return transition;
}
