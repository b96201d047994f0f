/** The command table of `npx greenlist`. */
import type { CliCommand } from './command.ts';
import { serveCommand } from './serve.ts';
import { migrateCommand } from './migrate.ts';
import { seedCommand } from './seed.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { auditCommand } from './audit.ts';
import { kpiCommand, scoreCommand } from './engine.ts';

export const COMMANDS: readonly CliCommand[] = [serveCommand, migrateCommand, seedCommand, backupCommand, restoreCommand, auditCommand, kpiCommand, scoreCommand];
