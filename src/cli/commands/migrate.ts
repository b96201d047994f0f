import { withStore } from '../runtime.ts';
import type { CliCommand } from './command.ts';
import { migrate } from '../../store/migrate.ts';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  usage: 'migrate',
  summary: 'bring the database schema up to date',
  async run() {
    const report = await withStore((store) => migrate(store), { migrate: false });
    console.log(report.applied.length === 0 ? 'schema is up to date' : `applied: ${report.applied.join(', ')}`);
    return 0;
  },
};
