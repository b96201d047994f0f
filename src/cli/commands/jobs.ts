/** `greenlist jobs run [--at=<ISO time>]`: run every job that is due (deadlines, notices closing, deliveries) once, and exit. */
import { runDueJobs } from '../../commands/jobs/job-runner.ts';
import '../../commands/jobs/handlers.ts';
import { invalid, AppError } from '../../domain/errors.ts';
import { optionString } from '../arguments.ts';
import { withStore } from '../runtime.ts';
import type { CliCommand } from './command.ts';
import { print } from './pipeline-actor.ts';

export const jobsCommand: CliCommand = {
  name: 'jobs',
  usage: 'jobs run [--at=<ISO time>] [--json]',
  summary: 'run the due jobs of the job table once (the server runs them in a loop)',
  async run(args) {
    if (args.positionals[0] !== 'run') throw new AppError('VALIDATION', `usage: greenlist ${this.usage}`, { path: 'subcommand' });
    const at = optionString(args, 'at');
    if (at !== undefined && Number.isNaN(Date.parse(at))) throw invalid('at', `"${at}" is not a time`);
    const report = await withStore((store) => runDueJobs(store, at === undefined ? {} : { at: new Date(at).toISOString() }));
    print(args, report, () => `${report.ran} job(s) ran, ${report.failed} failed`);
    return report.failed > 0 ? 1 : 0;
  },
};
