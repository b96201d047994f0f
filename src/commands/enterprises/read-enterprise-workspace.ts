/**
 * The enterprise's own corner of the workspace: its profile and factories, each factory's
 * declared years (with the indexed energy and CO2 figures), its applications, its listed
 * entries and dynamic reports, and the open batches it may apply to (the ministry's and
 * its own province's).
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { notFound } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';

export interface FactoryYears {
  factory: Row<'factories'>;
  years: { year: number; energyTce: number | null; co2eT: number | null; valueTenThousandYuan: number | null; updatedAt: string }[];
}

export interface EnterpriseWorkspace {
  enterprise: Row<'enterprises'>;
  factories: FactoryYears[];
  applications: { id: number; state: string; targetTier: string; dataYear: number; batchNameZh: string | null; batchNameEn: string | null; scoreTotal: number | null; updatedAt: string; factoryId: number | null }[];
  entries: { id: number; nameZh: string; tier: string; status: string; listedOn: string; batchNameZh: string; batchNameEn: string }[];
  reports: { id: number; entryId: number; year: number; dueOn: string; status: string; filedAt: string | null; flagReason: string | null }[];
  openBatches: { id: number; nameZh: string; nameEn: string; tier: string; year: number; recommendDeadline: string | null; programmeCode: string }[];
}

export async function readEnterpriseWorkspace(store: Store, actor: Actor, enterpriseId: number): Promise<EnterpriseWorkspace> {
  const db = store.db;
  const enterprise = await db.selectFrom('enterprises').selectAll().where('id', '=', enterpriseId).executeTakeFirst();
  if (enterprise === undefined) throw notFound(`enterprise ${enterpriseId}`);
  authorize(actor, 'read', { type: 'enterprise', enterpriseId: enterprise.id, provinceCode: enterprise.province_code, cityCode: enterprise.city_code });
  const [factories, years, applications, entries, reports, openBatches] = await Promise.all([
    db.selectFrom('factories').selectAll().where('enterprise_id', '=', enterprise.id).orderBy('id').execute(),
    db.selectFrom('annual_data').select(['factory_id', 'year', 'energy_tce', 'co2e_t', 'value_ten_thousand_yuan', 'updated_at']).where('enterprise_id', '=', enterprise.id).where('kind', '=', 'declared').orderBy('year', 'desc').execute(),
    db.selectFrom('applications as a').leftJoin('batches as b', 'b.id', 'a.batch_id').select(['a.id', 'a.state', 'a.target_tier', 'a.data_year', 'b.name_zh', 'b.name_en', 'a.score_total', 'a.updated_at', 'a.factory_id']).where('a.enterprise_id', '=', enterprise.id).orderBy('a.id', 'desc').execute(),
    db.selectFrom('list_entries as e').innerJoin('batches as b', 'b.id', 'e.batch_id').select(['e.id', 'e.name_zh', 'e.tier', 'e.status', 'e.listed_on', 'b.name_zh as batch_zh', 'b.name_en as batch_en']).where('e.enterprise_id', '=', enterprise.id).orderBy('e.listed_on', 'desc').execute(),
    db.selectFrom('dynamic_reports').select(['id', 'list_entry_id', 'year', 'due_on', 'status', 'filed_at', 'flag_reason']).where('enterprise_id', '=', enterprise.id).orderBy('year', 'desc').orderBy('id').execute(),
    db
      .selectFrom('batches as b')
      .innerJoin('authorities as au', 'au.id', 'b.authority_id')
      .innerJoin('programmes as p', 'p.id', 'b.programme_id')
      .select(['b.id', 'b.name_zh', 'b.name_en', 'b.tier', 'b.year', 'b.recommend_deadline', 'p.code'])
      .where('b.status', '=', 'open')
      .where((eb) => eb.or([eb('au.level', '=', 'national'), eb('au.region_code', '=', enterprise.province_code)]))
      .orderBy('b.year', 'desc')
      .orderBy('b.id')
      .execute(),
  ]);
  return {
    enterprise,
    factories: factories.map((factory) => ({ factory, years: years.filter((y) => y.factory_id === factory.id).map((y) => ({ year: y.year, energyTce: y.energy_tce, co2eT: y.co2e_t, valueTenThousandYuan: y.value_ten_thousand_yuan, updatedAt: y.updated_at })) })),
    applications: applications.map((a) => ({ id: a.id, state: a.state, targetTier: a.target_tier, dataYear: a.data_year, batchNameZh: a.name_zh ?? null, batchNameEn: a.name_en ?? null, scoreTotal: a.score_total, updatedAt: a.updated_at, factoryId: a.factory_id })),
    entries: entries.map((e) => ({ id: e.id, nameZh: e.name_zh, tier: e.tier, status: e.status, listedOn: e.listed_on, batchNameZh: e.batch_zh, batchNameEn: e.batch_en })),
    reports: reports.map((r) => ({ id: r.id, entryId: r.list_entry_id, year: r.year, dueOn: r.due_on, status: r.status, filedAt: r.filed_at, flagReason: r.flag_reason })),
    openBatches: openBatches.map((b) => ({ id: b.id, nameZh: b.name_zh, nameEn: b.name_en, tier: b.tier, year: b.year, recommendDeadline: b.recommend_deadline, programmeCode: b.code })),
  };
}
