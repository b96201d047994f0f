/**
 * `backup <file>` and `restore <file>`. SQLite: the online backup API (consistent while
 * the server runs). PostgreSQL: pg_dump / pg_restore in the custom format. Evidence files
 * are not in the backup: the files folder is copied beside it, a bucket keeps its own
 * versions or replicas; the command says which.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { loadConfig, type Config, type DatabaseConfig } from '../../config/env.ts';
import { AppError } from '../../domain/errors.ts';
import { openStore } from '../../store/store.ts';
import type { CliCommand } from './command.ts';

function postgresTool(tool: 'pg_dump' | 'pg_restore', args: string[]): void {
  const result = spawnSync(tool, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error !== undefined) throw new AppError('INTERNAL', `${tool} could not run (${result.error.message}); install the PostgreSQL client tools`);
  if (result.status !== 0) throw new AppError('INTERNAL', `${tool} exited with status ${result.status}`);
}

function schemaArgs(database: Extract<DatabaseConfig, { kind: 'postgres' }>): string[] {
  return database.schema === undefined ? [] : [`--schema=${database.schema}`];
}

export async function backupDatabase(database: DatabaseConfig, file: string): Promise<void> {
  const target = resolve(file);
  if (database.kind === 'postgres') {
    postgresTool('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, ...schemaArgs(database), database.url]);
    return;
  }
  const store = openStore(database);
  try {
    await store.sqlite!.backup(target);
  } finally {
    await store.close();
  }
}

export async function restoreDatabase(database: DatabaseConfig, file: string): Promise<string | undefined> {
  const source = resolve(file);
  if (!existsSync(source)) throw new AppError('NOT_FOUND', `backup file ${source} not found`);
  if (database.kind === 'postgres') {
    postgresTool('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${database.url}`, ...schemaArgs(database), source]);
    return undefined;
  }
  const backup = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
  try {
    const migrations = backup.prepare("select count(*) as n from sqlite_master where name = 'kysely_migration'").get() as { n: number };
    if (migrations.n !== 1) throw new AppError('VALIDATION', `${source} is not a greenlist database backup`, { path: 'file' });
    let keptAside: string | undefined;
    if (existsSync(database.path)) {
      keptAside = `${database.path}.before-restore-${Date.now()}`;
      renameSync(database.path, keptAside);
    }
    for (const suffix of ['-wal', '-shm']) rmSync(database.path + suffix, { force: true });
    await backup.backup(database.path);
    return keptAside;
  } finally {
    backup.close();
  }
}

/** Where the evidence files are and how they are kept safe, since the database backup does not hold them. */
function evidenceFilesNote(config: Pick<Config, 'dataDirectory' | 's3'>): string {
  return config.s3 === undefined
    ? `evidence files are not in the backup: copy ${join(config.dataDirectory, 'files')} alongside it`
    : `evidence files are in the bucket ${config.s3.bucket} at ${config.s3.endpoint}, not in the backup: keep them with the bucket's own versioning or replication`;
}

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'backup <file>',
  summary: 'write a consistent copy of the database (SQLite online backup; pg_dump for PostgreSQL)',
  async run(args) {
    const file = args.positionals[0];
    if (file === undefined) throw new AppError('VALIDATION', 'backup needs a target file: greenlist backup <file>', { path: 'file' });
    const config = loadConfig();
    await backupDatabase(config.database, file);
    console.log(`backup written to ${resolve(file)}`);
    console.log(evidenceFilesNote(config));
    return 0;
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'restore <file>',
  summary: 'replace the database with a backup (stop the server first)',
  async run(args) {
    const file = args.positionals[0];
    if (file === undefined) throw new AppError('VALIDATION', 'restore needs a backup file: greenlist restore <file>', { path: 'file' });
    const keptAside = await restoreDatabase(loadConfig().database, file);
    console.log(`restored from ${resolve(file)}` + (keptAside ? `; the previous database was kept as ${keptAside}` : ''));
    return 0;
  },
};
