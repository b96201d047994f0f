/**
 * The policy: importing this module registers every rule. Each aggregate keeps its rules
 * in rules/<aggregate>.ts; add a file there and import it below.
 */
import './rules/enterprises.ts';
import './rules/users.ts';
import './rules/applications.ts';
import './rules/evaluations.ts';
import './rules/panels.ts';
import './rules/notices.ts';
import './rules/batches.ts';
import './rules/dynamic-reports.ts';
import './rules/list-entries.ts';
import './rules/public-submissions.ts';
import './rules/ehs.ts';
import './rules/certificates.ts';
import './rules/webhooks.ts';
import './rules/imports.ts';
import './rules/annual-data.ts';
import './rules/news.ts';
import './rules/workspace-pages.ts';

export { authorize, can, listRules, actionsOf, type Subject } from './policy.ts';
