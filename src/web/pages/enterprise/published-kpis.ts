/**
 * The KPIs the public enterprise page publishes, from each factory-year's AnnualData
 * through the indicator engine (this file is the page's only adapter to src/engine).
 * A document the engine rejects shows as "not available", never as zero.
 */
import { computeKpis, KPI_DEFINITIONS, parseAnnualData, type KpiName } from '../../../engine/index.ts';

/** Published on the public page: totals, intensities and resource rates (design.md KPI names). */
export const PUBLISHED_KPIS: readonly KpiName[] = [
  'energyTce',
  'co2eT',
  'energyPerValueTcePerTenThousandYuan',
  'co2ePerValueKgPerTenThousandYuan',
  'renewableShare',
  'waterReuseRate',
  'solidWasteUtilizationRate',
  'greenMaterialRate',
  'plotRatio',
];

export interface KpiYear {
  factoryId: number;
  year: number;
  kind: string;
  kpis: Partial<Record<KpiName, number | null>>;
  /** Why the engine could not compute this year, if it could not. */
  error?: string;
}

export interface AnnualDataInput {
  factoryId: number;
  year: number;
  kind: string;
  document: string;
}

/** One row per factory and year; a verified record wins over a declared one for the same year. */
export function publishedKpis(rows: readonly AnnualDataInput[]): KpiYear[] {
  const chosen = new Map<string, AnnualDataInput>();
  for (const row of rows) {
    const key = `${row.factoryId}:${row.year}`;
    const existing = chosen.get(key);
    if (existing === undefined || (existing.kind !== 'verified' && row.kind === 'verified')) chosen.set(key, row);
  }
  return [...chosen.values()]
    .sort((a, b) => a.factoryId - b.factoryId || a.year - b.year)
    .map((row) => {
      try {
        const result = computeKpis(parseAnnualData(JSON.parse(row.document)));
        const kpis: Partial<Record<KpiName, number | null>> = {};
        for (const name of PUBLISHED_KPIS) kpis[name] = result.kpis[name];
        return { factoryId: row.factoryId, year: row.year, kind: row.kind, kpis };
      } catch (error) {
        return { factoryId: row.factoryId, year: row.year, kind: row.kind, kpis: {}, error: error instanceof Error ? error.message : String(error) };
      }
    });
}

export function kpiName(lang: 'zh-CN' | 'en', name: KpiName): string {
  return lang === 'en' ? KPI_DEFINITIONS[name].nameEn : KPI_DEFINITIONS[name].nameZh;
}

export function kpiUnit(name: KpiName): string {
  return KPI_DEFINITIONS[name].unit;
}
