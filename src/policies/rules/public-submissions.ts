/**
 * What anyone may send to the programme without an account: a real-name objection to an
 * entry on public notice (工信部节〔2024〕13号: objections during the 15-day 公示) and a
 * contact or media inquiry. Whether the notice is open and the entry a candidate is a
 * state rule the command checks (RULE_VIOLATION), not a permission.
 */
import { allow } from '../policy.ts';

allow('public', 'file', 'objection', 'anyone, signed in or not, by real name, while the notice is open');
allow('public', 'send', 'contact-message', 'anyone, signed in or not');
