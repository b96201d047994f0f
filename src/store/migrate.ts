/**
 * Runs the migrations in name order on either database, through Kysely's Migrator
 * (which records them in kysely_migration). Two processes may start on one database at
 * once: on PostgreSQL the Migrator holds an advisory lock and runs in one transaction; on
 * SQLite it takes no lock (it assumes one connection), so we hold the write lock for the
 * whole run — the other process waits, then finds nothing left to do, and a failed run
 * leaves the schema as it was.
 */
import type SqliteDatabase from 'better-sqlite3';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import { AppError } from '../domain/errors.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { retryWhileBusy, type Store } from './store.ts';

export interface MigrationReport {
  applied: string[];
}

export async function migrate(store: Store): Promise<MigrationReport> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const migrations: Record<string, Migration> = {};
      for (const migration of MIGRATIONS) {
        migrations[migration.name] = { up: (db) => migration.up(db, store.capabilities) };
      }
      return migrations;
    },
  };
  // Kysely looks for its bookkeeping tables in every schema; name ours when the
  // PostgreSQL store lives in a schema of its own.
  const schema = store.config.kind === 'postgres' ? store.config.schema : undefined;
  const migrator = new Migrator({ db: store.db, provider, allowUnorderedMigrations: true, ...(schema === undefined ? {} : { migrationTableSchema: schema }) });
  const { error, results } = store.sqlite === undefined ? await migrator.migrateToLatest() : await holdingWriteLock(store.sqlite, () => migrator.migrateToLatest());
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new AppError('INTERNAL', `migration ${failed?.migrationName ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

async function holdingWriteLock(database: SqliteDatabase.Database, run: () => ReturnType<Migrator['migrateToLatest']>): ReturnType<Migrator['migrateToLatest']> {
  await retryWhileBusy(async () => void database.exec('begin immediate'));
  try {
    const outcome = await run();
    database.exec(outcome.error === undefined ? 'commit' : 'rollback');
    return outcome;
  } catch (error) {
    if (database.inTransaction) database.exec('rollback');
    throw error;
  }
}
