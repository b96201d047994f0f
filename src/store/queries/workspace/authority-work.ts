/**
 * What a reviewing authority works with in the workspace, beyond its application queue:
 * its batches (with how far their applications have come), its notices, the experts it
 * may put on panels, its panels, the entries of its lists and the changes waiting for it.
 * Each takes the authority's id: the callers pass the actor's own.
 */
import { sql } from 'kysely';
import { ACTIVE_ENTRY_STATUSES } from '../../../domain/applications/list-management.ts';
import type { Row } from '../../schema.ts';
import type { Executor } from '../../store.ts';

export interface AuthorityBatch {
  id: number;
  slug: string;
  nameZh: string;
  nameEn: string;
  tier: string;
  year: number;
  status: string;
  frameworkId: string | null;
  noticeNumber: string | null;
  recommendDeadline: string | null;
  publishedOn: string | null;
  programmeCode: string;
  applications: number;
}

export async function authorityBatches(db: Executor, authorityId: number): Promise<AuthorityBatch[]> {
  const rows = await db
    .selectFrom('batches as b')
    .innerJoin('programmes as p', 'p.id', 'b.programme_id')
    .select(['b.id', 'b.slug', 'b.name_zh', 'b.name_en', 'b.tier', 'b.year', 'b.status', 'b.framework_id', 'b.notice_number', 'b.recommend_deadline', 'b.published_on', 'p.code'])
    .select((eb) => eb.selectFrom('applications as a').select(sql<number>`count(*)`.as('n')).whereRef('a.batch_id', '=', 'b.id').where('a.state', '<>', 'draft').as('applications'))
    .where('b.authority_id', '=', authorityId)
    .orderBy('b.year', 'desc')
    .orderBy('b.id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, nameZh: r.name_zh, nameEn: r.name_en, tier: r.tier, year: r.year, status: r.status, frameworkId: r.framework_id, noticeNumber: r.notice_number, recommendDeadline: r.recommend_deadline, publishedOn: r.published_on, programmeCode: r.code, applications: Number(r.applications ?? 0) }));
}

export interface AuthorityNotice {
  id: number;
  batchId: number;
  batchNameZh: string;
  batchNameEn: string;
  titleZh: string;
  titleEn: string;
  opensOn: string;
  closesOn: string;
  status: string;
  entries: number;
  pendingObjections: number;
}

export async function authorityNotices(db: Executor, authorityId: number): Promise<AuthorityNotice[]> {
  const rows = await db
    .selectFrom('notices as n')
    .innerJoin('batches as b', 'b.id', 'n.batch_id')
    .select(['n.id', 'n.batch_id', 'b.name_zh as batch_zh', 'b.name_en as batch_en', 'n.title_zh', 'n.title_en', 'n.opens_on', 'n.closes_on', 'n.status'])
    .select((eb) => eb.selectFrom('notice_entries as ne').select(sql<number>`count(*)`.as('n')).whereRef('ne.notice_id', '=', 'n.id').as('entries'))
    .select((eb) => eb.selectFrom('objections as o').select(sql<number>`count(*)`.as('n')).whereRef('o.notice_id', '=', 'n.id').where('o.status', '=', 'received').as('pending'))
    .where('n.authority_id', '=', authorityId)
    .orderBy('n.opens_on', 'desc')
    .orderBy('n.id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, batchId: r.batch_id, batchNameZh: r.batch_zh, batchNameEn: r.batch_en, titleZh: r.title_zh, titleEn: r.title_en, opensOn: r.opens_on, closesOn: r.closes_on, status: r.status, entries: Number(r.entries ?? 0), pendingObjections: Number(r.pending ?? 0) }));
}

export interface NoticeEntryRow {
  id: number;
  position: number;
  nameZh: string;
  enterpriseId: number;
  applicationId: number | null;
  applicationState: string | null;
  status: string;
}

export async function noticeEntries(db: Executor, noticeId: number): Promise<NoticeEntryRow[]> {
  const rows = await db
    .selectFrom('notice_entries as ne')
    .leftJoin('applications as a', (join) => join.onRef('a.id', '=', 'ne.application_id').onRef('a.enterprise_id', '=', 'ne.enterprise_id'))
    .select(['ne.id', 'ne.position', 'ne.name_zh', 'ne.enterprise_id', 'ne.application_id', 'a.state', 'ne.status'])
    .where('ne.notice_id', '=', noticeId)
    .orderBy('ne.position')
    .execute();
  return rows.map((r) => ({ id: r.id, position: r.position, nameZh: r.name_zh, enterpriseId: r.enterprise_id, applicationId: r.application_id, applicationState: r.state ?? null, status: r.status }));
}

export interface CandidateApplication {
  id: number;
  enterpriseNameZh: string;
  enterpriseNameEn: string;
  provinceCode: string;
  cityCode: string;
  state: string;
  scoreTotal: number | null;
  batchId: number | null;
}

/**
 * Applications an authority may take as a group: those in `state` for its programme, in
 * its region (the nation: every region), not yet tied to another batch.
 */
export async function applicationsInState(db: Executor, input: { state: string; programmeId: number; regionCode: string; level: string; batchId?: number }): Promise<CandidateApplication[]> {
  let query = db
    .selectFrom('applications as a')
    .innerJoin('enterprises as en', 'en.id', 'a.enterprise_id')
    .select(['a.id', 'en.name_zh', 'en.name_en', 'a.province_code', 'a.city_code', 'a.state', 'a.score_total', 'a.batch_id'])
    .where('a.state', '=', input.state)
    .where('a.programme_id', '=', input.programmeId);
  if (input.level === 'province') query = query.where('a.province_code', '=', `${input.regionCode.slice(0, 2)}0000`);
  if (input.level === 'city') query = query.where('a.city_code', '=', `${input.regionCode.slice(0, 4)}00`);
  if (input.batchId !== undefined) query = query.where((eb) => eb.or([eb('a.batch_id', '=', input.batchId!), eb('a.batch_id', 'is', null)]));
  const rows = await query.orderBy('a.id').limit(500).execute();
  return rows.map((r) => ({ id: r.id, enterpriseNameZh: r.name_zh, enterpriseNameEn: r.name_en, provinceCode: r.province_code, cityCode: r.city_code, state: r.state, scoreTotal: r.score_total, batchId: r.batch_id }));
}

export interface ExpertEntry {
  userId: number;
  displayName: string;
  email: string;
  regionCode: string | null;
  organisation: string | null;
}

/** Experts who may sit on the authority's panels (members of it with the expert role). */
export async function expertDirectory(db: Executor, authorityId: number): Promise<ExpertEntry[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('expert_profiles as x', 'x.user_id', 'm.user_id')
    .select(['u.id', 'u.display_name', 'u.email', 'x.region_code', 'x.organisation'])
    .where('m.role', '=', 'expert')
    .where('m.authority_id', '=', authorityId)
    .where('u.status', '=', 'active')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ userId: r.id, displayName: r.display_name, email: r.email, regionCode: r.region_code ?? null, organisation: r.organisation ?? null }));
}

export async function authorityPanels(db: Executor, authorityId: number): Promise<{ id: number; name: string; createdAt: string; members: number; applications: number }[]> {
  const rows = await db
    .selectFrom('expert_panels as p')
    .select(['p.id', 'p.name', 'p.created_at'])
    .select((eb) => eb.selectFrom('panel_members as m').select(sql<number>`count(*)`.as('n')).whereRef('m.panel_id', '=', 'p.id').as('members'))
    .select((eb) => eb.selectFrom('panel_applications as pa').select(sql<number>`count(*)`.as('n')).whereRef('pa.panel_id', '=', 'p.id').as('applications'))
    .where('p.authority_id', '=', authorityId)
    .orderBy('p.id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, members: Number(r.members ?? 0), applications: Number(r.applications ?? 0) }));
}

export interface PublicationPreview {
  batch: Row<'batches'>;
  notice: Row<'notices'> | null;
  /** Entries that will be listed (passed the notice), and those still held by objections. */
  toList: { entryId: number; nameZh: string; enterpriseId: number; applicationId: number | null }[];
  waiting: { entryId: number; nameZh: string; status: string }[];
  removals: { changeId: number; entryId: number; nameZh: string; reason: string | null; batchSlug: string }[];
  renames: { changeId: number; entryId: number; from: string; to: string; batchSlug: string }[];
}

/** What publishing a batch would do (publish-batch.ts): entries added, removals and renames of the same list applied. */
export async function publicationPreview(db: Executor, batchId: number): Promise<PublicationPreview | undefined> {
  const batch = await db.selectFrom('batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (batch === undefined) return undefined;
  const notice = (await db.selectFrom('notices').selectAll().where('batch_id', '=', batch.id).orderBy('id', 'desc').executeTakeFirst()) ?? null;
  const entries = notice === null ? [] : await db.selectFrom('notice_entries').selectAll().where('notice_id', '=', notice.id).orderBy('position').execute();
  const changes = await db
    .selectFrom('entry_changes as c')
    .innerJoin('list_entries as e', (join) => join.onRef('e.id', '=', 'c.list_entry_id').onRef('e.enterprise_id', '=', 'c.enterprise_id'))
    .innerJoin('batches as b', 'b.id', 'e.batch_id')
    .select(['c.id', 'c.kind', 'c.reason', 'c.details', 'e.id as entry_id', 'e.name_zh', 'b.slug'])
    .where('c.status', '=', 'approved')
    .where('e.programme_id', '=', batch.programme_id)
    .where('e.tier', '=', batch.tier)
    .where('e.authority_id', '=', batch.authority_id)
    .where('e.status', 'in', [...ACTIVE_ENTRY_STATUSES])
    .orderBy('c.id')
    .execute();
  return {
    batch,
    notice,
    toList: entries.filter((e) => e.status === 'passed').map((e) => ({ entryId: e.id, nameZh: e.name_zh, enterpriseId: e.enterprise_id, applicationId: e.application_id })),
    waiting: entries.filter((e) => e.status === 'candidate' || e.status === 'objections').map((e) => ({ entryId: e.id, nameZh: e.name_zh, status: e.status })),
    removals: changes.filter((c) => c.kind === 'removal').map((c) => ({ changeId: c.id, entryId: c.entry_id, nameZh: c.name_zh, reason: c.reason, batchSlug: c.slug })),
    renames: changes.filter((c) => c.kind === 'rename').map((c) => ({ changeId: c.id, entryId: c.entry_id, from: c.name_zh, to: String((JSON.parse(c.details) as { nameZh?: string }).nameZh ?? ''), batchSlug: c.slug })),
  };
}

export interface AuthorityEntry {
  id: number;
  nameZh: string;
  batchSlug: string;
  batchNameZh: string;
  batchNameEn: string;
  cityCode: string;
  status: string;
  listedOn: string;
  pendingRemoval: boolean;
}

export async function authorityEntries(db: Executor, authorityId: number, filter: { query?: string; limit?: number; offset?: number } = {}): Promise<{ items: AuthorityEntry[]; total: number }> {
  let query = db.selectFrom('list_entries as e').innerJoin('batches as b', 'b.id', 'e.batch_id').where('e.authority_id', '=', authorityId).where('e.status', 'in', [...ACTIVE_ENTRY_STATUSES]);
  if (filter.query) query = query.where('e.name_zh', 'like', `%${filter.query.replace(/[\\%_]/g, '')}%`);
  const [rows, total] = await Promise.all([
    query
      .select(['e.id', 'e.name_zh', 'b.slug', 'b.name_zh as batch_zh', 'b.name_en as batch_en', 'e.city_code', 'e.status', 'e.listed_on'])
      .select((eb) => eb.selectFrom('entry_changes as c').select(sql<number>`count(*)`.as('n')).whereRef('c.list_entry_id', '=', 'e.id').whereRef('c.enterprise_id', '=', 'e.enterprise_id').where('c.kind', '=', 'removal').where('c.status', '=', 'approved').as('pending'))
      .orderBy('e.id')
      .limit(filter.limit ?? 50)
      .offset(filter.offset ?? 0)
      .execute(),
    query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => ({ id: r.id, nameZh: r.name_zh, batchSlug: r.slug, batchNameZh: r.batch_zh, batchNameEn: r.batch_en, cityCode: r.city_code, status: r.status, listedOn: r.listed_on, pendingRemoval: Number(r.pending ?? 0) > 0 })), total: Number(total.n) };
}

export interface EntryChangeRow {
  id: number;
  entryId: number;
  nameZh: string;
  kind: string;
  mode: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  status: string;
  createdAt: string;
}

/** Changes of the authority's entries: those waiting for a decision, and removals due at the next publication. */
export async function authorityEntryChanges(db: Executor, authorityId: number, statuses: readonly string[]): Promise<EntryChangeRow[]> {
  const rows = await db
    .selectFrom('entry_changes as c')
    .innerJoin('list_entries as e', (join) => join.onRef('e.id', '=', 'c.list_entry_id').onRef('e.enterprise_id', '=', 'c.enterprise_id'))
    .select(['c.id', 'c.list_entry_id', 'e.name_zh', 'c.kind', 'c.mode', 'c.reason', 'c.details', 'c.status', 'c.created_at'])
    .where('e.authority_id', '=', authorityId)
    .where('c.status', 'in', [...statuses])
    .orderBy('c.id', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({ id: r.id, entryId: r.list_entry_id, nameZh: r.name_zh, kind: r.kind, mode: r.mode, reason: r.reason, details: JSON.parse(r.details) as Record<string, unknown>, status: r.status, createdAt: r.created_at }));
}

export interface QuotaRow {
  regionCode: string;
  /** Applications of the region in the batch, by how far they came. */
  inReview: number;
  forwarded: number;
  recommended: number;
  listed: number;
  /** The authority's configured quota for the region, if any ([U]: no national quota is published). */
  quota: number | null;
}

const REVIEW_STATES = ['submitted', 'third_party_evaluation', 'city_review'];
const FORWARDED_STATES = ['province_review', 'provincial_notice', 'provincial_objections', 'provincially_approved', 'provincially_listed'];
const RECOMMENDED_STATES = ['recommended', 'national_expert_review', 'national_notice', 'national_objections', 'nationally_approved'];

/**
 * Per sub-region of the authority (provinces for the ministry, cities for a province):
 * the batch's applications at each stage beside the quota the authority configured in its
 * settings (`quotas`: region code → places). City places are set "按规模以上工业企业数量等因素"
 * (domain.md §3.2); national per-province quotas were not found [U], so none is assumed.
 */
export async function quotaRows(db: Executor, input: { level: string; regionCode: string; batchId: number; quotas: Record<string, number> }): Promise<QuotaRow[]> {
  const column = input.level === 'national' ? 'a.province_code' : 'a.city_code';
  let query = db.selectFrom('applications as a').where('a.batch_id', '=', input.batchId).where('a.state', '<>', 'draft');
  if (input.level === 'province') query = query.where('a.province_code', '=', `${input.regionCode.slice(0, 2)}0000`);
  const rows = await query.select([sql<string>`${sql.ref(column)}`.as('region'), 'a.state', sql<number>`count(*)`.as('n')]).groupBy([column, 'a.state']).execute();
  const byRegion = new Map<string, QuotaRow>();
  for (const code of Object.keys(input.quotas)) byRegion.set(code, { regionCode: code, inReview: 0, forwarded: 0, recommended: 0, listed: 0, quota: input.quotas[code] ?? null });
  for (const row of rows) {
    const entry = byRegion.get(row.region) ?? { regionCode: row.region, inReview: 0, forwarded: 0, recommended: 0, listed: 0, quota: input.quotas[row.region] ?? null };
    const n = Number(row.n);
    if (REVIEW_STATES.includes(row.state)) entry.inReview += n;
    else if (FORWARDED_STATES.includes(row.state)) entry.forwarded += n;
    else if (RECOMMENDED_STATES.includes(row.state)) entry.recommended += n;
    else if (row.state === 'listed') entry.listed += n;
    byRegion.set(row.region, entry);
  }
  return [...byRegion.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
}

/** Every batch, newest first, for filters and pickers (a few dozen rows). */
export async function batchOptions(db: Executor): Promise<{ id: number; nameZh: string; nameEn: string; status: string; authorityId: number; tier: string; programmeId: number }[]> {
  const rows = await db.selectFrom('batches').select(['id', 'name_zh', 'name_en', 'status', 'authority_id', 'tier', 'programme_id']).orderBy('year', 'desc').orderBy('id', 'desc').limit(200).execute();
  return rows.map((r) => ({ id: r.id, nameZh: r.name_zh, nameEn: r.name_en, status: r.status, authorityId: r.authority_id, tier: r.tier, programmeId: r.programme_id }));
}
