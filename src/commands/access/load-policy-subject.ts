/**
 * The policy subject a route's path names, for the access check that runs before a
 * handler (src/http/access.ts): the same fields the commands authorize with (region,
 * enterprise, authority, engaged evaluators, panel experts), read without locks.
 * Undefined when there is no such record: the handler then answers 404 in its own words.
 */
import type { Subject } from '../../policies/index.ts';
import { normalizeCertificateNumber } from '../../domain/certificates/certificate-number.ts';
import { loadCertificateIssuer } from '../../store/queries/certificate-status.ts';
import type { Executor } from '../../store/store.ts';
import { applicationSubject } from '../applications/application-records.ts';
import { evaluationSubject } from '../evaluations/evaluation-records.ts';
import { registerSubject } from '../ehs/ehs-register-access.ts';
import { annualDataSubject } from '../annual-data/annual-data-records.ts';
import { listEntrySubject } from '../list-entries/list-entry-records.ts';
import { dynamicReportSubject } from '../dynamic-reports/file-dynamic-report.ts';

type Fields = Omit<Subject, 'type'>;
type Loader = (db: Executor, key: string) => Promise<Fields | undefined>;

const numeric = (key: string): number | undefined => (/^\d{1,12}$/.test(key) ? Number(key) : undefined);

function byId(load: (db: Executor, id: number) => Promise<Fields | undefined>): Loader {
  return async (db, key) => {
    const id = numeric(key);
    return id === undefined ? undefined : load(db, id);
  };
}

async function enterpriseFields(db: Executor, id: number) {
  return db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst();
}

async function listEntryFields(db: Executor, id: number): Promise<Fields | undefined> {
  const entry = await db.selectFrom('list_entries').selectAll().where('id', '=', id).executeTakeFirst();
  return entry === undefined ? undefined : listEntrySubject(entry);
}

async function noticeFields(db: Executor, id: number): Promise<Fields | undefined> {
  const notice = await db.selectFrom('notices').select(['id', 'authority_id']).where('id', '=', id).executeTakeFirst();
  return notice === undefined ? undefined : { id: notice.id, authorityId: notice.authority_id };
}

const LOADERS: Record<string, Loader> = {
  application: byId(async (db, id) => {
    const application = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
    return application === undefined ? undefined : applicationSubject(db, application);
  }),
  evaluation: byId(async (db, id) => {
    const evaluation = await db.selectFrom('evaluations').selectAll().where('id', '=', id).executeTakeFirst();
    const application = evaluation === undefined ? undefined : await db.selectFrom('applications').selectAll().where('id', '=', evaluation.application_id).executeTakeFirst();
    return evaluation === undefined || application === undefined ? undefined : evaluationSubject(evaluation, application);
  }),
  enterprise: byId(async (db, id) => {
    const enterprise = await enterpriseFields(db, id);
    return enterprise === undefined ? undefined : { id: enterprise.id, enterpriseId: enterprise.id, provinceCode: enterprise.province_code, cityCode: enterprise.city_code };
  }),
  'ehs-register': byId(async (db, id) => {
    const enterprise = await enterpriseFields(db, id);
    return enterprise === undefined ? undefined : registerSubject(enterprise);
  }),
  /** Annual data is named by its factory. */
  'annual-data': byId(async (db, id) => {
    const factory = await db.selectFrom('factories').select('enterprise_id').where('id', '=', id).executeTakeFirst();
    const enterprise = factory === undefined ? undefined : await enterpriseFields(db, factory.enterprise_id);
    return enterprise === undefined ? undefined : annualDataSubject(enterprise);
  }),
  'list-entry': byId(listEntryFields),
  /** A declared change or scheduled removal is decided on its list entry. */
  'list-entry-change': byId(async (db, id) => {
    const change = await db.selectFrom('entry_changes').select('list_entry_id').where('id', '=', id).executeTakeFirst();
    return change === undefined ? undefined : listEntryFields(db, change.list_entry_id);
  }),
  notice: byId(noticeFields),
  batch: async (db, key) => {
    const query = db.selectFrom('batches').select(['id', 'authority_id']);
    const batch = await (numeric(key) === undefined ? query.where('slug', '=', key) : query.where('id', '=', numeric(key)!)).executeTakeFirst();
    return batch === undefined ? undefined : { id: batch.id, authorityId: batch.authority_id };
  },
  panel: byId(async (db, id) => {
    const panel = await db.selectFrom('expert_panels').select(['id', 'authority_id']).where('id', '=', id).executeTakeFirst();
    if (panel === undefined) return undefined;
    const members = await db.selectFrom('panel_members').select('user_id').where('panel_id', '=', id).execute();
    return { id: panel.id, authorityId: panel.authority_id, panelExpertUserIds: members.map((m) => m.user_id) };
  }),
  certificate: async (db, key) => {
    const certificate = await db.selectFrom('certificates').select(['id', 'list_entry_id', 'enterprise_id']).where('number', '=', normalizeCertificateNumber(key)).executeTakeFirst();
    if (certificate === undefined) return undefined;
    const issuer = await loadCertificateIssuer(db, certificate.list_entry_id).catch(() => undefined);
    return issuer === undefined ? undefined : { id: certificate.id, enterpriseId: certificate.enterprise_id, ...issuer };
  },
  'dynamic-report': byId(async (db, id) => {
    const report = await db.selectFrom('dynamic_reports').selectAll().where('id', '=', id).executeTakeFirst();
    if (report === undefined) return undefined;
    const { entry: _entry, type: _type, ...fields } = await dynamicReportSubject(db, report);
    return fields;
  }),
};

/** The subject fields of the record `key` names, looked up as `lookup` (a subject type or a named lookup). */
export async function loadPolicySubject(db: Executor, lookup: string, key: string): Promise<Fields | undefined> {
  const loader = LOADERS[lookup];
  if (loader === undefined) throw new Error(`no policy-subject lookup "${lookup}" (src/commands/access/load-policy-subject.ts)`);
  return loader(db, key);
}

/** The lookups routes may name in `config.access.lookup` (or as their subject type with an `id`). */
export const POLICY_SUBJECT_LOOKUPS: readonly string[] = Object.keys(LOADERS);
