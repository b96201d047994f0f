/**
 * The policy: importing this module registers every rule. Each aggregate keeps its rules
 * in rules/<aggregate>.ts; add a file there and import it below.
 */
import './rules/enterprises.ts';

export { authorize, can, listRules, actionsOf, type Subject } from './policy.ts';
