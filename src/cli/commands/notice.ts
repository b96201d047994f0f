/** `greenlist notice close <id>|--due`: close one notice after its last day, or every open notice whose last day is over. */
import { closeNotice, type CloseNoticeResult } from '../../commands/notices/close-notice.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { AppError } from '../../domain/errors.ts';
import { withStore } from '../runtime.ts';
import type { CliCommand } from './command.ts';
import { cliActor, positiveInteger, print } from './pipeline-actor.ts';
import { listNoticesDueToClose } from '../../store/queries/lookups.ts';

export const noticeCommand: CliCommand = {
  name: 'notice',
  usage: 'notice close <id>|--due [--as=<email>] [--json]',
  summary: 'close a 公示 after its last day (candidates pass or go to objection handling); idempotent',
  async run(args) {
    if (args.positionals[0] !== 'close') throw new AppError('VALIDATION', `usage: greenlist ${this.usage}`, { path: 'subcommand' });
    return withStore(async (store) => {
      const actor = await cliActor(store, args);
      const ids = args.options.due === true
        ? await listNoticesDueToClose(store.db, todayInShanghai())
        : [positiveInteger(args.positionals[1], 'id', this.usage)];
      const results: CloseNoticeResult[] = [];
      for (const noticeId of ids) results.push(await closeNotice(store, actor, { noticeId }));
      print(args, results, () => (results.length === 0 ? 'no notice is due to close' : results.map((r) => `notice ${r.noticeId}: ${r.alreadyClosed ? 'already closed' : `closed — ${r.passed} passed, ${r.withObjections} with objections to decide, ${r.outcomesPublished} outcomes published`}`).join('\n')));
      return 0;
    });
  },
};
