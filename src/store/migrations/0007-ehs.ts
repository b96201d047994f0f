/**
 * The EHS register ("Three First", "Four Zero"): LDAR seal points, inspection rounds,
 * readings and leaks; hazards with rectification plans; regulatory violations; discharge
 * permit limits and monitoring results; accidents. Every table is keyed by enterprise_id,
 * the distribution column (docs/decisions/003-keyed-for-citus.md), and every index starts
 * with it. Items that matter outside the register also get one `ehs_events` row (0002),
 * the feed the pipeline reads for negative-list vetoes.
 */
import type { Kysely } from 'kysely';
import type { Capabilities } from '../kysely/capabilities.ts';
import { createIndex, tableWithId, type StoreMigration } from './migration.ts';

export const ehs: StoreMigration = {
  name: '0007-ehs',
  async up(db: Kysely<any>, capabilities: Capabilities) {
    const table = (name: string) => tableWithId(db, capabilities, name).addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'));
    const index = (name: string, on: string, columns: string[], unique = false) => createIndex(db, name, on, columns, unique);

    await table('ehs_seal_points')
      .addColumn('factory_id', 'integer', (c) => c.references('factories.id'))
      .addColumn('tag', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('component_type', 'text', (c) => c.notNull())
      .addColumn('medium', 'text', (c) => c.notNull())
      .addColumn('substance', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await index('ehs_seal_points_tag', 'ehs_seal_points', ['enterprise_id', 'tag'], true);
    await index('ehs_seal_points_unit', 'ehs_seal_points', ['enterprise_id', 'unit']);

    await table('ehs_inspection_rounds')
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('started_on', 'text', (c) => c.notNull())
      .addColumn('completed_on', 'text', (c) => c.notNull())
      .addColumn('inspector', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('instrument', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('ehs_inspection_rounds_code', 'ehs_inspection_rounds', ['enterprise_id', 'code'], true);

    await table('ehs_readings')
      .addColumn('round_id', 'integer', (c) => c.notNull().references('ehs_inspection_rounds.id'))
      .addColumn('seal_point_id', 'integer', (c) => c.notNull().references('ehs_seal_points.id'))
      .addColumn('measured_on', 'text', (c) => c.notNull())
      .addColumn('value_umol_per_mol', 'double precision', (c) => c.notNull())
      .addColumn('background_umol_per_mol', 'double precision')
      .addColumn('visible_leak', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('threshold_umol_per_mol', 'double precision', (c) => c.notNull())
      .addColumn('is_leak', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('ehs_readings_point', 'ehs_readings', ['enterprise_id', 'round_id', 'seal_point_id'], true);
    await index('ehs_readings_measured', 'ehs_readings', ['enterprise_id', 'measured_on']);

    await table('ehs_leaks')
      .addColumn('seal_point_id', 'integer', (c) => c.notNull().references('ehs_seal_points.id'))
      .addColumn('reading_id', 'integer', (c) => c.notNull().references('ehs_readings.id'))
      .addColumn('detected_on', 'text', (c) => c.notNull())
      .addColumn('detected_umol_per_mol', 'double precision', (c) => c.notNull())
      .addColumn('threshold_umol_per_mol', 'double precision', (c) => c.notNull())
      .addColumn('first_attempt_due', 'text', (c) => c.notNull())
      .addColumn('repair_due', 'text', (c) => c.notNull())
      .addColumn('interval_source', 'text', (c) => c.notNull())
      .addColumn('first_attempt_on', 'text')
      .addColumn('first_attempt_note', 'text')
      .addColumn('repaired_on', 'text')
      .addColumn('remeasured_umol_per_mol', 'double precision')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('ehs_event_id', 'integer', (c) => c.references('ehs_events.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await index('ehs_leaks_status', 'ehs_leaks', ['enterprise_id', 'status', 'repair_due']);
    await index('ehs_leaks_detected', 'ehs_leaks', ['enterprise_id', 'detected_on']);

    await table('ehs_hazards')
      .addColumn('found_on', 'text', (c) => c.notNull())
      .addColumn('found_by', 'text', (c) => c.notNull())
      .addColumn('location', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('grade', 'text', (c) => c.notNull())
      .addColumn('criterion_id', 'text')
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('funds_yuan', 'double precision', (c) => c.notNull())
      .addColumn('measures', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('closed_on', 'text')
      .addColumn('closure_note', 'text')
      .addColumn('evidence_file_id', 'integer', (c) => c.references('files.id'))
      .addColumn('ehs_event_id', 'integer', (c) => c.references('ehs_events.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await index('ehs_hazards_status', 'ehs_hazards', ['enterprise_id', 'status', 'deadline']);
    await index('ehs_hazards_found', 'ehs_hazards', ['enterprise_id', 'found_on']);

    await table('ehs_violations')
      .addColumn('decided_on', 'text', (c) => c.notNull())
      .addColumn('domain', 'text', (c) => c.notNull())
      .addColumn('authority_name', 'text', (c) => c.notNull())
      .addColumn('decision_number', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('penalty_yuan', 'double precision', (c) => c.notNull())
      .addColumn('permit_condition', 'text')
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('corrective_action', 'text', (c) => c.notNull())
      .addColumn('corrective_deadline', 'text')
      .addColumn('corrected_on', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('ehs_event_id', 'integer', (c) => c.references('ehs_events.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await index('ehs_violations_decided', 'ehs_violations', ['enterprise_id', 'decided_on']);

    await table('ehs_permit_limits')
      .addColumn('permit_number', 'text', (c) => c.notNull())
      .addColumn('outlet_code', 'text', (c) => c.notNull())
      .addColumn('outlet_name', 'text', (c) => c.notNull())
      .addColumn('medium', 'text', (c) => c.notNull())
      .addColumn('pollutant_code', 'text', (c) => c.notNull())
      .addColumn('pollutant_name', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('limit_max', 'double precision')
      .addColumn('limit_min', 'double precision')
      .addColumn('standard', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('valid_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('ehs_permit_limits_key', 'ehs_permit_limits', ['enterprise_id', 'outlet_code', 'pollutant_code', 'valid_from'], true);

    await table('ehs_monitoring_results')
      .addColumn('permit_limit_id', 'integer', (c) => c.notNull().references('ehs_permit_limits.id'))
      .addColumn('sampled_on', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('limit_max', 'double precision')
      .addColumn('limit_min', 'double precision')
      .addColumn('is_exceedance', 'integer', (c) => c.notNull())
      .addColumn('explanation', 'text')
      .addColumn('explained_on', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('ehs_event_id', 'integer', (c) => c.references('ehs_events.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('ehs_monitoring_results_key', 'ehs_monitoring_results', ['enterprise_id', 'permit_limit_id', 'sampled_on', 'method'], true);
    await index('ehs_monitoring_results_exceedance', 'ehs_monitoring_results', ['enterprise_id', 'is_exceedance', 'sampled_on']);

    await table('ehs_accidents')
      .addColumn('occurred_on', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('grade', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('deaths', 'integer')
      .addColumn('serious_injuries', 'integer')
      .addColumn('evacuated', 'integer')
      .addColumn('direct_loss_ten_thousand_yuan', 'double precision')
      .addColumn('reported_to', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('negative_list_until', 'text')
      .addColumn('ehs_event_id', 'integer', (c) => c.references('ehs_events.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index('ehs_accidents_occurred', 'ehs_accidents', ['enterprise_id', 'occurred_on']);
    // The pipeline asks "is this enterprise on the negative list on day X" for every application.
    await index('ehs_events_negative_list', 'ehs_events', ['enterprise_id', 'negative_list_until']);
  },
};
