/**
 * `greenlist application <id> [<action>|history]`: an application from a terminal — show
 * it, take an action of the transition table (as the operator, or `--as=<email>` to act as
 * a user with that user's permissions), or print its history in plain words.
 */
import { readApplication, readApplicationHistory } from '../../commands/applications/read-application.ts';
import { takeApplicationAction } from '../../commands/applications/take-application-action.ts';
import { STATE_NAMES, isApplicationState } from '../../domain/applications/application-states.ts';
import { optionString } from '../arguments.ts';
import { withStore } from '../runtime.ts';
import type { CliCommand } from './command.ts';
import { cliActor, positiveInteger, print } from './pipeline-actor.ts';

export const applicationCommand: CliCommand = {
  name: 'application',
  usage: 'application <id> [<action> [--reason=…] [--evaluator=<org id>] | history [--lang=en]] [--as=<email>] [--json]',
  summary: 'show an application, take an action of the transition table (docs/workflow.md), or print its history',
  async run(args) {
    const id = positiveInteger(args.positionals[0], 'id', this.usage);
    const action = args.positionals[1];
    return withStore(async (store) => {
      const actor = await cliActor(store, args);
      if (action === 'history') {
        const lines = await readApplicationHistory(store, actor, id, optionString(args, 'lang') === 'en' ? 'en' : 'zh-CN');
        print(args, lines, () => lines.map((line) => line.text).join('\n'));
        return 0;
      }
      if (action !== undefined) {
        const evaluator = optionString(args, 'evaluator');
        await takeApplicationAction(store, actor, { applicationId: id, action, reason: optionString(args, 'reason') ?? null, ...(evaluator === undefined ? {} : { evaluatorOrgId: positiveInteger(evaluator, 'evaluator', this.usage) }) });
      }
      const view = await readApplication(store, actor, id);
      const state = view.application.state;
      const name = isApplicationState(state) ? `${STATE_NAMES[state].zh} / ${STATE_NAMES[state].en}` : state;
      print(args, { id, state, programme: view.programmeCode, score: view.application.score_total, availableActions: view.availableActions }, () => `application ${id} (${view.programmeCode}, ${view.application.target_tier}): ${name}${view.application.score_total === null ? '' : `, self-evaluation score ${view.application.score_total}`}`);
      return 0;
    });
  },
};
