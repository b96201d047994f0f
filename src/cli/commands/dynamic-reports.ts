/** `greenlist dynamic-reports open --year Y [--authority=<id>]`: open a year's 动态管理表 for an authority's lists (the scheduler does it each January). */
import { openDynamicReports } from '../../commands/dynamic-reports/open-dynamic-reports.ts';
import { AppError } from '../../domain/errors.ts';
import { optionString } from '../arguments.ts';
import { withStore } from '../runtime.ts';
import type { CliCommand } from './command.ts';
import { cliActor, positiveInteger, print } from './pipeline-actor.ts';

export const dynamicReportsCommand: CliCommand = {
  name: 'dynamic-reports',
  usage: 'dynamic-reports open --year <data year> [--authority=<id>] [--as=<email>] [--json]',
  summary: 'open a year’s dynamic reports for the lists of an authority (default: the ministry); idempotent',
  async run(args) {
    if (args.positionals[0] !== 'open') throw new AppError('VALIDATION', `usage: greenlist ${this.usage}`, { path: 'subcommand' });
    const year = positiveInteger(optionString(args, 'year'), 'year', this.usage);
    return withStore(async (store) => {
      const authority = optionString(args, 'authority');
      const authorityId = authority === undefined ? (await store.db.selectFrom('authorities').select('id').where('level', '=', 'national').orderBy('id').executeTakeFirstOrThrow()).id : positiveInteger(authority, 'authority', this.usage);
      const result = await openDynamicReports(store, await cliActor(store, args), { authorityId, year });
      print(args, result, () => `${year} reports for authority ${authorityId}: ${result.created} opened, ${result.existing} already open; due ${result.dueOn}`);
      return 0;
    });
  },
};
