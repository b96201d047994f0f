/**
 * Draws the workflow from the transition table alone: a Mermaid state diagram and a
 * table of every transition with its role and guards. docs/workflow.md is this text;
 * workflow-drawing.test.ts fails when the file is not current
 * (GREENLIST_UPDATE_DOCS=1 rewrites it).
 */
import { APPLICATION_STATES, FINAL_STATES, STATE_NAMES } from './application-states.ts';
import { GUARDS } from './guards.ts';
import { TRANSITIONS, allTransitions } from './transition-table.ts';

const NOTES = `## Notes

- **One table.** \`src/domain/applications/transition-table.ts\` is the only place that says which
  action leaves which state, who may take it and what must hold. Commands call
  \`assertTransition\`; the permission rules for applications are generated from the table
  (\`src/policies/rules/applications.ts\`) and add the region scope: a reviewer acts only
  in its own region (national: everywhere; province: its province; city: its city), an
  enterprise on its own applications, an evaluator on its engagements, an expert on its panels.
- **system** transitions are taken by the scheduler (a notice closes: \`pass-notice\` or
  \`hold-for-objections\`) and by event subscribers (\`veto\` when the EHS register puts the
  enterprise on the negative list).
- **National listing implies provincial listing.** Publishing a national batch does not copy
  entries into a provincial batch: the provincial list of a province is its own provincial
  entries plus the active national entries of enterprises in that province, derived in
  \`src/store/queries/provincial-list.ts\` (Guangdong: national factories are automatically on
  the provincial list [3P], domain.md §3.2). A national removal therefore also ends the
  derived provincial listing; a provincial entry of its own stays until removed itself.
- **Objections** are filed by the public during a notice (one entry each, real name). A
  reviewer of the notice's authority decides each case: *upheld* (\`uphold-objection\`, the
  entry leaves the batch) or *dismissed*. When the notice closes, entries with undecided
  objections go to objection handling; the outcomes of decided cases are published with the
  closed notice.
- **Deadlines** are rows in the job table, run by \`greenlist jobs run\` or the server's loop:
  \`notice.close\` (the day after the last day, Beijing time) and \`dynamic-reports.overdue\`
  (the day after each authority's 动态管理表 deadline). Both are idempotent.
`;

export function renderWorkflowMarkdown(): string {
  const lines: string[] = [];
  lines.push('# Application workflow', '');
  lines.push('<!-- Generated from src/domain/applications/transition-table.ts by workflow-drawing.ts; do not edit by hand. -->', '');
  lines.push('```mermaid', 'stateDiagram-v2');
  lines.push('    [*] --> draft');
  for (const state of APPLICATION_STATES) lines.push(`    ${state} : ${state}<br/>${STATE_NAMES[state].zh}`);
  for (const { from, transition } of allTransitions()) {
    lines.push(`    ${from} --> ${transition.to} : ${transition.action} (${transition.roles.join(', ')})`);
  }
  for (const state of FINAL_STATES) lines.push(`    ${state} --> [*]`);
  lines.push('```', '');
  lines.push('## Transitions', '');
  lines.push('| from | action | to | who | guards |', '|---|---|---|---|---|');
  for (const { from, transition } of allTransitions()) {
    const guards = transition.guards.map((name) => `${name}: ${GUARDS[name].descriptionEn}`).join('; ') || '—';
    lines.push(`| ${from} | ${transition.action} | ${transition.to} | ${transition.roles.join(', ')} | ${guards} |`);
  }
  lines.push('');
  lines.push('## States', '');
  lines.push('| state | 中文 | English | actions out |', '|---|---|---|---|');
  for (const state of APPLICATION_STATES) {
    const out = TRANSITIONS[state].map((transition) => transition.action).join(', ') || '— (final)';
    lines.push(`| ${state} | ${STATE_NAMES[state].zh} | ${STATE_NAMES[state].en} | ${out} |`);
  }
  lines.push('', NOTES);
  return lines.join('\n');
}
