/**
 * Deterministic national-scale enterprises for benchmarks: enterprise i is a pure function
 * of (seed, i), spread over every province's cities (weighted towards the big industrial
 * provinces) and over the manufacturing classes of the demo profiles. Names are invented;
 * credit codes are valid and unique (the organisation body encodes i).
 */
import { composeCreditCode } from '../../src/domain/credit-code/make-credit-code.ts';
import { CREDIT_CODE_CHARACTERS } from '../../src/domain/credit-code/credit-code.ts';
import { BRAND_WORDS } from '../../src/domain/demo/demo-words.ts';
import { INDUSTRY_PROFILES, type IndustryProfile } from '../../src/domain/demo/industry-profiles.ts';
import { createRandom, pickOne, randomInt, seedFrom } from '../../src/domain/demo/random.ts';
import { listCities, listProvinces, type City } from '../../src/domain/reference/regions.ts';
import type { DemoEnterprise } from '../../src/domain/demo/demo-enterprises.ts';

/** Rough weights by province: the big manufacturing provinces hold more enterprises. */
const PROVINCE_WEIGHT: Readonly<Record<string, number>> = { '440000': 10, '320000': 10, '330000': 9, '370000': 7, '350000': 4, '410000': 4, '420000': 3.5, '430000': 3, '360000': 3, '340000': 3.5, '510000': 3, '130000': 3, '120000': 1.5, '310000': 2, '110000': 1 };

/** Each province appears in proportion to its weight (×2, default 1.5); a city is then drawn within it. */
const PROVINCE_TABLE: readonly (readonly City[])[] = listProvinces()
  .filter((p) => !['710000', '810000', '820000'].includes(p.code) && listCities(p.code).length > 0)
  .flatMap((p) => Array.from({ length: Math.round((PROVINCE_WEIGHT[p.code] ?? 1.5) * 2) }, () => listCities(p.code)));

const SUFFIX_ZH = ['有限公司', '股份有限公司', '科技有限公司', '实业有限公司', '集团有限公司'] as const;
const SUFFIX_EN = ['Co., Ltd.', 'Co., Ltd.', 'Technology Co., Ltd.', 'Industrial Co., Ltd.', 'Group Co., Ltd.'] as const;

/** i in base 31 over the credit-code alphabet, 8 characters: unique organisation bodies. */
export function organisationBody(i: number): string {
  let n = i;
  let body = '';
  for (let k = 0; k < 8; k++) {
    body = CREDIT_CODE_CHARACTERS.charAt(n % 31) + body;
    n = Math.floor(n / 31);
  }
  return body;
}

export function nationalEnterprise(seed: number, i: number): DemoEnterprise & { profile: IndustryProfile } {
  const random = createRandom(seedFrom(`${seed}/${i}`));
  const cities = PROVINCE_TABLE[Math.floor(random() * PROVINCE_TABLE.length)]!;
  const city = cities[Math.floor(random() * cities.length)]!;
  const profile = pickOne(random, INDUSTRY_PROFILES);
  const [brandZh, brandEn] = pickOne(random, BRAND_WORDS);
  const [brand2Zh, brand2En] = pickOne(random, BRAND_WORDS);
  const suffix = randomInt(random, 0, SUFFIX_ZH.length - 1);
  const placeZh = city.nameZh.replace(/市$/, '');
  const key = `n-${i}`;
  const nameZh = `${placeZh}${brandZh}${brand2Zh}${profile.wordZh}${SUFFIX_ZH[suffix]}`;
  const nameEn = `${city.nameEn} ${brandEn}${brand2En.toLowerCase()} ${profile.wordEn} ${SUFFIX_EN[suffix]}`;
  const factories = Array.from({ length: random() < 0.12 ? 2 : 1 }, (_, f) => ({
    key: `${key}-f${f + 1}`,
    nameZh: `${nameZh}${f === 0 ? '一' : '二'}厂`,
    nameEn: `${nameEn} Plant ${f + 1}`,
    regionCode: city.code,
    address: '',
    siteAreaM2: Math.round(randomInt(random, profile.siteAreaM2[0], profile.siteAreaM2[1]) / 100) * 100,
  }));
  return {
    key,
    creditCode: composeCreditCode({ regionCode: city.code, organizationBody: organisationBody(i + 1) }),
    nameZh,
    nameEn,
    industryCode: profile.industryCode,
    provinceCode: city.provinceCode,
    cityCode: city.code,
    regionCode: city.code,
    address: '',
    legalRepresentative: '',
    isDemo: true,
    factories,
    profile,
  };
}
