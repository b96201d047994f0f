/**
 * Which open reports a row of a dynamic-report file files: credit code → enterprise →
 * its active list entries → their report of the row's year. Looked up a batch of rows at
 * a time (two queries per batch: enterprises by credit code, then entries with their
 * reports), so a 100-row file reads 100 enterprises and a 500,000-row file never holds
 * more than one batch's worth of lookups.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { ACTIVE_ENTRY_STATUSES } from '../../domain/applications/list-management.ts';
import { validateCreditCode } from '../../domain/credit-code/credit-code.ts';
import { gridRegionOfRegion } from '../../domain/reference/grid-regions.ts';
import type { AnnualData } from '../../engine/index.ts';
import { can } from '../../policies/index.ts';
import type { Executor } from '../../store/store.ts';
import type { RowProblem } from './dynamic-report-row.ts';

/** What a row names: the enterprise, the year, and (optionally) the one list entry. */
export interface RowKey {
  creditCode: string;
  year: number;
  listEntryId: number | null;
}

export interface TargetEnterprise {
  id: number;
  gridRegion: AnnualData['gridRegion'];
  /** Active list entries with their report of each year asked for. */
  entries: TargetEntry[];
}

export interface TargetEntry {
  entryId: number;
  factoryId: number | null;
  authorityId: number;
  provinceCode: string;
  cityCode: string;
  /** Reports of this entry by year (only the years of the batch). */
  reports: Map<number, { id: number; dueOn: string; status: string }>;
}

export interface ReportTarget {
  reportId: number;
  entryId: number;
  enterpriseId: number;
  year: number;
  dueOn: string;
  /** The report's status when looked up ('due', 'overdue', 'filed', 'filed_late'). */
  status: string;
}

/** Loads the enterprises named by a batch of rows, with their active entries and reports of the batch's years. */
export async function loadTargets(db: Executor, rows: readonly RowKey[]): Promise<Map<string, TargetEnterprise>> {
  const codes = [...new Set(rows.map((r) => r.creditCode))];
  const years = [...new Set(rows.map((r) => r.year))];
  const found = new Map<string, TargetEnterprise>();
  if (codes.length === 0) return found;
  const enterprises = await db.selectFrom('enterprises').select(['id', 'credit_code', 'region_code']).where('credit_code', 'in', codes).execute();
  const byId = new Map<number, TargetEnterprise>();
  for (const e of enterprises) {
    const target: TargetEnterprise = { id: e.id, gridRegion: gridRegionOfRegion(e.region_code) ?? 'national', entries: [] };
    found.set(e.credit_code, target);
    byId.set(e.id, target);
  }
  if (byId.size === 0) return found;
  const entries = await db
    .selectFrom('list_entries as e')
    .leftJoin('dynamic_reports as r', (join) => join.onRef('r.enterprise_id', '=', 'e.enterprise_id').onRef('r.list_entry_id', '=', 'e.id').on('r.year', 'in', years))
    .select(['e.id as entryId', 'e.enterprise_id as enterpriseId', 'e.status as entryStatus', 'e.factory_id as factoryId', 'e.authority_id as authorityId', 'e.province_code as provinceCode', 'e.city_code as cityCode', 'r.id as reportId', 'r.year as year', 'r.due_on as dueOn', 'r.status as status'])
    // The entry's status is filtered here, not in SQL: with a status condition SQLite's
    // planner prefers the (status, region) index and reads every listed entry per batch.
    .where('e.enterprise_id', 'in', [...byId.keys()])
    // An entry's rows (one per year) come together; in the order of the enterprise index, so without a sort.
    .orderBy('e.enterprise_id')
    .orderBy('e.id')
    .execute();
  for (const row of entries) {
    if (!ACTIVE_ENTRY_STATUSES.includes(row.entryStatus)) continue;
    const enterprise = byId.get(row.enterpriseId)!;
    let entry = enterprise.entries.at(-1);
    if (entry?.entryId !== row.entryId) {
      entry = { entryId: row.entryId, factoryId: row.factoryId, authorityId: row.authorityId, provinceCode: row.provinceCode, cityCode: row.cityCode, reports: new Map() };
      enterprise.entries.push(entry);
    }
    if (row.reportId !== null && row.year !== null) entry.reports.set(row.year, { id: row.reportId, dueOn: row.dueOn!, status: row.status! });
  }
  return found;
}

/** What the import rules look at in an entry. */
export type EntryScope = Pick<TargetEntry, 'authorityId' | 'provinceCode' | 'cityCode'>;

/** Memo of `can(actor, 'import', …)` by the fields the rules look at: one check per region and enterprise, not per row. */
export function importPermission(actor: Actor): (enterpriseId: number, entry: EntryScope) => boolean {
  if (actor.kind === 'system') return () => true;
  const memo = new Map<string, boolean>();
  return (enterpriseId, entry) => {
    const key = `${enterpriseId}|${entry.authorityId}|${entry.provinceCode}|${entry.cityCode}`;
    let allowed = memo.get(key);
    if (allowed === undefined) {
      allowed = can(actor, 'import', { type: 'dynamic-report', enterpriseId, authorityId: entry.authorityId, provinceCode: entry.provinceCode, cityCode: entry.cityCode });
      if (memo.size > 100_000) memo.clear();
      memo.set(key, allowed);
    }
    return allowed;
  };
}

/**
 * The reports one row files, or the problem with it: an unknown or malformed credit code,
 * an enterprise on no list, no report open for the year, an ambiguous row (several listed
 * factories and no list_entry_id), or a report outside the actor's scope.
 */
export function targetsOfRow(row: RowKey, enterprise: TargetEnterprise | undefined, allowed: (enterpriseId: number, entry: EntryScope) => boolean): ReportTarget[] | RowProblem {
  if (enterprise === undefined) {
    const check = validateCreditCode(row.creditCode);
    return { column: 'credit_code', reason: check.ok ? `no enterprise with credit code ${row.creditCode} / 无此统一社会信用代码的企业` : `${check.reasonEn} / ${check.reason}` };
  }
  if (enterprise.entries.length === 0) return { column: 'credit_code', reason: `${row.creditCode} is on no current list / 该企业不在现行名单中` };
  let entries = enterprise.entries;
  if (row.listEntryId !== null) {
    entries = entries.filter((e) => e.entryId === row.listEntryId);
    if (entries.length === 0) return { column: 'list_entry_id', reason: `list entry ${row.listEntryId} is not a current entry of ${row.creditCode} / 名单条目编号与企业不符` };
  }
  const open = entries.filter((e) => e.reports.has(row.year));
  if (open.length === 0) return { column: 'year', reason: `no dynamic report is open for ${row.year} / 未开放${row.year}年度动态管理表` };
  if (new Set(open.map((e) => e.factoryId).filter((f) => f !== null)).size > 1) {
    return { column: 'list_entry_id', reason: `several listed factories; give list_entry_id (${open.map((e) => e.entryId).join(', ')}) / 该企业有多个入选工厂，请填写名单条目编号` };
  }
  if (open.some((e) => !allowed(enterprise.id, e))) return { column: 'credit_code', reason: 'not allowed to file this enterprise’s report (role or region) / 无权导入该企业的动态管理表（角色或地区不符）' };
  return open.map((e) => {
    const report = e.reports.get(row.year)!;
    return { reportId: report.id, entryId: e.entryId, enterpriseId: enterprise.id, year: row.year, dueOn: report.dueOn, status: report.status };
  });
}
