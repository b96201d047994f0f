/**
 * Reads the list filters from a query string (pages and the JSON API share it). Values
 * the reference data does not know are dropped and reported, so a stale bookmark still
 * opens a page, and the API can answer 400 naming the field.
 */
import { findProgramme } from '../../domain/programmes/programmes.ts';
import { findCity, findProvince } from '../../domain/reference/regions.ts';
import { findIndustry, normalizeIndustryCode } from '../../domain/reference/industries.ts';
import { LIST_SORTS, type ListFilter, type ListPaging, type ListSort } from '../../store/queries/public-lists.ts';
import type { Tier } from '../../store/schema.ts';

export const TIERS: readonly Tier[] = ['national', 'province', 'city'];
export const PAGE_SIZE = 50;
export const MAX_PAGE = 10_000;

export interface ListQuery {
  filter: ListFilter;
  paging: ListPaging;
  /** The accepted values as strings, to refill the form and build links. */
  values: Record<string, string>;
  /** Names of parameters that were given but not understood. */
  rejected: string[];
}

function one(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === null) return undefined;
  const text = String(first).trim();
  return text === '' ? undefined : text;
}

export function readListQuery(query: Record<string, unknown>, options: { pageSize?: number } = {}): ListQuery {
  const values: Record<string, string> = {};
  const rejected: string[] = [];
  const filter: ListFilter = {};
  const accept = (name: string, value: string | undefined, valid: boolean): boolean => {
    if (value === undefined) return false;
    if (!valid) {
      rejected.push(name);
      return false;
    }
    values[name] = value;
    return true;
  };
  const province = one(query, 'province');
  if (accept('province', province, province !== undefined && findProvince(province) !== undefined)) filter.provinceCode = province;
  const city = one(query, 'city');
  if (accept('city', city, city !== undefined && findCity(city) !== undefined && (filter.provinceCode === undefined || city.slice(0, 2) === filter.provinceCode.slice(0, 2)))) filter.cityCode = city;
  const industryRaw = one(query, 'industry');
  const industry = industryRaw === undefined ? undefined : normalizeIndustryCode(industryRaw);
  if (accept('industry', industryRaw === undefined ? undefined : (industry ?? industryRaw), industry !== undefined && (findIndustry(industry) !== undefined || /^\d{4}$/.test(industry)))) filter.industryCode = industry;
  const programme = one(query, 'programme');
  if (accept('programme', programme, programme !== undefined && findProgramme(programme) !== undefined)) filter.programmeCode = programme;
  const year = one(query, 'year');
  if (accept('year', year, year !== undefined && /^(19|20)\d{2}$/.test(year))) filter.year = Number(year);
  const tier = one(query, 'tier');
  if (accept('tier', tier, tier !== undefined && (TIERS as readonly string[]).includes(tier))) filter.tier = tier as Tier;

  // The /lists page shows the latest batches; `batches=all` shows every one.
  const batches = one(query, 'batches');
  accept('batches', batches, batches === 'all');

  const sortRaw = one(query, 'sort');
  const sort: ListSort = sortRaw !== undefined && (LIST_SORTS as readonly string[]).includes(sortRaw) ? (sortRaw as ListSort) : 'listed';
  if (sortRaw !== undefined && sort !== sortRaw) rejected.push('sort');
  if (sortRaw !== undefined && sort === sortRaw) values.sort = sort;
  const directionRaw = one(query, 'dir');
  const defaultDirection = sort === 'listed' ? 'desc' : 'asc';
  const direction = directionRaw === 'asc' || directionRaw === 'desc' ? directionRaw : defaultDirection;
  if (directionRaw !== undefined && directionRaw !== direction) rejected.push('dir');
  if (directionRaw === direction) values.dir = direction;
  const pageRaw = one(query, 'page');
  const page = pageRaw !== undefined && /^\d{1,6}$/.test(pageRaw) && Number(pageRaw) >= 1 ? Math.min(Number(pageRaw), MAX_PAGE) : 1;
  if (pageRaw !== undefined && String(page) !== pageRaw) rejected.push('page');
  return { filter, paging: { page, pageSize: options.pageSize ?? PAGE_SIZE, sort, direction }, values, rejected };
}

/** A query string from values (empty ones dropped), e.g. for pagination links. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : '?' + text;
}
