/** Renames carry their date, so a batch's diff can name the renames it published. */
import type { Kysely } from 'kysely';
import { createIndex, type StoreMigration } from './migration.ts';

export const listChanges: StoreMigration = {
  name: '0003-list-changes',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('list_entries').addColumn('renamed_on', 'text').execute();
    await createIndex(db, 'list_entries_changes', 'list_entries', ['programme_id', 'tier', 'authority_id', 'removed_on']);
  },
};
