/**
 * Bulk imports (dynamic-report files first): one `imports` row per file, with its state,
 * progress counters and the first errors, written by the job that runs it. A report filed
 * by an import names it in `dynamic_reports.import_id`, so every filed figure leads back
 * to the file (name, SHA-256, who sent it) even where no per-enterprise audit event was
 * written (docs/formats/dynamic-report-csv.md, "Audit"). No foreign key on purpose: the
 * import writes that column on up to 500,000 rows in one statement run, and a key check
 * per row would be paid on every one of them.
 */
import type { Kysely } from 'kysely';
import type { Capabilities } from '../kysely/capabilities.ts';
import { createIndex, tableWithId, type StoreMigration } from './migration.ts';

export const imports: StoreMigration = {
  name: '0009-imports',
  async up(db: Kysely<any>, capabilities: Capabilities) {
    await tableWithId(db, capabilities, 'imports')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('source_path', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rows_total', 'integer')
      .addColumn('bytes_read', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reports_filed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reports_amended', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reports_unchanged', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('errors', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('job_id', 'integer')
      .addColumn('today', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await createIndex(db, 'imports_status', 'imports', ['status', 'created_at']);
    await createIndex(db, 'imports_actor', 'imports', ['actor_user_id', 'created_at']);
    await createIndex(db, 'imports_sha256', 'imports', ['sha256']);
    await db.schema.alterTable('dynamic_reports').addColumn('import_id', 'integer').execute();
  },
};
