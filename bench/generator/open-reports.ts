/**
 * A synthetic register of open dynamic reports, for the import bench and the crash tests:
 * E listed enterprises (half in 九江, Jiangxi; half in 武汉, Hubei), each with one factory
 * and one national list entry, and a report still due for each of Y years — E × Y open
 * reports (100,000 × 5 = the bench's 500,000). Rows go in as large multi-row inserts with
 * explicit ids. `writeOpenReportCsv` writes the matching dynamic-report CSV v1 file, one
 * row per report with invented but valid figures; `variant` changes every figure, so a
 * second file amends what the first filed.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { composeCreditCode } from '../../src/domain/credit-code/make-credit-code.ts';
import { organisationBody } from './national-enterprises.ts';
import { searchTextOf } from '../../src/domain/enterprises/search-text.ts';
import { seedAuthorities, seedProgrammes, type DemoAuthorities } from '../../src/commands/seed/demo-organisation.ts';
import { now, type Executor, type Store } from '../../src/store/store.ts';

export interface OpenReportSet {
  authorities: DemoAuthorities;
  enterprises: number;
  reports: number;
}

const CITIES = [
  { cityCode: '360400', regionCode: '360425', provinceCode: '360000', place: '九江', placeEn: 'Jiujiang' },
  { cityCode: '420100', regionCode: '420102', provinceCode: '420000', place: '武汉', placeEn: 'Wuhan' },
] as const;

const cityOf = (i: number) => CITIES[i % 2]!;

/** The credit code of enterprise i (0-based) of the set. */
export function openReportCreditCode(i: number): string {
  return composeCreditCode({ regionCode: cityOf(i).regionCode, organizationBody: organisationBody(i + 1) });
}

const CHUNK = 500;

async function insertChunked(db: Executor, table: 'enterprises' | 'factories' | 'list_entries' | 'dynamic_reports', rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
}

/** Seeds the set into a migrated, empty store. */
export async function seedOpenReportSet(store: Store, options: { enterprises: number; years: readonly number[]; onProgress?: (done: number) => void }): Promise<OpenReportSet> {
  const at = now();
  const { authorities, batchId, programmeId } = await store.transaction(async (trx) => {
    const authorities = await seedAuthorities(trx);
    const programmeId = (await seedProgrammes(trx)).get('green_factory')!;
    const batch = await trx
      .insertInto('batches')
      .values({ programme_id: programmeId, authority_id: authorities.national, tier: 'national', slug: 'open-reports-2023', name_zh: '2023年度绿色工厂名单', name_en: 'Green factories, 2023 list', ordinal: null, year: 2023, notice_number: null, framework_id: null, status: 'published', recommend_deadline: null, published_on: '2023-12-26', timeline: '{}', created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { authorities, batchId: batch.id, programmeId };
  });
  const step = 10_000;
  let reportId = 0;
  for (let from = 0; from < options.enterprises; from += step) {
    const to = Math.min(from + step, options.enterprises);
    const enterprises: Record<string, unknown>[] = [];
    const factories: Record<string, unknown>[] = [];
    const entries: Record<string, unknown>[] = [];
    const reports: Record<string, unknown>[] = [];
    for (let i = from; i < to; i++) {
      const city = cityOf(i);
      const id = i + 1;
      const nameZh = `${city.place}绿源${i}新材料有限公司`;
      const nameEn = `${city.placeEn} Lvyuan ${i} New Materials Co., Ltd.`;
      const creditCode = openReportCreditCode(i);
      enterprises.push({ id, credit_code: creditCode, name_zh: nameZh, name_en: nameEn, industry_code: '2614', province_code: city.provinceCode, city_code: city.cityCode, region_code: city.regionCode, address: '', legal_representative: '', search_text: searchTextOf({ nameZh, nameEn, creditCode }), is_demo: 1, created_at: at, updated_at: at });
      factories.push({ id, enterprise_id: id, name_zh: `${nameZh}一厂`, name_en: `${nameEn} Plant 1`, region_code: city.regionCode, address: '', site_area_m2: null, created_at: at });
      entries.push({ id, batch_id: batchId, programme_id: programmeId, tier: 'national', authority_id: authorities.national, enterprise_id: id, factory_id: id, application_id: null, name_zh: nameZh, name_en: nameEn, province_code: city.provinceCode, city_code: city.cityCode, industry_code: '2614', status: 'listed', listed_on: '2023-12-26', removed_on: null, removal_reason: null, removal_mode: null, renamed_from: null, renamed_on: null, created_at: at });
      for (const year of options.years) reports.push({ id: ++reportId, list_entry_id: id, enterprise_id: id, year, due_on: `${year + 1}-04-15`, status: 'due', document: null, filed_at: null, flag_reason: null, created_at: at });
    }
    await store.transaction(async (trx) => {
      await insertChunked(trx, 'enterprises', enterprises);
      await insertChunked(trx, 'factories', factories);
      await insertChunked(trx, 'list_entries', entries);
      await insertChunked(trx, 'dynamic_reports', reports);
    });
    options.onProgress?.(to);
  }
  for (const table of ['enterprises', 'factories', 'list_entries', 'dynamic_reports']) await store.capabilities.resetIdentity(store.db, table);
  return { authorities, enterprises: options.enterprises, reports: reportId };
}

export const OPEN_REPORT_CSV_HEADER = 'credit_code,year,electricity_kwh,raw_coal_t,natural_gas_m3,diesel_t,steam_t,product_name,output_quantity,output_unit,output_value_10k_yuan,site_area_m2,footprint_m2,floor_area_m2,water_withdrawal_m3,water_reused_m3,wastewater_treated_m3,wastewater_reused_m3,solid_waste_generated_t,solid_waste_utilized_t,green_materials_t,materials_total_t,process_emissions_tco2e';

/** One CSV line of the set: enterprise i, one year; `variant` shifts every figure. */
export function openReportCsvLine(i: number, year: number, variant = 0): string {
  const k = (i * 7 + year + variant * 13) % 1000;
  const output = 20_000 + k * 37;
  return `${openReportCreditCode(i)},${year},${1_200_000 + k * 1_501},${800 + k},${150_000 + k * 90},${12.5 + (k % 10)},${k % 3 === 0 ? '' : 2_000 + k},有机硅单体,${output},t,${output * 3},${80_000 + k * 10},${32_000 + k * 4},${64_000 + k * 8},${50_000 + k * 20},${45_000 + k * 18},${9_000 + k},${3_000 + k},${1_500 + k},${1_400 + k},${300 + k},${4_000 + k * 3},${k % 5 === 0 ? 120 : 0}\n`;
}

/** Writes the set's CSV (UTF-8 with BOM, as Excel saves it): one row per enterprise and year. */
export async function writeOpenReportCsv(path: string, options: { enterprises: number; years: readonly number[]; variant?: number }): Promise<{ rows: number; bytes: number }> {
  const out = createWriteStream(path);
  out.write(`\ufeff${OPEN_REPORT_CSV_HEADER}\n`);
  let rows = 0;
  let buffer = '';
  for (let i = 0; i < options.enterprises; i++) {
    for (const year of options.years) {
      buffer += openReportCsvLine(i, year, options.variant);
      rows++;
    }
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await finished(out);
  return { rows, bytes: out.bytesWritten };
}
