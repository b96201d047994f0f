/**
 * The programme's data model: every concept of design.md, on both databases.
 * Tables that grow with enterprises carry enterprise_id and an index that starts with it
 * (the Citus distribution column, docs/decisions/003-keyed-for-citus.md).
 */
import type { Kysely } from 'kysely';
import type { Capabilities } from '../kysely/capabilities.ts';
import { createIndex, tableWithId, type StoreMigration } from './migration.ts';

export const foundation: StoreMigration = {
  name: '0001-foundation',
  async up(db: Kysely<any>, capabilities: Capabilities) {
    const table = (name: string) => tableWithId(db, capabilities, name);
    const index = (name: string, on: string, columns: string[], unique = false) => createIndex(db, name, on, columns, unique);

    await table('authorities')
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('region_code', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'integer', (c) => c.references('authorities.id'))
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('authorities_region', 'authorities', ['region_code']);

    await table('programmes')
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    for (const name of ['frameworks', 'factor_sets']) {
      let builder = db.schema
        .createTable(name)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull());
      if (name === 'frameworks') {
        builder = builder
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('title_zh', 'text', (c) => c.notNull())
          .addColumn('title_en', 'text', (c) => c.notNull())
          .addColumn('pinned_at', 'text');
      }
      await builder.execute();
    }

    await table('batches')
      .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id'))
      .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
      .addColumn('tier', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('ordinal', 'integer')
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('notice_number', 'text')
      .addColumn('framework_id', 'text', (c) => c.references('frameworks.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('recommend_deadline', 'text')
      .addColumn('published_on', 'text')
      .addColumn('timeline', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('batches_programme', 'batches', ['programme_id', 'tier', 'year']);

    await table('enterprises')
      .addColumn('credit_code', 'text', (c) => c.notNull().unique())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('industry_code', 'text', (c) => c.notNull())
      .addColumn('province_code', 'text', (c) => c.notNull())
      .addColumn('city_code', 'text', (c) => c.notNull())
      .addColumn('region_code', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('legal_representative', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await index('enterprises_region', 'enterprises', ['province_code', 'city_code']);
    await index('enterprises_industry', 'enterprises', ['industry_code']);
    await capabilities.createSearchIndex(db);

    await table('factories')
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('region_code', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('site_area_m2', 'double precision')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('factories_enterprise', 'factories', ['enterprise_id']);

    await table('users')
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('last_login_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await table('evaluator_orgs')
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('credit_code', 'text', (c) => c.notNull().unique())
      .addColumn('legal_representative', 'text', (c) => c.notNull())
      .addColumn('legal_representative_key', 'text', (c) => c.notNull())
      .addColumn('region_code', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('evaluator_orgs_legal_representative', 'evaluator_orgs', ['legal_representative_key']);

    await table('memberships')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('authority_id', 'integer', (c) => c.references('authorities.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
      .addColumn('evaluator_org_id', 'integer', (c) => c.references('evaluator_orgs.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('memberships_user', 'memberships', ['user_id']);

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();
    await index('sessions_user', 'sessions', ['user_id']);

    await table('annual_data')
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('factory_id', 'integer', (c) => c.notNull().references('factories.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('energy_tce', 'double precision')
      .addColumn('co2e_t', 'double precision')
      .addColumn('value_ten_thousand_yuan', 'double precision')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await index('annual_data_factory_year', 'annual_data', ['enterprise_id', 'factory_id', 'year', 'kind'], true);

    await table('files')
      .addColumn('enterprise_id', 'integer')
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('original_name', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('storage_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await table('news_items')
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
      .addColumn('province_code', 'text')
      .addColumn('programme_code', 'text')
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await index('news_items_published', 'news_items', ['lang', 'published_at']);

    await table('contact_messages')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('organisation', 'text')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('client_key', 'text', (c) => c.notNull())
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('handled_at', 'text')
      .execute();

    await table('audit_events')
      .addColumn('stream', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'integer')
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('enterprise_id', 'integer')
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await index('audit_events_stream_seq', 'audit_events', ['stream', 'seq'], true);
    await index('audit_events_subject', 'audit_events', ['subject_type', 'subject_id']);
    await db.schema
      .createTable('audit_streams')
      .addColumn('stream', 'text', (c) => c.primaryKey())
      .addColumn('last_seq', 'integer', (c) => c.notNull())
      .addColumn('last_hash', 'text', (c) => c.notNull())
      .execute();

    await table('jobs')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('run_at', 'text', (c) => c.notNull())
      .addColumn('unique_key', 'text', (c) => c.unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
      .addColumn('claimed_by', 'text')
      .addColumn('claimed_at', 'text')
      .addColumn('finished_at', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('jobs_due', 'jobs', ['status', 'run_at']);

    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
};
