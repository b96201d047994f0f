import { seedDemo } from '../../commands/seed/seed-demo.ts';
import { AppError } from '../../domain/errors.ts';
import { withStore } from '../runtime.ts';
import type { CliCommand } from './command.ts';

export const seedCommand: CliCommand = {
  name: 'seed',
  usage: 'seed --demo',
  summary: 'load the deterministic demo data set into an empty database',
  async run(args) {
    if (args.options.demo !== true) throw new AppError('VALIDATION', 'only the demo data set exists: greenlist seed --demo', { path: '--demo' });
    const report = await withStore((store) => seedDemo(store));
    console.log(`demo data loaded: ${report.enterprises} enterprises, ${report.factories} factories, ${report.annualData} factory-years, ${report.batches} batches, ${report.listEntries} list entries, ${report.users} users, ${report.news} news items`);
    return 0;
  },
};
