/** What the public JSON API shows of enterprises and news: exactly the fields the public pages show. */
import type { EnterpriseProfile } from '../../store/queries/enterprise-profile.ts';
import type { NewsItem, NewsSummary } from '../../store/queries/public-news.ts';
import type { KpiYear } from '../../web/pages/enterprise/published-kpis.ts';

export function presentEnterpriseProfile(profile: EnterpriseProfile, kpis: KpiYear[], publicUrl: string) {
  const e = profile.enterprise;
  return {
    id: e.id,
    creditCode: e.creditCode,
    nameZh: e.nameZh,
    nameEn: e.nameEn,
    industryCode: e.industryCode,
    provinceCode: e.provinceCode,
    cityCode: e.cityCode,
    regionCode: e.regionCode,
    address: e.address,
    isDemo: e.isDemo,
    url: `${publicUrl}/enterprises/${e.id}`,
    factories: profile.factories,
    listings: profile.listings.map((l) => ({ entryId: l.entryId, batch: l.batchSlug, batchNameZh: l.batchNameZh, batchNameEn: l.batchNameEn, programme: l.programmeCode, tier: l.tier, status: l.status, listedOn: l.listedOn, removedOn: l.removedOn, removalReason: l.removalReason, removalMode: l.removalMode, renamedFrom: l.renamedFrom, renamedOn: l.renamedOn })),
    certificates: profile.certificates.map((c) => ({ number: c.number, status: c.status, issuedOn: c.issuedOn, validUntil: c.validUntil, revokedOn: c.revokedOn, batch: c.batchSlug, verifyUrl: `${publicUrl}/verify/${encodeURIComponent(c.number)}` })),
    kpis: kpis.map((k) => ({ factoryId: k.factoryId, year: k.year, kind: k.kind, values: k.kpis, ...(k.error === undefined ? {} : { error: k.error }) })),
    notices: profile.notices,
    news: profile.news,
  };
}

export function presentNewsSummary(item: NewsSummary, publicUrl: string) {
  return { ...item, url: `${publicUrl}${item.lang === 'en' ? '/en' : ''}/news/${item.slug}` };
}

export function presentNewsItem(item: NewsItem, publicUrl: string) {
  return { ...presentNewsSummary(item, publicUrl), body: item.body, enterpriseNameZh: item.enterpriseNameZh, enterpriseNameEn: item.enterpriseNameEn };
}
