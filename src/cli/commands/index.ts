/** The command table of `npx greenlist`. */
import type { CliCommand } from './command.ts';
import { serveCommand } from './serve.ts';
import { migrateCommand } from './migrate.ts';
import { seedCommand } from './seed.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { auditCommand } from './audit.ts';
import { kpiCommand, scoreCommand } from './engine.ts';
import { verifyCertificateCommand } from './verify-certificate.ts';
import { certificatesCommand } from './certificates.ts';
import { applicationCommand } from './application.ts';
import { batchCommand } from './batch.ts';
import { jobsCommand } from './jobs.ts';
import { noticeCommand } from './notice.ts';
import { dynamicReportsCommand } from './dynamic-reports.ts';
import { importCommand } from './import.ts';
import { importAnnualDataCommand } from './import-annual-data.ts';

export const COMMANDS: readonly CliCommand[] = [serveCommand, migrateCommand, seedCommand, backupCommand, restoreCommand, auditCommand, kpiCommand, scoreCommand, verifyCertificateCommand, certificatesCommand, applicationCommand, batchCommand, noticeCommand, jobsCommand, dynamicReportsCommand, importCommand, importAnnualDataCommand];
