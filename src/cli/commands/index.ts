/**
 * The command table of `npx greenlist`. Each command's module is loaded only when that
 * command runs: a bulk import should not carry the HTTP app and the PDF fonts in memory.
 */
import type { CliCommand } from './command.ts';

export interface CommandEntry {
  name: string;
  load: () => Promise<CliCommand>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'serve', load: async () => (await import('./serve.ts')).serveCommand },
  { name: 'migrate', load: async () => (await import('./migrate.ts')).migrateCommand },
  { name: 'seed', load: async () => (await import('./seed.ts')).seedCommand },
  { name: 'backup', load: async () => (await import('./backup.ts')).backupCommand },
  { name: 'restore', load: async () => (await import('./backup.ts')).restoreCommand },
  { name: 'audit', load: async () => (await import('./audit.ts')).auditCommand },
  { name: 'kpi', load: async () => (await import('./engine.ts')).kpiCommand },
  { name: 'score', load: async () => (await import('./engine.ts')).scoreCommand },
  { name: 'verify-certificate', load: async () => (await import('./verify-certificate.ts')).verifyCertificateCommand },
  { name: 'certificates', load: async () => (await import('./certificates.ts')).certificatesCommand },
  { name: 'application', load: async () => (await import('./application.ts')).applicationCommand },
  { name: 'batch', load: async () => (await import('./batch.ts')).batchCommand },
  { name: 'notice', load: async () => (await import('./notice.ts')).noticeCommand },
  { name: 'jobs', load: async () => (await import('./jobs.ts')).jobsCommand },
  { name: 'dynamic-reports', load: async () => (await import('./dynamic-reports.ts')).dynamicReportsCommand },
  { name: 'import', load: async () => (await import('./import.ts')).importCommand },
  { name: 'import-annual-data', load: async () => (await import('./import-annual-data.ts')).importAnnualDataCommand },
];
