/**
 * One- and two-character grams of enterprise names, for the searches a trigram index
 * cannot answer (`星火`, `硅`): an exact-match index turns them into a range scan instead
 * of a scan of every name (bench/search.ts measures both).
 */
import type { Kysely } from 'kysely';
import type { Capabilities } from '../kysely/capabilities.ts';
import type { StoreMigration } from './migration.ts';

export const searchGrams: StoreMigration = {
  name: '0008-search-grams',
  async up(db: Kysely<any>, capabilities: Capabilities) {
    await capabilities
      .compactKeyTable(
        db.schema
          .createTable('enterprise_grams')
          .addColumn('gram', 'text', (c) => c.notNull())
          .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
          .addPrimaryKeyConstraint('enterprise_grams_pk', ['gram', 'enterprise_id']),
      )
      .execute();
    await db.schema.createIndex('enterprise_grams_enterprise').on('enterprise_grams').columns(['enterprise_id']).execute();
  },
};
