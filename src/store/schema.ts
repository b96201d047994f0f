/**
 * Row types of every table, as Kysely sees them, gathered into one Database. The table
 * interfaces live by area under schema/; both databases store the same shapes (see
 * schema/column-types.ts). Tables that grow with enterprises carry `enterprise_id`, the
 * future distribution column (docs/decisions/003-keyed-for-citus.md).
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { AuthoritiesTable, ProgrammesTable, FrameworksTable, FactorSetsTable, BatchesTable, EnterprisesTable, EnterpriseGramsTable, FactoriesTable, UsersTable, MembershipsTable, SessionsTable, AnnualDataTable, NewsItemsTable, ContactMessagesTable, FilesTable, AuditEventsTable, AuditStreamsTable, JobsTable, MetaTable } from './schema/core.ts';
import type { ApplicationsTable, ApplicationEventsTable, EvaluatorOrgsTable, EvaluationsTable, ExpertPanelsTable, PanelMembersTable, PanelApplicationsTable, ExpertReviewsTable, NoticesTable, NoticeEntriesTable, ObjectionsTable, ListEntriesTable, DynamicReportsTable, ExpertProfilesTable, EntryChangesTable, ImportsTable } from './schema/pipeline.ts';
import type { CertificatesTable, SigningKeysTable, WebhookSubscriptionsTable, WebhookDeliveriesTable } from './schema/certificates.ts';
import type { EhsEventsTable, EhsSealPointsTable, EhsInspectionRoundsTable, EhsReadingsTable, EhsLeaksTable, EhsHazardsTable, EhsViolationsTable, EhsPermitLimitsTable, EhsMonitoringResultsTable, EhsAccidentsTable } from './schema/ehs.ts';

export type { AuthorityLevel, Tier } from './schema/column-types.ts';
export type { AuthoritiesTable, ProgrammesTable, FrameworksTable, FactorSetsTable, BatchesTable, EnterprisesTable, EnterpriseGramsTable, FactoriesTable, UsersTable, MembershipsTable, SessionsTable, AnnualDataTable, NewsItemsTable, ContactMessagesTable, FilesTable, AuditEventsTable, AuditStreamsTable, JobsTable, MetaTable } from './schema/core.ts';
export type { ApplicationsTable, ApplicationEventsTable, EvaluatorOrgsTable, EvaluationsTable, ExpertPanelsTable, PanelMembersTable, PanelApplicationsTable, ExpertReviewsTable, NoticesTable, NoticeEntriesTable, ObjectionsTable, ListEntriesTable, DynamicReportsTable, ExpertProfilesTable, EntryChangesTable, ImportsTable } from './schema/pipeline.ts';
export type { CertificatesTable, SigningKeysTable, WebhookSubscriptionsTable, WebhookDeliveriesTable } from './schema/certificates.ts';
export type { EhsEventsTable, EhsSealPointsTable, EhsInspectionRoundsTable, EhsReadingsTable, EhsLeaksTable, EhsHazardsTable, EhsViolationsTable, EhsPermitLimitsTable, EhsMonitoringResultsTable, EhsAccidentsTable } from './schema/ehs.ts';

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
