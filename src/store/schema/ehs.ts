/** Row types of the EHS register ("Four Zero"), keyed by enterprise. */
import type { DateText, Flag, Id, JsonText, Timestamp } from './column-types.ts';

export interface EhsEventsTable {
  id: Id;
  enterprise_id: number;
  factory_id: number | null;
  kind: string;
  category: string;
  severity: string | null;
  occurred_on: DateText;
  title: string;
  details: JsonText;
  status: string;
  negative_list_until: DateText | null;
  created_at: Timestamp;
}

/** EHS register (0007): LDAR seal points; `medium` is a class of reference/ehs/ldar-leak-thresholds.json. */
export interface EhsSealPointsTable {
  id: Id;
  enterprise_id: number;
  factory_id: number | null;
  tag: string;
  unit: string;
  component_type: string;
  medium: string;
  substance: string;
  location: string;
  status: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EhsInspectionRoundsTable {
  id: Id;
  enterprise_id: number;
  code: string;
  started_on: DateText;
  completed_on: DateText;
  inspector: string;
  instrument: string;
  /** 'form' | 'api' | 'import' | 'seed' */
  source: string;
  created_at: Timestamp;
}

export interface EhsReadingsTable {
  id: Id;
  enterprise_id: number;
  round_id: number;
  seal_point_id: number;
  measured_on: DateText;
  value_umol_per_mol: number;
  background_umol_per_mol: number | null;
  visible_leak: Flag;
  /** The threshold in force when measured, kept so a later change of rule does not rewrite history. */
  threshold_umol_per_mol: number;
  is_leak: Flag;
  created_at: Timestamp;
}

export interface EhsLeaksTable {
  id: Id;
  enterprise_id: number;
  seal_point_id: number;
  reading_id: number;
  detected_on: DateText;
  detected_umol_per_mol: number;
  threshold_umol_per_mol: number;
  first_attempt_due: DateText;
  repair_due: DateText;
  interval_source: string;
  first_attempt_on: DateText | null;
  first_attempt_note: string | null;
  repaired_on: DateText | null;
  remeasured_umol_per_mol: number | null;
  /** 'open' | 'repaired' */
  status: string;
  ehs_event_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EhsHazardsTable {
  id: Id;
  enterprise_id: number;
  found_on: DateText;
  found_by: string;
  location: string;
  description: string;
  /** 'general' | 'major' */
  grade: string;
  /** Situation of 安监总管三〔2017〕121号 ('121-01' … '121-20'), when one applies. */
  criterion_id: string | null;
  owner: string;
  deadline: DateText;
  funds_yuan: number;
  measures: string;
  /** 'open' | 'closed' */
  status: string;
  closed_on: DateText | null;
  closure_note: string | null;
  evidence_file_id: number | null;
  ehs_event_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EhsViolationsTable {
  id: Id;
  enterprise_id: number;
  decided_on: DateText;
  /** 'safety' | 'environment' | 'quality' */
  domain: string;
  authority_name: string;
  decision_number: string;
  basis: string;
  penalty_yuan: number;
  permit_condition: string | null;
  description: string;
  corrective_action: string;
  corrective_deadline: DateText | null;
  corrected_on: DateText | null;
  /** 'open' | 'corrected' */
  status: string;
  ehs_event_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EhsPermitLimitsTable {
  id: Id;
  enterprise_id: number;
  permit_number: string;
  outlet_code: string;
  outlet_name: string;
  /** 'air' | 'water' */
  medium: string;
  pollutant_code: string;
  pollutant_name: string;
  unit: string;
  limit_max: number | null;
  limit_min: number | null;
  standard: string;
  valid_from: DateText;
  valid_until: DateText | null;
  created_at: Timestamp;
}

export interface EhsMonitoringResultsTable {
  id: Id;
  enterprise_id: number;
  permit_limit_id: number;
  sampled_on: DateText;
  /** 'online' | 'manual' */
  method: string;
  value: number;
  /** The limit in force on the day, copied so the exceedance flag can be re-checked. */
  limit_max: number | null;
  limit_min: number | null;
  is_exceedance: Flag;
  explanation: string | null;
  explained_on: DateText | null;
  source: string;
  ehs_event_id: number | null;
  created_at: Timestamp;
}

export interface EhsAccidentsTable {
  id: Id;
  enterprise_id: number;
  occurred_on: DateText;
  /** 'safety' | 'environment' | 'quality' */
  category: string;
  /** 'general' | 'larger' | 'major' | 'especially_major' (environment: Ⅳ/Ⅲ/Ⅱ/Ⅰ级) */
  grade: string;
  title: string;
  description: string;
  deaths: number | null;
  serious_injuries: number | null;
  evacuated: number | null;
  direct_loss_ten_thousand_yuan: number | null;
  reported_to: string;
  negative_list_until: DateText | null;
  ehs_event_id: number | null;
  created_at: Timestamp;
}
