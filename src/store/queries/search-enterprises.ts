/**
 * Enterprise search over names (zh/en), pinyin and credit codes: any substring,
 * including one or two Chinese characters, through the dialect's search capability.
 */
import { normaliseQuery } from '../../domain/enterprises/search-text.ts';
import { findEnterprisesByIds } from '../repositories/enterprises.ts';
import type { Store } from '../store.ts';

export interface EnterpriseHit {
  id: number;
  creditCode: string;
  nameZh: string;
  nameEn: string;
  provinceCode: string;
  cityCode: string;
  industryCode: string;
}

export interface SearchResult {
  query: string;
  items: EnterpriseHit[];
  /** Hits counted up to `countCap`; `totalCapped` says the true number may be larger. */
  total: number;
  totalCapped: boolean;
}

export async function searchEnterprises(store: Store, query: string, options: { limit?: number; offset?: number; countCap?: number } = {}): Promise<SearchResult> {
  const needle = normaliseQuery(query);
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  const offset = Math.max(options.offset ?? 0, 0);
  const countCap = options.countCap ?? 1000;
  if (needle === '') return { query: needle, items: [], total: 0, totalCapped: false };
  const ids = await store.capabilities.searchEnterpriseIds(store.db, needle, limit, offset);
  const rows = await findEnterprisesByIds(store.db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids
    .map((id) => byId.get(id))
    .filter((r) => r !== undefined)
    .map((r) => ({ id: r.id, creditCode: r.credit_code, nameZh: r.name_zh, nameEn: r.name_en, provinceCode: r.province_code, cityCode: r.city_code, industryCode: r.industry_code }));
  const total = offset === 0 && items.length < limit ? items.length : await store.capabilities.countEnterpriseMatches(store.db, needle, countCap);
  return { query: needle, items, total, totalCapped: total >= countCap };
}
