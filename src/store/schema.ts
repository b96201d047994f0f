/**
 * Row types of every table, as Kysely sees them. Both databases store the same shapes:
 * timestamps are ISO-8601 UTC text, dates are 'YYYY-MM-DD' text, booleans are 0/1
 * integers and documents are JSON text (see docs/decisions/002-one-schema-two-databases.md).
 *
 * Tables that grow with the number of enterprises carry `enterprise_id`, the future
 * distribution column (docs/decisions/003-keyed-for-citus.md).
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

type Id = Generated<number>;
/** ISO-8601 UTC timestamp text, e.g. 2026-11-30T02:23:56.123Z */
type Timestamp = string;
/** Calendar date text, 'YYYY-MM-DD' (Asia/Shanghai calendar). */
type DateText = string;
/** JSON document stored as text. */
type JsonText = string;
type Flag = number;

export type AuthorityLevel = 'national' | 'province' | 'city';
export type Tier = AuthorityLevel;

export interface AuthoritiesTable {
  id: Id;
  code: string;
  level: AuthorityLevel;
  /** GB/T 2260 code: '000000' for the nation, '360000' for Jiangxi, '360400' for 九江. */
  region_code: string;
  parent_id: number | null;
  name_zh: string;
  name_en: string;
  settings: JsonText;
  created_at: Timestamp;
}

export interface ProgrammesTable {
  id: Id;
  code: string;
  name_zh: string;
  name_en: string;
  /** Programme-specific application fields (JSON schema-ish description). */
  fields: JsonText;
  sort_order: number;
}

export interface FrameworksTable {
  id: string;
  code: string;
  version: string;
  title_zh: string;
  title_en: string;
  content_hash: string;
  document: JsonText;
  pinned_at: Timestamp | null;
  created_at: Timestamp;
}

export interface FactorSetsTable {
  id: string;
  version: string;
  content_hash: string;
  document: JsonText;
  created_at: Timestamp;
}

export interface BatchesTable {
  id: Id;
  programme_id: number;
  authority_id: number;
  tier: Tier;
  slug: string;
  name_zh: string;
  name_en: string;
  ordinal: number | null;
  year: number;
  notice_number: string | null;
  framework_id: string | null;
  status: string;
  recommend_deadline: DateText | null;
  published_on: DateText | null;
  timeline: JsonText;
  created_at: Timestamp;
}

export interface EnterprisesTable {
  id: Id;
  credit_code: string;
  name_zh: string;
  name_en: string;
  industry_code: string;
  province_code: string;
  city_code: string;
  region_code: string;
  address: string;
  legal_representative: string;
  /** Lower-cased name_zh, name_en, credit code and pinyin, for substring search. */
  search_text: string;
  is_demo: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EnterpriseGramsTable {
  gram: string;
  enterprise_id: number;
}

export interface FactoriesTable {
  id: Id;
  enterprise_id: number;
  name_zh: string;
  name_en: string;
  region_code: string;
  address: string;
  site_area_m2: number | null;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Id;
  email: string;
  password_hash: string;
  display_name: string;
  locale: string;
  status: string;
  failed_logins: number;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  created_at: Timestamp;
}

export interface MembershipsTable {
  id: Id;
  user_id: number;
  role: string;
  authority_id: number | null;
  enterprise_id: number | null;
  evaluator_org_id: number | null;
  created_at: Timestamp;
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself lives only in the cookie. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface AnnualDataTable {
  id: Id;
  enterprise_id: number;
  factory_id: number;
  year: number;
  kind: string;
  document: JsonText;
  energy_tce: number | null;
  co2e_t: number | null;
  value_ten_thousand_yuan: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

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

export interface CertificatesTable {
  id: Id;
  number: string;
  list_entry_id: number;
  enterprise_id: number;
  payload: JsonText;
  signature: string;
  key_id: string;
  status: string;
  issued_on: DateText;
  valid_until: DateText | null;
  revoked_on: DateText | null;
  revoked_reason: string | null;
  created_at: Timestamp;
}

export interface SigningKeysTable {
  id: string;
  authority_id: number;
  algorithm: string;
  public_key: string;
  /** Private key, encrypted with the server secret (AES-256-GCM). */
  private_key: string;
  created_at: Timestamp;
  retired_at: Timestamp | null;
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

export interface NewsItemsTable {
  id: Id;
  slug: string;
  lang: string;
  title: string;
  summary: string;
  body: string;
  author: string;
  published_at: Timestamp;
  enterprise_id: number | null;
  province_code: string | null;
  programme_code: string | null;
  is_demo: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ContactMessagesTable {
  id: Id;
  kind: string;
  full_name: string;
  email: string;
  organisation: string | null;
  subject: string;
  body: string;
  lang: string;
  client_key: string;
  reference: string;
  created_at: Timestamp;
  handled_at: Timestamp | null;
}

export interface FilesTable {
  id: Id;
  enterprise_id: number | null;
  sha256: string;
  original_name: string;
  media_type: string;
  size: number;
  storage_key: string;
  created_at: Timestamp;
}

export interface AuditEventsTable {
  id: Id;
  /** Chain: 'enterprise:<id>' for an enterprise's records, 'system' for the rest. */
  stream: string;
  seq: number;
  at: Timestamp;
  actor_user_id: number | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string;
  enterprise_id: number | null;
  data: JsonText;
  prev_hash: string;
  hash: string;
}

export interface AuditStreamsTable {
  stream: string;
  last_seq: number;
  last_hash: string;
}

export interface JobsTable {
  id: Id;
  kind: string;
  payload: JsonText;
  run_at: Timestamp;
  unique_key: string | null;
  status: string;
  attempts: number;
  max_attempts: number;
  claimed_by: string | null;
  claimed_at: Timestamp | null;
  finished_at: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
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

export interface MetaTable {
  key: string;
  value: string;
}

/** An administrator's webhook subscription (migration 0006). */
export interface WebhookSubscriptionsTable {
  id: Id;
  url: string;
  /** HMAC secret, sealed with the server secret (AES-256-GCM). */
  secret: string;
  /** JSON array of event names. */
  events: JsonText;
  description: string;
  active: Flag;
  created_by: number | null;
  created_at: Timestamp;
  deactivated_at: Timestamp | null;
}

/** One attempt to deliver one event to one subscription. */
export interface WebhookDeliveriesTable {
  id: Id;
  subscription_id: number;
  /** Same for every attempt of one delivery (the `x-greenlist-delivery` header). */
  delivery_id: string;
  event: string;
  payload: JsonText;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  at: Timestamp;
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

export interface Database {
  authorities: AuthoritiesTable;
  programmes: ProgrammesTable;
  frameworks: FrameworksTable;
  factor_sets: FactorSetsTable;
  batches: BatchesTable;
  enterprises: EnterprisesTable;
  enterprise_grams: EnterpriseGramsTable;
  factories: FactoriesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  annual_data: AnnualDataTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  evaluator_orgs: EvaluatorOrgsTable;
  evaluations: EvaluationsTable;
  expert_panels: ExpertPanelsTable;
  panel_members: PanelMembersTable;
  panel_applications: PanelApplicationsTable;
  expert_reviews: ExpertReviewsTable;
  notices: NoticesTable;
  notice_entries: NoticeEntriesTable;
  objections: ObjectionsTable;
  list_entries: ListEntriesTable;
  certificates: CertificatesTable;
  signing_keys: SigningKeysTable;
  dynamic_reports: DynamicReportsTable;
  ehs_events: EhsEventsTable;
  news_items: NewsItemsTable;
  contact_messages: ContactMessagesTable;
  files: FilesTable;
  audit_events: AuditEventsTable;
  audit_streams: AuditStreamsTable;
  jobs: JobsTable;
  meta: MetaTable;
  expert_profiles: ExpertProfilesTable;
  entry_changes: EntryChangesTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  ehs_seal_points: EhsSealPointsTable;
  ehs_inspection_rounds: EhsInspectionRoundsTable;
  ehs_readings: EhsReadingsTable;
  ehs_leaks: EhsLeaksTable;
  ehs_hazards: EhsHazardsTable;
  ehs_violations: EhsViolationsTable;
  ehs_permit_limits: EhsPermitLimitsTable;
  ehs_monitoring_results: EhsMonitoringResultsTable;
  ehs_accidents: EhsAccidentsTable;
  imports: ImportsTable;
}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
export type RowUpdate<T extends keyof Database> = Updateable<Database[T]>;
