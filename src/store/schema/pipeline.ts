/** Row types of the programme pipeline: applications and their history, evaluations, expert panels, notices and objections, list entries, dynamic reports, entry changes, imports. */
import type { DateText, Flag, Id, JsonText, Timestamp, Tier } from './column-types.ts';

export interface ApplicationsTable {
  id: Id;
  enterprise_id: number;
  factory_id: number | null;
  programme_id: number;
  batch_id: number | null;
  authority_id: number;
  province_code: string;
  city_code: string;
  target_tier: Tier;
  state: string;
  data_year: number;
  framework_id: string | null;
  score_total: number | null;
  score_document: JsonText | null;
  details: JsonText;
  version: number;
  submitted_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ApplicationEventsTable {
  id: Id;
  application_id: number;
  enterprise_id: number;
  action: string;
  from_state: string;
  to_state: string;
  actor_user_id: number | null;
  actor_role: string;
  reason: string | null;
  at: Timestamp;
}

export interface EvaluatorOrgsTable {
  id: Id;
  name_zh: string;
  name_en: string;
  credit_code: string;
  legal_representative: string;
  /** SHA-256 of the legal representative's ID number: the cap is per person. */
  legal_representative_key: string;
  region_code: string;
  created_at: Timestamp;
}

export interface EvaluationsTable {
  id: Id;
  application_id: number;
  enterprise_id: number;
  kind: string;
  evaluator_org_id: number | null;
  state: string;
  national: Flag;
  year: number;
  conflict_declaration: JsonText | null;
  verified_document: JsonText | null;
  result_document: JsonText | null;
  signed_by: number | null;
  signed_at: Timestamp | null;
  accepted_at: Timestamp | null;
  created_at: Timestamp;
}

export interface ExpertPanelsTable {
  id: Id;
  authority_id: number;
  batch_id: number | null;
  name: string;
  consensus_rule: string;
  created_at: Timestamp;
}

export interface PanelMembersTable {
  id: Id;
  panel_id: number;
  user_id: number;
}

export interface PanelApplicationsTable {
  id: Id;
  panel_id: number;
  application_id: number;
  enterprise_id: number;
}

export interface ExpertReviewsTable {
  id: Id;
  panel_id: number;
  application_id: number;
  enterprise_id: number;
  expert_user_id: number;
  conflict_declared: Flag;
  score: number | null;
  comment: string | null;
  submitted_at: Timestamp | null;
  created_at: Timestamp;
}

export interface NoticesTable {
  id: Id;
  batch_id: number;
  authority_id: number;
  title_zh: string;
  title_en: string;
  opens_on: DateText;
  closes_on: DateText;
  day_kind: string;
  days: number;
  status: string;
  closed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface NoticeEntriesTable {
  id: Id;
  notice_id: number;
  application_id: number | null;
  enterprise_id: number;
  factory_id: number | null;
  name_zh: string;
  status: string;
  position: number;
}

export interface ObjectionsTable {
  id: Id;
  notice_id: number;
  notice_entry_id: number;
  enterprise_id: number;
  case_number: string;
  full_name: string;
  contact: string;
  reason: string;
  evidence_file_id: number | null;
  status: string;
  outcome_note: string | null;
  handled_by: number | null;
  handled_at: Timestamp | null;
  client_key: string;
  created_at: Timestamp;
}

export interface ListEntriesTable {
  id: Id;
  batch_id: number;
  programme_id: number;
  tier: Tier;
  authority_id: number;
  enterprise_id: number;
  factory_id: number | null;
  application_id: number | null;
  name_zh: string;
  name_en: string;
  province_code: string;
  city_code: string;
  industry_code: string;
  status: string;
  listed_on: DateText;
  removed_on: DateText | null;
  removal_reason: string | null;
  removal_mode: string | null;
  renamed_from: string | null;
  renamed_on: DateText | null;
  created_at: Timestamp;
}

export interface DynamicReportsTable {
  id: Id;
  list_entry_id: number;
  enterprise_id: number;
  year: number;
  due_on: DateText;
  status: string;
  document: JsonText | null;
  filed_at: Timestamp | null;
  flag_reason: string | null;
  created_at: Timestamp;
  /** The import that filed or last amended the report (migration 0009); null when filed by hand. */
  import_id: number | null;
}

/** Where an expert comes from (migration 0004): experts may not review their own region's entries. */
export interface ExpertProfilesTable {
  id: Id;
  user_id: number;
  /** GB/T 2260 code of the expert's province or city. */
  region_code: string;
  organisation: string;
  created_at: Timestamp;
}

/** A declared or decided change to a listed entry (migration 0004): removal, rename, boundary change. */
export interface EntryChangesTable {
  id: Id;
  list_entry_id: number;
  enterprise_id: number;
  /** 'removal' | 'rename' | 'boundary_change' */
  kind: string;
  /** Removals: 'annual' (at the next publication) or 'immediate'. */
  mode: string | null;
  reason_code: string | null;
  reason: string | null;
  details: JsonText;
  /** 'requested' | 'approved' | 'rejected' | 'applied' | 'cancelled' */
  status: string;
  requested_by: number | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  applied_on: DateText | null;
  created_at: Timestamp;
}

/** One bulk import of a file (migration 0009): its state, progress counters and first errors. */
export interface ImportsTable {
  id: Id;
  /** 'dynamic-reports' */
  kind: string;
  file_name: string;
  /** Absolute path the job reads: an upload under the data folder, or the file a CLI import named. */
  source_path: string;
  /** 'csv' | 'xlsx' */
  format: string;
  size: number;
  sha256: string | null;
  /** 'queued' | 'running' | 'failed' | 'done' */
  status: string;
  rows_read: number;
  rows_total: number | null;
  bytes_read: number;
  reports_filed: number;
  reports_amended: number;
  reports_unchanged: number;
  error_count: number;
  /** JSON array of { row, column, reason } — the first 1,000; error_count counts them all. */
  errors: JsonText;
  actor_user_id: number | null;
  actor_label: string;
  job_id: number | null;
  /** As-of date for lateness ('YYYY-MM-DD'); null: the day the import is applied. */
  today: DateText | null;
  attempts: number;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  updated_at: Timestamp;
}
