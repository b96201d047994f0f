/**
 * Choosing the grid factor and the electricity 等价值 for a data year. Rule: the factor of
 * the data's year; when that year has no published factor, the latest earlier year that
 * has one, and the result says so in a note. Within the chosen year the data's region is
 * used, or the national factor when that year publishes no regional value (noted too).
 */
import type { FactorSetFile, GridRegion } from './factor-set-schema.ts';
import type { FactorUse } from './factor-set.ts';

export const REGION_NAMES: Readonly<Record<GridRegion, { zh: string; en: string }>> = {
  national: { zh: '全国', en: 'national' },
  north: { zh: '华北', en: 'north' },
  northeast: { zh: '东北', en: 'northeast' },
  east: { zh: '华东', en: 'east' },
  central: { zh: '华中', en: 'central' },
  northwest: { zh: '西北', en: 'northwest' },
  south: { zh: '南方', en: 'south' },
  southwest: { zh: '西南', en: 'southwest' },
};

export type GridResolution =
  | { readonly found: true; readonly kgCo2PerKwh: number; readonly year: number; readonly region: GridRegion; readonly seriesId: string; readonly factor: FactorUse; readonly note: string | null }
  | { readonly found: false; readonly seriesId: string; readonly note: string };

export type EquivalentResolution =
  | { readonly found: true; readonly kgcePerKwh: number; readonly year: number; readonly factor: FactorUse; readonly note: string | null }
  | { readonly found: false; readonly note: string };

type Series = FactorSetFile['grid']['series'][number];

export function resolveGridFactor(series: Series, year: number, region: GridRegion): GridResolution {
  const years = [...new Set(series.factors.map((factor) => factor.year))].filter((candidate) => candidate <= year).sort((a, b) => b - a);
  const chosenYear = years[0];
  if (chosenYear === undefined) {
    return { found: false, seriesId: series.id, note: `电网排放因子：${series.nameZh}在${year}年及以前无已发布值 / Grid factor: series "${series.nameEn}" has no factor for ${year} or any earlier year` };
  }
  const exact = series.factors.find((factor) => factor.year === chosenYear && factor.region === region);
  const chosen = exact ?? series.factors.find((factor) => factor.year === chosenYear && factor.region === 'national');
  if (!chosen) {
    return { found: false, seriesId: series.id, note: `电网排放因子：${chosenYear}年无${REGION_NAMES[region].zh}或全国值 / Grid factor: ${chosenYear} has neither a ${region} nor a national value in "${series.nameEn}"` };
  }
  const notes: string[] = [];
  if (chosenYear !== year) {
    notes.push(`电网排放因子：${year}年无已发布值，采用最近的较早年份${chosenYear}年 / Grid factor: no published factor for ${year}; used the latest earlier year ${chosenYear}`);
  }
  if (!exact) {
    notes.push(`电网排放因子：${chosenYear}年未发布${REGION_NAMES[region].zh}区域值，采用全国值 / Grid factor: no ${region} regional value for ${chosenYear}; used the national value`);
  }
  const factor: FactorUse = {
    id: `grid.${series.id}.${chosen.year}.${chosen.region}`,
    nameZh: `${chosen.year}年${REGION_NAMES[chosen.region].zh}电网排放因子（${series.nameZh}）`,
    nameEn: `${chosen.year} ${chosen.region} grid factor (${series.nameEn})`,
    value: chosen.value, unit: series.unit, source: chosen.source, tag: chosen.tag,
    ...(chosen.note === undefined ? {} : { note: chosen.note }),
  };
  return { found: true, kgCo2PerKwh: chosen.value, year: chosen.year, region: chosen.region, seriesId: series.id, factor, note: notes.length > 0 ? notes.join('; ') : null };
}

export function resolveElectricityEquivalent(values: FactorSetFile['electricityEquivalent']['values'], year: number): EquivalentResolution {
  const chosen = values.filter((entry) => entry.year <= year).sort((a, b) => b.year - a.year)[0];
  if (!chosen) {
    return { found: false, note: `电力等价值：${year}年及以前无数据 / Electricity equivalent value: none for ${year} or any earlier year` };
  }
  const factor: FactorUse = {
    id: `electricity.equivalent.${chosen.year}`, nameZh: `${chosen.year}年电力等价值（供电标准煤耗）`, nameEn: `${chosen.year} electricity equivalent value (net coal consumption of supply)`,
    value: chosen.value, unit: 'kgce/kWh', source: chosen.source, tag: chosen.tag, ...(chosen.note === undefined ? {} : { note: chosen.note }),
  };
  const note = chosen.year === year ? null
    : `电力等价值：${year}年无数据，采用最近的较早年份${chosen.year}年 / Electricity equivalent value: none for ${year}; used the latest earlier year ${chosen.year}`;
  return { found: true, kgcePerKwh: chosen.value, year: chosen.year, factor, note };
}
