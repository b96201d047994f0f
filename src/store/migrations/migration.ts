/** The shape of a migration, and the two helpers every migration uses. */
import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Capabilities } from '../kysely/capabilities.ts';

export interface StoreMigration {
  /** Sort key and identity, e.g. '0001-foundation'; never renamed once released. */
  name: string;
  up(db: Kysely<any>, capabilities: Capabilities): Promise<void>;
}

export type TableBuilder = CreateTableBuilder<string, never>;

/** Starts a table whose primary key is an auto-increment integer `id` on either database. */
export function tableWithId(db: Kysely<any>, capabilities: Capabilities, name: string): TableBuilder {
  return db.schema.createTable(name).addColumn('id', 'integer', (c) => capabilities.identity(c)) as unknown as TableBuilder;
}

export async function createIndex(db: Kysely<any>, name: string, on: string, columns: string[], unique = false): Promise<void> {
  const builder = db.schema.createIndex(name).on(on).columns(columns);
  await (unique ? builder.unique() : builder).execute();
}
