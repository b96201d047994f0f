/**
 * Everything the public enterprise page shows, read by enterprise id (every table here
 * is keyed and indexed by enterprise_id): factories, listings across tiers and batches,
 * certificates, annual data, notices it stands on, and its news.
 */
import type { Executor } from '../store.ts';

export interface EnterpriseProfile {
  enterprise: {
    id: number;
    creditCode: string;
    nameZh: string;
    nameEn: string;
    industryCode: string;
    provinceCode: string;
    cityCode: string;
    regionCode: string;
    address: string;
    isDemo: boolean;
  };
  factories: { id: number; nameZh: string; nameEn: string; regionCode: string; address: string; siteAreaM2: number | null }[];
  listings: {
    entryId: number;
    factoryId: number | null;
    tier: string;
    status: string;
    nameZh: string;
    listedOn: string;
    removedOn: string | null;
    removalReason: string | null;
    removalMode: string | null;
    renamedFrom: string | null;
    renamedOn: string | null;
    batchSlug: string;
    batchNameZh: string;
    batchNameEn: string;
    programmeCode: string;
    programmeNameZh: string;
    programmeNameEn: string;
    authorityNameZh: string;
    authorityNameEn: string;
  }[];
  certificates: {
    number: string;
    status: string;
    issuedOn: string;
    validUntil: string | null;
    revokedOn: string | null;
    revokedReason: string | null;
    batchSlug: string;
    batchNameZh: string;
    batchNameEn: string;
    tier: string;
  }[];
  annualData: { factoryId: number; year: number; kind: string; document: string; energyTce: number | null; co2eT: number | null; valueTenThousandYuan: number | null }[];
  notices: { noticeId: number; titleZh: string; titleEn: string; status: string; opensOn: string; closesOn: string; entryStatus: string }[];
  news: { slug: string; lang: string; title: string; summary: string; author: string; publishedAt: string }[];
}

export async function findEnterpriseProfile(db: Executor, id: number): Promise<EnterpriseProfile | undefined> {
  const row = await db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) return undefined;
  const [factories, listings, certificates, annualData, notices, news] = await Promise.all([
    db
      .selectFrom('factories')
      .select(['id', 'name_zh as nameZh', 'name_en as nameEn', 'region_code as regionCode', 'address', 'site_area_m2 as siteAreaM2'])
      .where('enterprise_id', '=', id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('list_entries as e')
      .innerJoin('batches as b', 'b.id', 'e.batch_id')
      .innerJoin('programmes as p', 'p.id', 'e.programme_id')
      .innerJoin('authorities as a', 'a.id', 'e.authority_id')
      .select([
        'e.id as entryId',
        'e.factory_id as factoryId',
        'e.tier as tier',
        'e.status as status',
        'e.name_zh as nameZh',
        'e.listed_on as listedOn',
        'e.removed_on as removedOn',
        'e.removal_reason as removalReason',
        'e.removal_mode as removalMode',
        'e.renamed_from as renamedFrom',
        'e.renamed_on as renamedOn',
        'b.slug as batchSlug',
        'b.name_zh as batchNameZh',
        'b.name_en as batchNameEn',
        'p.code as programmeCode',
        'p.name_zh as programmeNameZh',
        'p.name_en as programmeNameEn',
        'a.name_zh as authorityNameZh',
        'a.name_en as authorityNameEn',
      ])
      .where('e.enterprise_id', '=', id)
      .orderBy('e.listed_on', 'desc')
      .orderBy('e.id', 'desc')
      .execute(),
    db
      .selectFrom('certificates as c')
      .innerJoin('list_entries as e', (join) => join.onRef('e.id', '=', 'c.list_entry_id').onRef('e.enterprise_id', '=', 'c.enterprise_id'))
      .innerJoin('batches as b', 'b.id', 'e.batch_id')
      .select([
        'c.number as number',
        'c.status as status',
        'c.issued_on as issuedOn',
        'c.valid_until as validUntil',
        'c.revoked_on as revokedOn',
        'c.revoked_reason as revokedReason',
        'b.slug as batchSlug',
        'b.name_zh as batchNameZh',
        'b.name_en as batchNameEn',
        'e.tier as tier',
      ])
      .where('c.enterprise_id', '=', id)
      .orderBy('c.issued_on', 'desc')
      .execute(),
    db
      .selectFrom('annual_data')
      .select(['factory_id as factoryId', 'year', 'kind', 'document', 'energy_tce as energyTce', 'co2e_t as co2eT', 'value_ten_thousand_yuan as valueTenThousandYuan'])
      .where('enterprise_id', '=', id)
      .orderBy('factory_id')
      .orderBy('year')
      .execute(),
    db
      .selectFrom('notice_entries as ne')
      .innerJoin('notices as n', 'n.id', 'ne.notice_id')
      .select(['n.id as noticeId', 'n.title_zh as titleZh', 'n.title_en as titleEn', 'n.status as status', 'n.opens_on as opensOn', 'n.closes_on as closesOn', 'ne.status as entryStatus'])
      .where('ne.enterprise_id', '=', id)
      .where('n.status', 'in', ['open', 'closed'])
      .orderBy('n.opens_on', 'desc')
      .execute(),
    db
      .selectFrom('news_items')
      .select(['slug', 'lang', 'title', 'summary', 'author', 'published_at as publishedAt'])
      .where('enterprise_id', '=', id)
      .orderBy('published_at', 'desc')
      .limit(20)
      .execute(),
  ]);
  return {
    enterprise: {
      id: row.id,
      creditCode: row.credit_code,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      industryCode: row.industry_code,
      provinceCode: row.province_code,
      cityCode: row.city_code,
      regionCode: row.region_code,
      address: row.address,
      isDemo: row.is_demo === 1,
    },
    factories,
    listings,
    certificates,
    annualData,
    notices,
    news,
  };
}
