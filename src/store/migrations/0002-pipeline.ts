/**
 * The programme pipeline's tables: applications and their history, evaluations, expert
 * panels and reviews, notices and objections, list entries, certificates, dynamic
 * reports and EHS events. Keyed by enterprise_id like the foundation's big tables.
 */
import type { Kysely } from 'kysely';
import type { Capabilities } from '../kysely/capabilities.ts';
import { createIndex, tableWithId, type StoreMigration } from './migration.ts';

export const pipeline: StoreMigration = {
  name: '0002-pipeline',
  async up(db: Kysely<any>, capabilities: Capabilities) {
    const table = (name: string) => tableWithId(db, capabilities, name);
    const index = (name: string, on: string, columns: string[], unique = false) => createIndex(db, name, on, columns, unique);

    await table('applications')
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('factory_id', 'integer', (c) => c.references('factories.id'))
      .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id'))
      .addColumn('batch_id', 'integer', (c) => c.references('batches.id'))
      .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
      .addColumn('province_code', 'text', (c) => c.notNull())
      .addColumn('city_code', 'text', (c) => c.notNull())
      .addColumn('target_tier', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('data_year', 'integer', (c) => c.notNull())
      .addColumn('framework_id', 'text', (c) => c.references('frameworks.id'))
      .addColumn('score_total', 'double precision')
      .addColumn('score_document', 'text')
      .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('submitted_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await index('applications_enterprise', 'applications', ['enterprise_id']);
    await index('applications_queue', 'applications', ['province_code', 'city_code', 'state']);
    await index('applications_batch', 'applications', ['batch_id', 'state']);

    await table('application_events')
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text', (c) => c.notNull())
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'integer')
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await index('application_events_application', 'application_events', ['enterprise_id', 'application_id']);

    await table('evaluations')
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('evaluator_org_id', 'integer', (c) => c.references('evaluator_orgs.id'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('national', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('conflict_declaration', 'text')
      .addColumn('verified_document', 'text')
      .addColumn('result_document', 'text')
      .addColumn('signed_by', 'integer')
      .addColumn('signed_at', 'text')
      .addColumn('accepted_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('evaluations_application', 'evaluations', ['enterprise_id', 'application_id']);
    await index('evaluations_org', 'evaluations', ['evaluator_org_id', 'year', 'state']);

    await table('expert_panels')
      .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
      .addColumn('batch_id', 'integer', (c) => c.references('batches.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('consensus_rule', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await table('panel_members')
      .addColumn('panel_id', 'integer', (c) => c.notNull().references('expert_panels.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .execute();
    await index('panel_members_unique', 'panel_members', ['panel_id', 'user_id'], true);
    await table('panel_applications')
      .addColumn('panel_id', 'integer', (c) => c.notNull().references('expert_panels.id'))
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull())
      .execute();
    await index('panel_applications_unique', 'panel_applications', ['enterprise_id', 'application_id', 'panel_id'], true);
    await table('expert_reviews')
      .addColumn('panel_id', 'integer', (c) => c.notNull().references('expert_panels.id'))
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull())
      .addColumn('expert_user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('conflict_declared', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('score', 'double precision')
      .addColumn('comment', 'text')
      .addColumn('submitted_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('expert_reviews_unique', 'expert_reviews', ['enterprise_id', 'application_id', 'expert_user_id'], true);

    await table('notices')
      .addColumn('batch_id', 'integer', (c) => c.notNull().references('batches.id'))
      .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
      .addColumn('title_zh', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('opens_on', 'text', (c) => c.notNull())
      .addColumn('closes_on', 'text', (c) => c.notNull())
      .addColumn('day_kind', 'text', (c) => c.notNull())
      .addColumn('days', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await table('notice_entries')
      .addColumn('notice_id', 'integer', (c) => c.notNull().references('notices.id'))
      .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('factory_id', 'integer')
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await index('notice_entries_notice', 'notice_entries', ['notice_id', 'position']);
    await table('objections')
      .addColumn('notice_id', 'integer', (c) => c.notNull().references('notices.id'))
      .addColumn('notice_entry_id', 'integer', (c) => c.notNull().references('notice_entries.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull())
      .addColumn('case_number', 'text', (c) => c.notNull().unique())
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('contact', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('evidence_file_id', 'integer', (c) => c.references('files.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('outcome_note', 'text')
      .addColumn('handled_by', 'integer')
      .addColumn('handled_at', 'text')
      .addColumn('client_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('objections_notice', 'objections', ['notice_id', 'status']);

    await table('list_entries')
      .addColumn('batch_id', 'integer', (c) => c.notNull().references('batches.id'))
      .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id'))
      .addColumn('tier', 'text', (c) => c.notNull())
      .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('factory_id', 'integer')
      .addColumn('application_id', 'integer')
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('province_code', 'text', (c) => c.notNull())
      .addColumn('city_code', 'text', (c) => c.notNull())
      .addColumn('industry_code', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('listed_on', 'text', (c) => c.notNull())
      .addColumn('removed_on', 'text')
      .addColumn('removal_reason', 'text')
      .addColumn('removal_mode', 'text')
      .addColumn('renamed_from', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('list_entries_batch', 'list_entries', ['batch_id', 'status']);
    await index('list_entries_enterprise', 'list_entries', ['enterprise_id']);
    await index('list_entries_filter', 'list_entries', ['status', 'province_code', 'city_code']);

    await table('certificates')
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('list_entry_id', 'integer', (c) => c.notNull().references('list_entries.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('issued_on', 'text', (c) => c.notNull())
      .addColumn('valid_until', 'text')
      .addColumn('revoked_on', 'text')
      .addColumn('revoked_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('certificates_entry', 'certificates', ['enterprise_id', 'list_entry_id'], true);
    await db.schema
      .createTable('signing_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
      .addColumn('algorithm', 'text', (c) => c.notNull())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('private_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('retired_at', 'text')
      .execute();

    await table('dynamic_reports')
      .addColumn('list_entry_id', 'integer', (c) => c.notNull().references('list_entries.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('document', 'text')
      .addColumn('filed_at', 'text')
      .addColumn('flag_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('dynamic_reports_entry_year', 'dynamic_reports', ['enterprise_id', 'list_entry_id', 'year'], true);
    await index('dynamic_reports_status', 'dynamic_reports', ['year', 'status']);

    await table('ehs_events')
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('factory_id', 'integer')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('severity', 'text')
      .addColumn('occurred_on', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('negative_list_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('ehs_events_enterprise', 'ehs_events', ['enterprise_id', 'kind', 'occurred_on']);

  },
};
