/** Row types of the reference and shared tables: authorities, programmes, frameworks, batches, enterprises, users, annual data, files, news, audit, jobs. */
import type { AuthorityLevel, DateText, Flag, Id, JsonText, Timestamp, Tier } from './column-types.ts';

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

export interface MetaTable {
  key: string;
  value: string;
}
