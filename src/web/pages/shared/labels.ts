/**
 * Names the public pages print for codes: regions (GB/T 2260), industries (GB/T 4754),
 * programmes, tiers and statuses, in the page's language. Reference data carries its own
 * zh/en names; fixed words come from the catalogues.
 */
import { findProgramme } from '../../../domain/programmes/programmes.ts';
import { findCity, findProvince, regionDisplayName } from '../../../domain/reference/regions.ts';
import { findIndustry } from '../../../domain/reference/industries.ts';
import { CATALOGUES, type Translate } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/language.ts';

export function provinceLabel(lang: Lang, code: string): string {
  const province = findProvince(code);
  return province === undefined ? code : lang === 'en' ? province.nameEn : province.nameZh;
}

export function cityLabel(lang: Lang, code: string): string {
  const city = findCity(code);
  return city === undefined ? provinceLabel(lang, code) : lang === 'en' ? city.nameEn : city.nameZh;
}

/** 江西省九江市 / Jiujiang, Jiangxi, from a city (or any region) code. */
export function regionLabel(lang: Lang, code: string): string {
  try {
    return regionDisplayName(code, lang === 'en' ? 'en' : 'zh');
  } catch {
    return code;
  }
}

/** The class's name where the reference has it, else its division's, with the code. */
export function industryLabel(lang: Lang, code: string): string {
  const industry = findIndustry(code) ?? findIndustry(code.slice(0, 2));
  if (industry === undefined) return code;
  return `${lang === 'en' ? industry.nameEn : industry.nameZh} (${code})`;
}

export function programmeLabel(lang: Lang, code: string): string {
  const programme = findProgramme(code);
  return programme === undefined ? code : lang === 'en' ? programme.nameEn : programme.nameZh;
}

/** A catalogue word for a status or tier, falling back to the raw value for one the catalogue does not know. */
export function wordFor(t: Translate, lang: Lang, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return CATALOGUES[lang].has(key) ? t(key) : value;
}

/** '2026-03-18' or an ISO timestamp → 2026年3月18日 / 18 March 2026 (Asia/Shanghai for timestamps). */
export function formatDate(lang: Lang, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = value.length === 10 ? new Date(`${value}T00:00:00Z`) : new Date(new Date(value).getTime() + 8 * 3_600_000);
  if (Number.isNaN(date.getTime())) return value;
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  if (lang === 'en') return `${d} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]} ${y}`;
  return `${y}年${m}月${d}日`;
}

/** Name in the page's language, falling back to Chinese when there is no English name. */
export function nameIn(lang: Lang, nameZh: string, nameEn: string | null | undefined): string {
  return lang === 'en' && nameEn ? nameEn : nameZh;
}
