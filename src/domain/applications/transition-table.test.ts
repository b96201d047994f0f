import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APPLICATION_STATES, FINAL_STATES, type ApplicationState } from './application-states.ts';
import { assertTransition, findTransition, requireTransition } from './assert-transition.ts';
import { GUARDS, type GuardFacts } from './guards.ts';
import { APPLICATION_ACTIONS, TRANSITIONS, allTransitions } from './transition-table.ts';
import { AppError } from '../errors.ts';

/** Facts under which every guard holds, so a refusal can only come from the table. */
const ALL_PASS: GuardFacts = {
  today: '2026-05-01',
  targetTier: 'national',
  reason: 'a reason',
  programmeDetailsProblem: null,
  selfEvaluationProblem: null,
  vetoes: [],
  selfEvaluationAllowed: true,
  engagementState: 'accepted',
  verifiedDataRecorded: true,
  deadline: '2026-07-31',
  negativeListEvents: [],
  expertConsensus: { reached: true, passed: true, detail: '' },
  pendingObjections: 0,
};

test('every (state, action) pair not in the table is refused with INVALID_TRANSITION', () => {
  let refused = 0;
  let allowed = 0;
  for (const state of APPLICATION_STATES) {
    for (const action of APPLICATION_ACTIONS) {
      const inTable = TRANSITIONS[state].some((t) => t.action === action);
      if (inTable) {
        allowed++;
        assert.equal(requireTransition(state, action).action, action);
        continue;
      }
      refused++;
      assert.throws(() => assertTransition(state, action, ALL_PASS), (e) => AppError.is(e, 'INVALID_TRANSITION'), `${state} × ${action}`);
    }
  }
  // 18 states × 19 actions = 342 pairs; the table holds 52 of them, the other 290 are refused.
  assert.equal(allowed + refused, 18 * 19);
  assert.equal(allowed, allTransitions().length);
  assert.equal(refused, 290);
  assert.throws(() => requireTransition('draft', 'fly'), (e) => AppError.is(e, 'INVALID_TRANSITION'));
});

test('the table is well formed: one transition per action and state, final states have none, every state is reachable from draft', () => {
  for (const state of APPLICATION_STATES) {
    const actions = TRANSITIONS[state].map((t) => t.action);
    assert.equal(new Set(actions).size, actions.length, `${state} has an action twice`);
  }
  for (const state of FINAL_STATES) assert.deepEqual(TRANSITIONS[state], []);
  const reached = new Set<ApplicationState>(['draft']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const { from, transition } of allTransitions()) {
      if (reached.has(from) && !reached.has(transition.to)) {
        reached.add(transition.to);
        grew = true;
      }
    }
  }
  assert.deepEqual([...reached].sort(), [...APPLICATION_STATES].sort());
});

test('the national path runs from draft to listed through the issue’s steps in order', () => {
  const path: [ApplicationState, string][] = [
    ['draft', 'submit'], ['submitted', 'engage-evaluator'], ['third_party_evaluation', 'sign-evaluation'], ['city_review', 'forward'],
    ['province_review', 'recommend'], ['recommended', 'assign-panel'], ['national_expert_review', 'place-on-notice'],
    ['national_notice', 'hold-for-objections'], ['national_objections', 'clear-objections'], ['nationally_approved', 'publish'],
  ];
  let state: ApplicationState = 'draft';
  for (const [from, action] of path) {
    assert.equal(state, from);
    state = assertTransition(state, action, { ...ALL_PASS, pendingObjections: action === 'hold-for-objections' ? 1 : 0 }).to;
  }
  assert.equal(state, 'listed');
});

test('guards refuse with their own code and say why in both languages', () => {
  assert.throws(() => assertTransition('city_review', 'return', { ...ALL_PASS, reason: ' ' }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'reason');
  assert.throws(
    () => assertTransition('province_review', 'recommend', { ...ALL_PASS, today: '2026-08-01' }),
    (e) => AppError.is(e, 'RULE_VIOLATION') && /2026-07-31/.test(e.message) && /截止/.test(e.message),
  );
  assert.doesNotThrow(() => assertTransition('province_review', 'recommend', { ...ALL_PASS, today: '2026-07-31' }));
  assert.throws(() => assertTransition('province_review', 'recommend', { ...ALL_PASS, targetTier: 'province' }), (e) => AppError.is(e, 'RULE_VIOLATION'));
  assert.throws(() => assertTransition('submitted', 'send-to-city', { ...ALL_PASS, selfEvaluationAllowed: false }), (e) => AppError.is(e, 'RULE_VIOLATION'));
  assert.throws(() => assertTransition('national_notice', 'pass-notice', { ...ALL_PASS, pendingObjections: 2 }), (e) => AppError.is(e, 'RULE_VIOLATION'));
  assert.throws(() => assertTransition('national_notice', 'hold-for-objections', ALL_PASS), (e) => AppError.is(e, 'RULE_VIOLATION'));
  assert.throws(
    () => assertTransition('national_expert_review', 'place-on-notice', { ...ALL_PASS, expertConsensus: { reached: false, passed: false, detail: '1 expert has not scored' } }),
    (e) => AppError.is(e, 'RULE_VIOLATION') && /not scored/.test(e.message),
  );
});

test('a guard whose fact the command did not load is a programming error, not a pass', () => {
  assert.throws(() => assertTransition('city_review', 'forward', { today: '2026-05-01' }), /needs the fact "deadline"/);
  assert.equal(Object.keys(GUARDS).length, 13);
  assert.equal(findTransition('listed', 'withdraw'), undefined);
});
