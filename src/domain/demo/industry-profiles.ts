/**
 * Sizes and intensities used to invent demo factories, one profile per GB/T 4754-2017 class.
 * These are DEMO figures of the right order of magnitude, not benchmarks: nothing here is a
 * coefficient the engine uses (the engine's factor sets live in frameworks/ with sources).
 */

export type DemoCarrier = 'electricity' | 'raw_coal' | 'natural_gas' | 'diesel' | 'steam';

export interface IndustryProfile {
  readonly id: string;
  /** GB/T 4754-2017 class. */
  readonly industryCode: string;
  /** The word in a company name: 化工 / Chemical. */
  readonly wordZh: string;
  readonly wordEn: string;
  readonly productZh: string;
  readonly productUnit: string;
  /** Annual output range in productUnit. */
  readonly output: readonly [number, number];
  /** Ex-works value per unit of product, yuan. */
  readonly priceYuan: number;
  /** Comprehensive energy per unit, kgce (electricity at 当量值). */
  readonly energyKgcePerUnit: number;
  /** Share of the energy (in kgce) by carrier; the shares sum to 1. */
  readonly energyMix: Readonly<Partial<Record<DemoCarrier, number>>>;
  readonly waterM3PerUnit: number;
  readonly solidWasteTPerUnit: number;
  readonly materialsTPerUnit: number;
  /** Share of materials counted as green materials, range. */
  readonly greenShare: readonly [number, number];
  readonly processTco2ePerUnit: number;
  readonly siteAreaM2: readonly [number, number];
}

/**
 * kgce per physical unit, only to turn an invented kgce figure into plausible quantities
 * (GB/T 2589 reference values as quoted in domain.md §5, §9.1; natural gas at the gas-field value).
 */
export const SIZING_KGCE_PER_UNIT: Readonly<Record<DemoCarrier, number>> = {
  electricity: 0.1229, // per kWh
  raw_coal: 714.3, // per t
  natural_gas: 1.2143, // per m3
  diesel: 1457.1, // per t
  steam: 128.6, // per t
};

export const CARRIER_UNITS: Readonly<Record<DemoCarrier, 'kWh' | 't' | 'm3'>> = {
  electricity: 'kWh',
  raw_coal: 't',
  natural_gas: 'm3',
  diesel: 't',
  steam: 't',
};

const profile = (p: IndustryProfile): IndustryProfile => p;

export const INDUSTRY_PROFILES: readonly IndustryProfile[] = [
  profile({ id: 'organic-chemicals', industryCode: '2614', wordZh: '化工', wordEn: 'Chemical', productZh: '有机化工原料', productUnit: 't',
    output: [20_000, 200_000], priceYuan: 8_000, energyKgcePerUnit: 400,
    energyMix: { electricity: 0.25, raw_coal: 0.25, natural_gas: 0.1, steam: 0.38, diesel: 0.02 },
    waterM3PerUnit: 8, solidWasteTPerUnit: 0.05, materialsTPerUnit: 1.2, greenShare: [0.1, 0.35], processTco2ePerUnit: 0.02, siteAreaM2: [150_000, 600_000] }),
  profile({ id: 'synthetic-resins', industryCode: '2651', wordZh: '新材料', wordEn: 'New Materials', productZh: '合成树脂', productUnit: 't',
    output: [10_000, 150_000], priceYuan: 10_000, energyKgcePerUnit: 250,
    energyMix: { electricity: 0.4, natural_gas: 0.2, steam: 0.38, diesel: 0.02 },
    waterM3PerUnit: 4, solidWasteTPerUnit: 0.02, materialsTPerUnit: 1.05, greenShare: [0.1, 0.3], processTco2ePerUnit: 0, siteAreaM2: [80_000, 400_000] }),
  profile({ id: 'coatings', industryCode: '2641', wordZh: '涂料', wordEn: 'Coatings', productZh: '涂料', productUnit: 't',
    output: [5_000, 80_000], priceYuan: 15_000, energyKgcePerUnit: 40,
    energyMix: { electricity: 0.7, natural_gas: 0.28, diesel: 0.02 },
    waterM3PerUnit: 1, solidWasteTPerUnit: 0.01, materialsTPerUnit: 1.02, greenShare: [0.2, 0.5], processTco2ePerUnit: 0, siteAreaM2: [30_000, 150_000] }),
  profile({ id: 'compound-fertiliser', industryCode: '2624', wordZh: '肥业', wordEn: 'Fertiliser', productZh: '复混肥料', productUnit: 't',
    output: [50_000, 500_000], priceYuan: 2_800, energyKgcePerUnit: 30,
    energyMix: { electricity: 0.35, raw_coal: 0.55, diesel: 0.1 },
    waterM3PerUnit: 0.3, solidWasteTPerUnit: 0.01, materialsTPerUnit: 1.03, greenShare: [0.1, 0.3], processTco2ePerUnit: 0, siteAreaM2: [60_000, 300_000] }),
  profile({ id: 'pharmaceutical', industryCode: '2720', wordZh: '制药', wordEn: 'Pharmaceutical', productZh: '化学药品制剂', productUnit: '万片',
    output: [20_000, 300_000], priceYuan: 1_500, energyKgcePerUnit: 15,
    energyMix: { electricity: 0.6, natural_gas: 0.2, steam: 0.2 },
    waterM3PerUnit: 1.5, solidWasteTPerUnit: 0.002, materialsTPerUnit: 0.01, greenShare: [0.1, 0.3], processTco2ePerUnit: 0, siteAreaM2: [40_000, 200_000] }),
  profile({ id: 'edible-oil', industryCode: '1331', wordZh: '粮油', wordEn: 'Grain and Oil', productZh: '食用植物油', productUnit: 't',
    output: [50_000, 400_000], priceYuan: 9_000, energyKgcePerUnit: 45,
    energyMix: { electricity: 0.4, raw_coal: 0.3, steam: 0.28, diesel: 0.02 },
    waterM3PerUnit: 1.2, solidWasteTPerUnit: 0.03, materialsTPerUnit: 2.5, greenShare: [0.3, 0.7], processTco2ePerUnit: 0, siteAreaM2: [60_000, 250_000] }),
  profile({ id: 'dairy', industryCode: '1440', wordZh: '乳业', wordEn: 'Dairy', productZh: '乳制品', productUnit: 't',
    output: [30_000, 300_000], priceYuan: 7_000, energyKgcePerUnit: 35,
    energyMix: { electricity: 0.5, natural_gas: 0.3, steam: 0.2 },
    waterM3PerUnit: 4, solidWasteTPerUnit: 0.01, materialsTPerUnit: 1.1, greenShare: [0.3, 0.7], processTco2ePerUnit: 0, siteAreaM2: [50_000, 200_000] }),
  profile({ id: 'textile-dyeing', industryCode: '1713', wordZh: '印染', wordEn: 'Textile Dyeing', productZh: '印染布', productUnit: '万米',
    output: [2_000, 20_000], priceYuan: 60_000, energyKgcePerUnit: 3_000,
    energyMix: { electricity: 0.25, raw_coal: 0.35, steam: 0.35, natural_gas: 0.05 },
    waterM3PerUnit: 150, solidWasteTPerUnit: 0.5, materialsTPerUnit: 1.2, greenShare: [0.1, 0.4], processTco2ePerUnit: 0, siteAreaM2: [40_000, 200_000] }),
  profile({ id: 'wooden-furniture', industryCode: '2110', wordZh: '家具', wordEn: 'Furniture', productZh: '木质家具', productUnit: '件',
    output: [50_000, 500_000], priceYuan: 1_500, energyKgcePerUnit: 3,
    energyMix: { electricity: 0.85, natural_gas: 0.1, diesel: 0.05 },
    waterM3PerUnit: 0.05, solidWasteTPerUnit: 0.01, materialsTPerUnit: 0.05, greenShare: [0.3, 0.7], processTco2ePerUnit: 0, siteAreaM2: [30_000, 150_000] }),
  profile({ id: 'paper', industryCode: '2221', wordZh: '纸业', wordEn: 'Paper', productZh: '纸及纸板', productUnit: 't',
    output: [50_000, 600_000], priceYuan: 4_500, energyKgcePerUnit: 330,
    energyMix: { electricity: 0.3, raw_coal: 0.55, steam: 0.1, natural_gas: 0.05 },
    waterM3PerUnit: 12, solidWasteTPerUnit: 0.08, materialsTPerUnit: 1.15, greenShare: [0.4, 0.8], processTco2ePerUnit: 0, siteAreaM2: [150_000, 700_000] }),
  profile({ id: 'polyester-fibre', industryCode: '2822', wordZh: '化纤', wordEn: 'Chemical Fibre', productZh: '涤纶纤维', productUnit: 't',
    output: [50_000, 500_000], priceYuan: 8_000, energyKgcePerUnit: 110,
    energyMix: { electricity: 0.55, steam: 0.3, natural_gas: 0.15 },
    waterM3PerUnit: 2, solidWasteTPerUnit: 0.01, materialsTPerUnit: 1.01, greenShare: [0.1, 0.3], processTco2ePerUnit: 0, siteAreaM2: [100_000, 500_000] }),
  profile({ id: 'plastic-film', industryCode: '2921', wordZh: '塑业', wordEn: 'Plastics', productZh: '塑料薄膜', productUnit: 't',
    output: [5_000, 80_000], priceYuan: 12_000, energyKgcePerUnit: 120,
    energyMix: { electricity: 0.95, natural_gas: 0.05 },
    waterM3PerUnit: 0.5, solidWasteTPerUnit: 0.02, materialsTPerUnit: 1.03, greenShare: [0.1, 0.4], processTco2ePerUnit: 0, siteAreaM2: [30_000, 150_000] }),
  profile({ id: 'cement', industryCode: '3011', wordZh: '建材', wordEn: 'Building Materials', productZh: '水泥', productUnit: 't',
    output: [1_000_000, 5_000_000], priceYuan: 350, energyKgcePerUnit: 90,
    energyMix: { electricity: 0.2, raw_coal: 0.78, diesel: 0.02 },
    waterM3PerUnit: 0.3, solidWasteTPerUnit: 0.001, materialsTPerUnit: 1.3, greenShare: [0.1, 0.35], processTco2ePerUnit: 0.42, siteAreaM2: [300_000, 1_000_000] }),
  profile({ id: 'flat-glass', industryCode: '3041', wordZh: '玻璃', wordEn: 'Glass', productZh: '平板玻璃', productUnit: 't',
    output: [100_000, 600_000], priceYuan: 2_000, energyKgcePerUnit: 200,
    energyMix: { electricity: 0.12, natural_gas: 0.83, diesel: 0.05 },
    waterM3PerUnit: 0.6, solidWasteTPerUnit: 0.02, materialsTPerUnit: 1.2, greenShare: [0.1, 0.3], processTco2ePerUnit: 0.1, siteAreaM2: [200_000, 700_000] }),
  profile({ id: 'household-ceramics', industryCode: '3074', wordZh: '陶瓷', wordEn: 'Ceramics', productZh: '日用陶瓷', productUnit: '万件',
    output: [500, 8_000], priceYuan: 80_000, energyKgcePerUnit: 3_500,
    energyMix: { electricity: 0.2, natural_gas: 0.78, diesel: 0.02 },
    waterM3PerUnit: 20, solidWasteTPerUnit: 1, materialsTPerUnit: 12, greenShare: [0.1, 0.4], processTco2ePerUnit: 0, siteAreaM2: [30_000, 200_000] }),
  profile({ id: 'steel-rolling', industryCode: '3130', wordZh: '钢铁', wordEn: 'Steel', productZh: '钢材', productUnit: 't',
    output: [300_000, 3_000_000], priceYuan: 4_200, energyKgcePerUnit: 55,
    energyMix: { electricity: 0.45, natural_gas: 0.5, diesel: 0.05 },
    waterM3PerUnit: 0.8, solidWasteTPerUnit: 0.03, materialsTPerUnit: 1.03, greenShare: [0.1, 0.3], processTco2ePerUnit: 0, siteAreaM2: [200_000, 900_000] }),
  profile({ id: 'aluminium-extrusion', industryCode: '3252', wordZh: '铝业', wordEn: 'Aluminium', productZh: '铝型材', productUnit: 't',
    output: [20_000, 300_000], priceYuan: 22_000, energyKgcePerUnit: 110,
    energyMix: { electricity: 0.5, natural_gas: 0.48, diesel: 0.02 },
    waterM3PerUnit: 1, solidWasteTPerUnit: 0.04, materialsTPerUnit: 1.05, greenShare: [0.2, 0.5], processTco2ePerUnit: 0, siteAreaM2: [60_000, 300_000] }),
  profile({ id: 'steel-structures', industryCode: '3311', wordZh: '钢构', wordEn: 'Steel Structure', productZh: '钢结构件', productUnit: 't',
    output: [20_000, 300_000], priceYuan: 7_000, energyKgcePerUnit: 40,
    energyMix: { electricity: 0.85, natural_gas: 0.1, diesel: 0.05 },
    waterM3PerUnit: 0.3, solidWasteTPerUnit: 0.05, materialsTPerUnit: 1.08, greenShare: [0.1, 0.3], processTco2ePerUnit: 0, siteAreaM2: [50_000, 300_000] }),
  profile({ id: 'pumps', industryCode: '3441', wordZh: '泵业', wordEn: 'Pumps', productZh: '泵', productUnit: '台',
    output: [20_000, 400_000], priceYuan: 3_000, energyKgcePerUnit: 12,
    energyMix: { electricity: 0.9, natural_gas: 0.08, diesel: 0.02 },
    waterM3PerUnit: 0.1, solidWasteTPerUnit: 0.01, materialsTPerUnit: 0.08, greenShare: [0.1, 0.3], processTco2ePerUnit: 0, siteAreaM2: [30_000, 150_000] }),
  profile({ id: 'auto-parts', industryCode: '3670', wordZh: '汽车零部件', wordEn: 'Auto Parts', productZh: '汽车零部件', productUnit: '万件',
    output: [200, 5_000], priceYuan: 2_000_000, energyKgcePerUnit: 6_000,
    energyMix: { electricity: 0.85, natural_gas: 0.13, diesel: 0.02 },
    waterM3PerUnit: 15, solidWasteTPerUnit: 3, materialsTPerUnit: 30, greenShare: [0.1, 0.3], processTco2ePerUnit: 0, siteAreaM2: [50_000, 300_000] }),
  profile({ id: 'generators', industryCode: '3811', wordZh: '电机', wordEn: 'Electric Machinery', productZh: '发电机组', productUnit: '台',
    output: [500, 20_000], priceYuan: 150_000, energyKgcePerUnit: 500,
    energyMix: { electricity: 0.85, natural_gas: 0.13, diesel: 0.02 },
    waterM3PerUnit: 5, solidWasteTPerUnit: 0.5, materialsTPerUnit: 3, greenShare: [0.1, 0.3], processTco2ePerUnit: 0, siteAreaM2: [50_000, 250_000] }),
  profile({ id: 'lithium-batteries', industryCode: '3841', wordZh: '新能源', wordEn: 'New Energy', productZh: '锂离子电池', productUnit: '万只',
    output: [1_000, 50_000], priceYuan: 100_000, energyKgcePerUnit: 300,
    energyMix: { electricity: 0.95, natural_gas: 0.05 },
    waterM3PerUnit: 3, solidWasteTPerUnit: 0.2, materialsTPerUnit: 0.5, greenShare: [0.1, 0.3], processTco2ePerUnit: 0, siteAreaM2: [80_000, 400_000] }),
  profile({ id: 'circuit-boards', industryCode: '3982', wordZh: '电子', wordEn: 'Electronics', productZh: '印制电路板', productUnit: 'm2',
    output: [500_000, 10_000_000], priceYuan: 800, energyKgcePerUnit: 8,
    energyMix: { electricity: 0.93, natural_gas: 0.05, diesel: 0.02 },
    waterM3PerUnit: 1.2, solidWasteTPerUnit: 0.01, materialsTPerUnit: 0.015, greenShare: [0.1, 0.3], processTco2ePerUnit: 0, siteAreaM2: [40_000, 200_000] }),
  profile({ id: 'metal-recycling', industryCode: '4210', wordZh: '再生资源', wordEn: 'Recycling', productZh: '再生金属', productUnit: 't',
    output: [50_000, 500_000], priceYuan: 2_500, energyKgcePerUnit: 8,
    energyMix: { electricity: 0.8, diesel: 0.2 },
    waterM3PerUnit: 0.1, solidWasteTPerUnit: 0.02, materialsTPerUnit: 1.05, greenShare: [0.7, 0.95], processTco2ePerUnit: 0, siteAreaM2: [30_000, 200_000] }),
];

/**
 * The silicone plant (江西蓝星星火有机硅): ≈100 000 t of methylchlorosilane monomer a year and
 * ≈10^8 kWh. The figures are invented for the demo; only the order of magnitude is meant.
 */
export const SILICONE_PROFILE: IndustryProfile = profile({
  id: 'silicone-monomer', industryCode: '2614', wordZh: '有机硅', wordEn: 'Organic Silicone', productZh: '有机硅单体', productUnit: 't',
  output: [98_000, 102_000], priceYuan: 25_000, energyKgcePerUnit: 620,
  // 620 kgce/t × 100 000 t = 62 000 tce, of which electricity 0.21 → 13 000 tce ≈ 1.06 × 10^8 kWh.
  energyMix: { electricity: 0.21, steam: 0.72, natural_gas: 0.06, diesel: 0.01 },
  waterM3PerUnit: 40, solidWasteTPerUnit: 0.2, materialsTPerUnit: 1.3, greenShare: [0.3, 0.4], processTco2ePerUnit: 0.02, siteAreaM2: [800_000, 800_000],
});

const byIndustryCode = new Map(INDUSTRY_PROFILES.map((p) => [p.industryCode, p]));

export function findIndustryProfile(industryCode: string): IndustryProfile | undefined {
  return byIndustryCode.get(industryCode);
}
