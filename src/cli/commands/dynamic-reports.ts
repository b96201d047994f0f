/** `greenlist dynamic-reports open --year Y [--authority=<id>]`: open a year's 动态管理表 for an authority's lists (the scheduler does it each January). */
import { openDynamicReports } from '../../commands/dynamic-reports/open-dynamic-reports.ts';
import { AppError } from '../../domain/errors.ts';
import { optionString } from '../arguments.ts';
import { withStore } from '../runtime.ts';
import type { CliCommand } from './command.ts';
import { cliActor, positiveInteger, print } from './pipeline-actor.ts';
import { findNationalAuthorityId } from '../../store/queries/lookups.ts';
import type { Store } from '../../store/store.ts';

async function nationalAuthorityId(store: Store): Promise<number> {
  const id = await findNationalAuthorityId(store.db);
  if (id === undefined) throw new AppError('NOT_FOUND', 'no national authority is registered');
  return id;
}

export const dynamicReportsCommand: CliCommand = {
  name: 'dynamic-reports',
  usage: 'dynamic-reports open --year <data year> [--authority=<id>] [--as=<email>] [--json]',
  summary: 'open a year’s dynamic reports for the lists of an authority (default: the ministry); idempotent',
  async run(args) {
    if (args.positionals[0] !== 'open') throw new AppError('VALIDATION', `usage: greenlist ${this.usage}`, { path: 'subcommand' });
    const year = positiveInteger(optionString(args, 'year'), 'year', this.usage);
    return withStore(async (store) => {
      const authority = optionString(args, 'authority');
      const authorityId = authority === undefined ? await nationalAuthorityId(store) : positiveInteger(authority, 'authority', this.usage);
      const result = await openDynamicReports(store, await cliActor(store, args), { authorityId, year });
      print(args, result, () => `${year} reports for authority ${authorityId}: ${result.created} opened, ${result.existing} already open; due ${result.dueOn}`);
      return 0;
    });
  },
};
