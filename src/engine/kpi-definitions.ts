/**
 * The KPI catalogue: names (stable, design.md "KPI names in results"), units and formulas.
 * Rates are percentages (38.5 means 38.5 %); plot ratio is a plain ratio.
 */

export const KPI_NAMES = [
  'energyTce',
  'energyTceEquivalent',
  'energyPerUnitKgce',
  'energyPerValueTcePerTenThousandYuan',
  'energyPerValueKgcePerTenThousandYuan',
  'co2eT',
  'co2eElectricityT',
  'co2ePerUnitT',
  'co2ePerValueKgPerTenThousandYuan',
  'renewableShare',
  'plotRatio',
  'buildingDensity',
  'valuePerLandTenThousandYuanPerM2',
  'waterReuseRate',
  'wastewaterReuseRate',
  'waterIntensityM3PerTenThousandYuan',
  'waterPerUnitM3',
  'solidWasteUtilizationRate',
  'greenMaterialRate',
] as const;

export type KpiName = (typeof KPI_NAMES)[number];

export interface KpiDefinition {
  readonly nameZh: string;
  readonly nameEn: string;
  /** Unit; `{product}` stands for the product base unit (t, m3, piece…). */
  readonly unit: string;
  readonly formulaZh: string;
  readonly formulaEn: string;
  readonly source: string;
}

const GBT2589 = 'GB/T 2589-2020 综合能耗计算通则 (domain.md §5, §8)';
const GBT32150 = 'GB/T 32150-2015 (domain.md §5): fuels + process + purchased electricity and heat';

export const KPI_DEFINITIONS: Readonly<Record<KpiName, KpiDefinition>> = {
  energyTce: { nameZh: '综合能源消费量（电力当量值）', nameEn: 'Comprehensive energy consumption (electricity at calorific equivalent)', unit: 'tce', formulaZh: 'Σ 实物量 × 折标准煤系数 ÷ 1000（电力按当量值）', formulaEn: 'Σ quantity × standard-coal coefficient ÷ 1000 (electricity at 当量值)', source: GBT2589 },
  energyTceEquivalent: { nameZh: '综合能源消费量（电力等价值）', nameEn: 'Comprehensive energy consumption (electricity at the year\'s equivalent value)', unit: 'tce', formulaZh: 'Σ 非电能源折标量 + 电力 × 当年等价值', formulaEn: 'Σ non-electric kgce + electricity × the year\'s 等价值, ÷ 1000', source: GBT2589 },
  energyPerUnitKgce: { nameZh: '单位产品综合能耗', nameEn: 'Energy per unit product', unit: 'kgce/{product}', formulaZh: '综合能耗（kgce）÷ 产品产量', formulaEn: 'energy (kgce) ÷ product output', source: 'domain.md §1.1 单位产品综合能耗' },
  energyPerValueTcePerTenThousandYuan: { nameZh: '单位产值综合能耗', nameEn: 'Energy per output value', unit: 'tce/万元', formulaZh: '综合能耗（tce）÷ 工业总产值（万元）', formulaEn: 'energy (tce) ÷ output value (10^4 yuan)', source: 'domain.md §1.2 能源消耗强度' },
  energyPerValueKgcePerTenThousandYuan: { nameZh: '单位产值综合能耗', nameEn: 'Energy per output value', unit: 'kgce/万元', formulaZh: '综合能耗（kgce）÷ 工业总产值（万元）', formulaEn: 'energy (kgce) ÷ output value (10^4 yuan)', source: 'GB/T 36132-2025 declaration form row 1 (kgce/万元)' },
  co2eT: { nameZh: '二氧化碳排放总量', nameEn: 'CO2 emissions', unit: 'tCO2', formulaZh: '化石燃料燃烧 + 过程排放 + 购入电力 + 购入热力/蒸汽', formulaEn: 'fuel combustion + process + purchased electricity + purchased heat/steam', source: GBT32150 },
  co2eElectricityT: { nameZh: '购入电力排放', nameEn: 'CO2 from purchased electricity', unit: 'tCO2', formulaZh: '电网购入电量 × 电网排放因子 ÷ 1000', formulaEn: 'grid electricity × grid factor ÷ 1000', source: 'MEE/NBS grid factors (domain.md §9.2)' },
  co2ePerUnitT: { nameZh: '单位产品碳排放量', nameEn: 'CO2 per unit product', unit: 'tCO2/{product}', formulaZh: '二氧化碳排放总量 ÷ 产品产量', formulaEn: 'CO2 ÷ product output', source: 'domain.md §1.1 单位产品碳排放量' },
  co2ePerValueKgPerTenThousandYuan: { nameZh: '单位产值碳排放量', nameEn: 'CO2 per output value', unit: 'kgCO2/万元', formulaZh: '二氧化碳排放总量（kg）÷ 工业总产值（万元）', formulaEn: 'CO2 (kg) ÷ output value (10^4 yuan)', source: 'GB/T 36132-2025 declaration form row 2 (kgCO2/万元)' },
  renewableShare: { nameZh: '可再生能源利用率', nameEn: 'Renewable energy share', unit: '%', formulaZh: '可再生电力（当量值折标）÷ 综合能耗 × 100%', formulaEn: 'renewable electricity (at 当量值) ÷ comprehensive energy × 100%', source: 'domain.md §8 可再生能源利用率 [U: basis 当量值 chosen here]' },
  plotRatio: { nameZh: '容积率', nameEn: 'Plot ratio', unit: '1', formulaZh: '计容建筑面积 ÷ 厂区用地面积', formulaEn: 'floor area ÷ site area', source: 'domain.md §1.1 容积率' },
  buildingDensity: { nameZh: '建筑密度（建筑系数）', nameEn: 'Building density (building coefficient)', unit: '%', formulaZh: '建(构)筑物占地面积 ÷ 用地面积 × 100%', formulaEn: 'footprint ÷ site area × 100%', source: 'domain.md §1.1 建筑密度' },
  valuePerLandTenThousandYuanPerM2: { nameZh: '单位用地面积产值', nameEn: 'Output value per land area', unit: '万元/m2', formulaZh: '工业总产值 ÷ 用地面积', formulaEn: 'output value ÷ site area', source: 'domain.md §1.1 单位用地面积产值' },
  waterReuseRate: { nameZh: '工业用水重复利用率', nameEn: 'Industrial water reuse rate', unit: '%', formulaZh: '重复利用水量 ÷ (重复利用水量 + 取水量) × 100%', formulaEn: 'reused ÷ (reused + withdrawal) × 100%', source: 'standard definition of 工业用水重复利用率 (GB/T 7119 / GB/T 21534) [3P]' },
  wastewaterReuseRate: { nameZh: '废水处理回用率', nameEn: 'Treated wastewater reuse rate', unit: '%', formulaZh: '回用量 ÷ 废水处理量 × 100%', formulaEn: 'reused ÷ treated × 100%', source: 'domain.md §1.1 [U]' },
  waterIntensityM3PerTenThousandYuan: { nameZh: '单位产值取水量', nameEn: 'Water withdrawal per output value', unit: 'm3/万元', formulaZh: '取水量 ÷ 工业总产值（万元）', formulaEn: 'withdrawal ÷ output value (10^4 yuan)', source: 'GB/T 36132-2025 declaration form row 7 (m3/万元)' },
  waterPerUnitM3: { nameZh: '单位产品取水量', nameEn: 'Water withdrawal per unit product', unit: 'm3/{product}', formulaZh: '取水量 ÷ 产品产量', formulaEn: 'withdrawal ÷ product output', source: 'domain.md §1.2 取水强度' },
  solidWasteUtilizationRate: { nameZh: '工业固体废物综合利用率', nameEn: 'Industrial solid waste utilisation rate', unit: '%', formulaZh: '综合利用量 ÷ (产生量 + 综合利用往年贮存量) × 100%', formulaEn: 'utilised ÷ (generated + prior-year stock utilised) × 100%', source: 'park-standard formula [V] (domain.md §1.1)' },
  greenMaterialRate: { nameZh: '绿色物料使用率', nameEn: 'Green material use rate', unit: '%', formulaZh: '绿色物料使用量 ÷ 同类物料总使用量 × 100%', formulaEn: 'green materials ÷ all materials of the kind × 100%', source: 'domain.md §1.1' },
};
