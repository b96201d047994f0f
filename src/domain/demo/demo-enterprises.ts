/**
 * Invented demo enterprises (plain objects) for the embedded demo database. All names are
 * invented except the first, the real silicone plant the programme story follows; every
 * figure attached to any of them is invented, and the pages say so (示例数据 / demo data).
 */
import { invalid } from '../errors.ts';
import { composeCreditCode, makeCreditCode } from '../credit-code/make-credit-code.ts';
import { getProvince, listCities, listCounties, listProvinces, regionDisplayName, type City, type County } from '../reference/regions.ts';
import { BRAND_WORDS, GIVEN_NAMES, ROADS, SURNAMES } from './demo-words.ts';
import { INDUSTRY_PROFILES, SILICONE_PROFILE, type IndustryProfile } from './industry-profiles.ts';
import { createRandom, pickOne, pickWeighted, randomInt, type Random } from './random.ts';

export interface DemoFactory {
  key: string;
  nameZh: string;
  nameEn: string;
  regionCode: string;
  address: string;
  siteAreaM2: number;
}

export interface DemoEnterprise {
  key: string;
  creditCode: string;
  nameZh: string;
  nameEn: string;
  /** GB/T 4754-2017 class. */
  industryCode: string;
  provinceCode: string;
  cityCode: string;
  /** The registering region: a county where the reference has one, else the city. */
  regionCode: string;
  address: string;
  legalRepresentative: string;
  isDemo: true;
  factories: DemoFactory[];
}

export const DEMO_SEED = 20_230_101;
export const DEFAULT_DEMO_ENTERPRISE_COUNT = 240;

/** Stable key of the silicone plant: always the first demo enterprise. */
export const SILICONE_PLANT_KEY = 'ent-0001';
/** An invented, valid code (91 + 永修县 360425 + invented organisation code): not the company's real one. */
export const SILICONE_PLANT_CREDIT_CODE = composeCreditCode({ regionCode: '360425', organizationBody: '70586231' });

function siliconePlant(): DemoEnterprise {
  return {
    key: SILICONE_PLANT_KEY,
    creditCode: SILICONE_PLANT_CREDIT_CODE,
    nameZh: '江西蓝星星火有机硅有限公司',
    nameEn: 'Jiangxi Bluestar Xinghuo Organic Silicone Co., Ltd.',
    industryCode: '2614',
    provinceCode: '360000',
    cityCode: '360400',
    regionCode: '360425',
    address: '江西省九江市永修县星火工业园',
    // A real company: no real person's name is attached to invented data.
    legalRepresentative: '（示例数据）',
    isDemo: true,
    factories: [
      {
        key: `${SILICONE_PLANT_KEY}-f1`,
        nameZh: '江西蓝星星火有机硅有限公司永修生产基地',
        nameEn: 'Jiangxi Bluestar Xinghuo Organic Silicone – Yongxiu site',
        regionCode: '360425',
        address: '江西省九江市永修县星火工业园',
        siteAreaM2: 800_000,
      },
    ],
  };
}

// Where demo enterprises sit: a good share in Jiangxi (九江 weighted up) and in Hubei, the
// region tests use as "another region"; the rest spread over the other provinces' cities.
const PROVINCE_SHARE: readonly (readonly ['jiangxi' | 'hubei' | 'other', number])[] = [['jiangxi', 0.35], ['hubei', 0.2], ['other', 0.45]];
const CITY_WEIGHT: Readonly<Record<string, number>> = {
  '360400': 4, '360100': 2, '360700': 1.5, '420100': 3, '420500': 2, '420600': 1.5, '429000': 0.5,
};
const BIG_INDUSTRIAL_PROVINCES = new Set(['320000', '330000', '370000', '440000']);
const CHEMICAL_CITIES = new Set(['360400', '420500', '370300']);
const CHEMICAL_PROFILES = INDUSTRY_PROFILES.filter((p) => p.industryCode.startsWith('26'));
const CERAMICS = INDUSTRY_PROFILES.find((p) => p.id === 'household-ceramics');

function pickCity(random: Random): City {
  const share = pickWeighted(random, PROVINCE_SHARE);
  const cities =
    share === 'jiangxi'
      ? listCities('360000')
      : share === 'hubei'
        ? listCities('420000')
        : listProvinces()
            .filter((p) => p.code !== '360000' && p.code !== '420000')
            .flatMap((p) => listCities(p.code));
  return pickWeighted(
    random,
    cities.map((c) => [c, (CITY_WEIGHT[c.code] ?? 1) * (BIG_INDUSTRIAL_PROVINCES.has(c.provinceCode) ? 2 : 1)] as const),
  );
}

function pickProfile(random: Random, city: City): IndustryProfile {
  if (city.code === '360200' && CERAMICS && random() < 0.6) return CERAMICS; // 景德镇
  if (CHEMICAL_CITIES.has(city.code) && random() < 0.4) return pickOne(random, CHEMICAL_PROFILES);
  return pickOne(random, INDUSTRY_PROFILES);
}

/** The place word of a company name: 九江 / Jiujiang, 瑞昌 for a county-level city, 北京 for Beijing. */
function placeOf(random: Random, city: City, county: County | undefined): readonly [string, string] {
  if (county && (city.kind === 'province_administered' || (county.kind === 'county_city' && random() < 0.5))) {
    return [county.nameZh.replace(/市$/, ''), county.nameEn.replace(/ City$/, '')];
  }
  if (city.kind === 'municipal_districts') {
    const province = getProvince(city.provinceCode);
    return [province.shortNameZh, province.nameEn];
  }
  if (city.kind === 'autonomous_prefecture') return [city.nameZh.slice(0, 2), city.nameEn.split(' ')[0] ?? city.nameEn];
  return [city.nameZh.replace(/市$/, ''), city.nameEn];
}

function factoryOf(enterprise: Omit<DemoEnterprise, 'factories'>, profile: IndustryProfile, index: number, regionCode: string, random: Random): DemoFactory {
  const [min, max] = profile.siteAreaM2;
  return {
    key: `${enterprise.key}-f${index}`,
    nameZh: `${enterprise.nameZh}${index === 1 ? '一' : '二'}厂`,
    nameEn: `${enterprise.nameEn} Plant ${index}`,
    regionCode,
    address: `${regionDisplayName(regionCode, 'zh')}${pickOne(random, ROADS)}${randomInt(random, 1, 999)}号`,
    siteAreaM2: Math.round(randomInt(random, min, max) / 100) * 100,
  };
}

/**
 * `count` demo enterprises (default 240, at least 200 of them with valid credit codes in
 * GB/T 4754 manufacturing classes), the silicone plant first. The same seed and count give
 * byte-identical output, and a smaller count gives a prefix of a larger one.
 */
export function demoEnterprises(count = DEFAULT_DEMO_ENTERPRISE_COUNT, seed = DEMO_SEED): DemoEnterprise[] {
  if (!Number.isInteger(count) || count < 1 || count > 100_000) throw invalid('count', 'must be an integer from 1 to 100000');
  const random = createRandom(seed);
  const enterprises: DemoEnterprise[] = [siliconePlant()];
  const usedNames = new Set<string>(enterprises.flatMap((e) => [e.nameZh, e.nameEn]));
  const usedCodes = new Set<string>([SILICONE_PLANT_CREDIT_CODE]);

  while (enterprises.length < count) {
    const city = pickCity(random);
    const counties = listCounties(city.code);
    const county = counties.length > 0 ? pickOne(random, counties) : undefined;
    const regionCode = county?.code ?? city.code;
    const profile = pickProfile(random, city);
    const [placeZh, placeEn] = placeOf(random, city, county);
    const [brandZh, brandEn] = pickOne(random, BRAND_WORDS);
    const joinStock = random() < 0.15;
    const nameZh = `${placeZh}${brandZh}${profile.wordZh}${joinStock ? '股份' : ''}有限公司`;
    const nameEn = `${placeEn} ${brandEn} ${profile.wordEn} Co., Ltd.`;
    if (usedNames.has(nameZh) || usedNames.has(nameEn)) continue; // draw again
    let creditCode = makeCreditCode(random, regionCode);
    while (usedCodes.has(creditCode)) creditCode = makeCreditCode(random, regionCode);
    usedNames.add(nameZh).add(nameEn);
    usedCodes.add(creditCode);

    const base = {
      key: `ent-${String(enterprises.length + 1).padStart(4, '0')}`,
      creditCode,
      nameZh,
      nameEn,
      industryCode: profile.industryCode,
      provinceCode: city.provinceCode,
      cityCode: city.code,
      regionCode,
      address: `${regionDisplayName(regionCode, 'zh')}${pickOne(random, ROADS)}${randomInt(random, 1, 999)}号`,
      legalRepresentative: `${pickOne(random, SURNAMES)}${pickOne(random, GIVEN_NAMES)}`,
      isDemo: true as const,
    };
    const factories = [factoryOf(base, profile, 1, regionCode, random)];
    if (random() < 0.15) {
      // A second site elsewhere in the same city where the reference knows other counties.
      const others = counties.filter((c) => c.code !== regionCode);
      factories.push(factoryOf(base, profile, 2, others.length > 0 ? pickOne(random, others).code : regionCode, random));
    }
    enterprises.push({ ...base, factories });
  }
  return enterprises;
}

/** The profile that sizes an enterprise's invented annual data. */
export function profileOfEnterprise(enterprise: Pick<DemoEnterprise, 'key' | 'industryCode'>): IndustryProfile {
  if (enterprise.key === SILICONE_PLANT_KEY) return SILICONE_PROFILE;
  const profile = INDUSTRY_PROFILES.find((p) => p.industryCode === enterprise.industryCode);
  if (!profile) throw invalid('industryCode', `no demo profile for industry ${enterprise.industryCode}`);
  return profile;
}
