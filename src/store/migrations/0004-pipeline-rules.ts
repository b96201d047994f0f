/**
 * The programme pipeline's extra records (issue 4): where an expert comes from (experts may
 * not review their own region's entries where the authority says so), and declared or
 * decided changes to listed entries — removals deferred to the next annual publication,
 * renames and boundary changes — which a list notice publishes together.
 */
import type { Kysely } from 'kysely';
import type { Capabilities } from '../kysely/capabilities.ts';
import { createIndex, tableWithId, type StoreMigration } from './migration.ts';

export const pipelineRules: StoreMigration = {
  name: '0004-pipeline-rules',
  async up(db: Kysely<any>, capabilities: Capabilities) {
    await tableWithId(db, capabilities, 'expert_profiles')
      .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id'))
      .addColumn('region_code', 'text', (c) => c.notNull())
      .addColumn('organisation', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await tableWithId(db, capabilities, 'entry_changes')
      .addColumn('list_entry_id', 'integer', (c) => c.notNull().references('list_entries.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('mode', 'text')
      .addColumn('reason_code', 'text')
      .addColumn('reason', 'text')
      .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'integer')
      .addColumn('decided_by', 'integer')
      .addColumn('decided_at', 'text')
      .addColumn('applied_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await createIndex(db, 'entry_changes_entry', 'entry_changes', ['enterprise_id', 'list_entry_id']);
    await createIndex(db, 'entry_changes_status', 'entry_changes', ['status', 'kind']);
    await createIndex(db, 'notice_entries_application', 'notice_entries', ['application_id']);
    await createIndex(db, 'panel_applications_application', 'panel_applications', ['application_id']);
  },
};
