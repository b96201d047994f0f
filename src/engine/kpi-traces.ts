/**
 * Traces of the KPIs: for each, the inputs with their field paths, the factors with their
 * sources and tags, and the arithmetic as lines a reviewer can redo on paper. Built lazily
 * from the same data and factor set as the numbers (compute-kpis.ts); a unit test checks
 * that each trace's arithmetic reproduces its KPI.
 */
import type { AnnualData, EnergyEntry } from './annual-data.ts';
import type { EquivalentResolution, FactorSet, FactorUse, GridResolution } from './factor-set.ts';
import { formatNumber as f } from './format-number.ts';
import { KPI_DEFINITIONS, KPI_NAMES, type KpiName } from './kpi-definitions.ts';
import type { ProductBase } from './units.ts';

export interface TraceInput {
  readonly path: string;
  readonly label: string;
  readonly value: number | string;
  readonly unit: string;
}

export interface KpiTrace {
  readonly kpi: KpiName;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly value: number | null;
  /** Why the value is null (missing input, zero denominator, no factor); absent when there is a value. */
  readonly reason?: string;
  readonly formulaZh: string;
  readonly formulaEn: string;
  readonly source: string;
  readonly inputs: readonly TraceInput[];
  readonly factors: readonly FactorUse[];
  readonly steps: readonly string[];
}

export interface TraceContext {
  readonly data: AnnualData;
  readonly kpis: Record<KpiName, number | null>;
  readonly factorSet: FactorSet;
  readonly gridSeries: string;
  readonly grid: GridResolution | null;
  readonly equivalent: EquivalentResolution | null;
  readonly output: { base: ProductBase | null; quantity: number; mixed: boolean };
}

interface EntryWorking {
  readonly index: number;
  readonly entry: EnergyEntry;
  readonly base: number;
  readonly baseUnit: string;
  readonly kgce: number;
  readonly conversionText: string;
  readonly factors: FactorUse[];
}

function energyWorkings(context: TraceContext): EntryWorking[] {
  const { factorSet } = context;
  return context.data.energy.map((entry, index) => {
    const conversion = factorSet.conversion(entry.carrier, entry.unit)!;
    const carrier = conversion.carrier;
    const base = entry.quantity * conversion.toBase;
    const factors: FactorUse[] = [carrier.kgceFactor];
    let conversionText = entry.unit === carrier.baseUnit ? `${f(entry.quantity)} ${entry.unit}` : `${f(entry.quantity)} ${entry.unit} = ${f(base)} ${carrier.baseUnit}`;
    if (conversion.route === 'calorific') {
      const ncv = carrier.raw.netCalorificValue!;
      factors.push({ id: `${carrier.id}.ncv`, nameZh: `${carrier.nameZh}平均低位发热量`, nameEn: `${carrier.nameEn} net calorific value`, value: ncv.value, unit: ncv.unit ?? '', source: ncv.source, tag: ncv.tag });
      const kilojoules = base * ncv.value;
      conversionText = `${f(entry.quantity)} ${entry.unit} = ${f(kilojoules)} kJ ÷ NCV ${f(ncv.value)} ${ncv.unit ?? ''} = ${f(base)} ${carrier.baseUnit}`;
    } else if (conversion.route === 'standard-coal') {
      conversionText = `${f(entry.quantity)} ${entry.unit} ÷ ${f(carrier.kgcePerBaseUnit)} kgce/${carrier.baseUnit} = ${f(base)} ${carrier.baseUnit}`;
    }
    return { index, entry, base, baseUnit: carrier.baseUnit, kgce: base * carrier.kgcePerBaseUnit, conversionText, factors };
  });
}

const energyInput = (working: EntryWorking, nameZh: string): TraceInput =>
  ({ path: `energy[${working.index}]`, label: `${nameZh} (${working.entry.carrier})`, value: working.entry.quantity, unit: working.entry.unit });

function unique(factors: FactorUse[]): FactorUse[] {
  return [...new Map(factors.map((factor) => [factor.id, factor])).values()];
}

type Draft = { inputs: TraceInput[]; factors: FactorUse[]; steps: string[]; reason?: string | undefined };

function finish(name: KpiName, value: number | null, draft: Draft, productUnit: string): KpiTrace {
  const definition = KPI_DEFINITIONS[name];
  return {
    kpi: name, nameZh: definition.nameZh, nameEn: definition.nameEn,
    unit: definition.unit.replace('{product}', productUnit), value,
    ...(value === null ? { reason: draft.reason ?? 'not computable from the data given' } : {}),
    formulaZh: definition.formulaZh, formulaEn: definition.formulaEn, source: definition.source,
    inputs: draft.inputs, factors: unique(draft.factors), steps: draft.steps,
  };
}

/** A quantity from the data for a ratio: its value, or why it cannot be used. */
interface Operand { path: string; label: string; unit: string; value: number | null | undefined; missingReason?: string; derived?: boolean }

function ratioDraft(numerator: Operand, denominator: Operand, scale: 1 | 100, result: number | null, resultUnit: string, extra: Partial<Draft> = {}): Draft {
  const inputs: TraceInput[] = [...(extra.inputs ?? [])];
  for (const operand of [numerator, denominator]) {
    if (operand.value !== null && operand.value !== undefined && operand.derived !== true) inputs.push({ path: operand.path, label: operand.label, value: operand.value, unit: operand.unit });
  }
  const steps = [...(extra.steps ?? [])];
  let reason: string | undefined;
  for (const operand of [numerator, denominator]) {
    if (operand.value === null || operand.value === undefined) { reason = operand.missingReason ?? `${operand.path} not reported`; break; }
  }
  if (reason === undefined && (denominator.value as number) <= 0) reason = `${denominator.path} is zero: no division by zero`;
  if (reason === undefined && result === null) reason = `${numerator.path} ÷ ${denominator.path} is not a finite number`;
  if (result !== null) {
    steps.push(`${f(numerator.value as number)} ${numerator.unit} ÷ ${f(denominator.value as number)} ${denominator.unit}${scale === 100 ? ' × 100%' : ''} = ${f(result)} ${resultUnit}`);
  }
  return { inputs, factors: [...(extra.factors ?? [])], steps, reason };
}

export function buildKpiTraces(context: TraceContext): Record<KpiName, KpiTrace> {
  const { data, kpis, factorSet } = context;
  const workings = energyWorkings(context);
  const electricity = factorSet.carriers.get('electricity')!;
  const carrierName = (id: string) => factorSet.carriers.get(id)?.nameZh ?? id;
  const productUnit = context.output.base ?? 'product';
  const traces = {} as Record<KpiName, KpiTrace>;
  const energyKgce = (kpis.energyTce ?? 0) * 1000;

  // 综合能耗 (GB/T 2589-2020): Σ quantity × coefficient, electricity at 当量值.
  const energySteps = workings.map((w) => `${w.conversionText} × ${f(factorSet.carriers.get(w.entry.carrier)!.kgcePerBaseUnit)} kgce/${w.baseUnit} = ${f(w.kgce)} kgce`);
  energySteps.push(`Σ ${f(workings.reduce((total, w) => total + w.kgce, 0))} kgce ÷ 1000 = ${f(kpis.energyTce ?? 0)} tce`);
  const energyInputs = workings.map((w) => energyInput(w, carrierName(w.entry.carrier)));
  traces.energyTce = finish('energyTce', kpis.energyTce, { inputs: energyInputs, factors: workings.flatMap((w) => w.factors), steps: energySteps }, productUnit);

  const nonElectric = workings.filter((w) => w.entry.carrier !== 'electricity');
  const electricWorkings = workings.filter((w) => w.entry.carrier === 'electricity');
  const electricityKwh = electricWorkings.reduce((total, w) => total + w.base, 0);
  const nonElectricKgce = nonElectric.reduce((total, w) => total + w.kgce, 0);
  const equivalentSteps = [`非电能源 / non-electric: Σ ${f(nonElectricKgce)} kgce`];
  const equivalentFactors = nonElectric.flatMap((w) => w.factors);
  if (context.equivalent?.found) {
    equivalentSteps.push(`电力 / electricity ${f(electricityKwh)} kWh × ${f(context.equivalent.kgcePerKwh)} kgce/kWh (${context.equivalent.year} 等价值) = ${f(electricityKwh * context.equivalent.kgcePerKwh)} kgce`);
    equivalentFactors.push(context.equivalent.factor);
    if (context.equivalent.note !== null) equivalentSteps.push(context.equivalent.note);
  }
  if (kpis.energyTceEquivalent !== null) equivalentSteps.push(`合计 / total ÷ 1000 = ${f(kpis.energyTceEquivalent)} tce`);
  traces.energyTceEquivalent = finish('energyTceEquivalent', kpis.energyTceEquivalent,
    { inputs: energyInputs, factors: equivalentFactors, steps: equivalentSteps, reason: context.equivalent?.found === false ? context.equivalent.note : undefined }, productUnit);

  // CO2 (GB/T 32150-2015): fuels + heat/steam + grid electricity + process.
  const co2Steps: string[] = [];
  const co2Factors: FactorUse[] = [];
  let missingCo2: string | undefined;
  let energyCo2Kg = 0;
  for (const w of workings) {
    const carrier = factorSet.carriers.get(w.entry.carrier)!;
    if (carrier.emission === 'grid') continue;
    if (carrier.emission === 'steam' && w.entry.enthalpyKjPerKg !== undefined) {
      const heatMj = (w.base * (w.entry.enthalpyKjPerKg - factorSet.feedWaterEnthalpyKjPerKg)) / 1000;
      const kg = heatMj * factorSet.heatKgCo2PerMj;
      energyCo2Kg += kg;
      co2Factors.push(factorSet.feedWaterFactor, factorSet.heatFactor);
      co2Steps.push(`${carrier.nameZh}: ${f(w.base)} kg × (${f(w.entry.enthalpyKjPerKg)} − ${f(factorSet.feedWaterEnthalpyKjPerKg)}) kJ/kg ÷ 1000 = ${f(heatMj)} MJ × ${f(factorSet.heatKgCo2PerMj)} kgCO2/MJ = ${f(kg)} kgCO2`);
    } else if (carrier.co2KgPerBaseUnit === null || carrier.co2Factor === null) {
      missingCo2 ??= `no CO2 factor for ${carrier.id} in factor set ${factorSet.id} (${carrier.nameZh}: no NCV/carbon content listed)`;
    } else {
      const kg = w.base * carrier.co2KgPerBaseUnit;
      energyCo2Kg += kg;
      co2Factors.push(carrier.co2Factor);
      co2Steps.push(`${carrier.nameZh}: ${f(w.base)} ${w.baseUnit} × ${f(carrier.co2KgPerBaseUnit)} kgCO2/${w.baseUnit} = ${f(kg)} kgCO2`);
    }
  }
  const gridWorkings = electricWorkings.filter((w) => w.entry.origin !== 'onsite_renewable');
  const gridKwh = gridWorkings.reduce((total, w) => total + w.base, 0);
  const electricitySteps: string[] = [];
  const electricityFactors: FactorUse[] = [];
  let gridReason: string | undefined;
  for (const w of electricWorkings.filter((w) => w.entry.origin === 'onsite_renewable')) {
    electricitySteps.push(`energy[${w.index}] 厂内可再生电力 / on-site renewable ${f(w.base)} kWh: 0 tCO2`);
  }
  if (gridWorkings.some((w) => w.entry.origin === 'green_power')) {
    electricitySteps.push('绿电交易电量按电网因子计（位置法）/ green-power purchases counted at the grid factor (location-based)');
  }
  if (context.grid?.found) {
    electricityFactors.push(context.grid.factor);
    electricitySteps.push(`${f(gridKwh)} kWh × ${f(context.grid.kgCo2PerKwh)} kgCO2/kWh (${context.grid.year} ${context.grid.region}, ${context.gridSeries}) ÷ 1000 = ${f(kpis.co2eElectricityT ?? 0)} tCO2`);
    if (context.grid.note !== null) electricitySteps.push(context.grid.note);
  } else if (context.grid && !context.grid.found) {
    gridReason = context.grid.note;
  } else {
    electricitySteps.push('无电网购入电力 / no grid electricity: 0 tCO2');
  }
  const electricityInputs = electricWorkings.map((w) => energyInput(w, electricity.nameZh));
  traces.co2eElectricityT = finish('co2eElectricityT', kpis.co2eElectricityT, { inputs: electricityInputs, factors: electricityFactors, steps: electricitySteps, reason: gridReason }, productUnit);

  const process = data.processEmissionsTCO2e;
  const totalSteps = [...co2Steps, `能源燃烧与热力 / fuels and heat: ${f(energyCo2Kg)} kgCO2 ÷ 1000 = ${f(energyCo2Kg / 1000)} tCO2`, ...electricitySteps,
    `过程排放 / process: ${process === undefined ? '未填报 / not reported (0)' : `${f(process)} tCO2`}`];
  if (kpis.co2eT !== null) totalSteps.push(`${f(energyCo2Kg / 1000)} + ${f(kpis.co2eElectricityT ?? 0)} + ${f(process ?? 0)} = ${f(kpis.co2eT)} tCO2`);
  const processInputs: TraceInput[] = process === undefined ? [] : [{ path: 'processEmissionsTCO2e', label: '过程排放', value: process, unit: 'tCO2' }];
  traces.co2eT = finish('co2eT', kpis.co2eT,
    { inputs: [...energyInputs, ...processInputs], factors: [...co2Factors, ...electricityFactors], steps: totalSteps, reason: missingCo2 ?? gridReason }, productUnit);

  // Ratios.
  const outputMissing = context.output.mixed
    ? 'output.products mix units of different kinds: per-unit intensity needs a single product unit'
    : 'output.products not reported';
  const outputOperand: Operand = { path: 'output.products', label: '产品产量 / product output', unit: productUnit, value: context.output.base === null ? null : context.output.quantity, missingReason: outputMissing };
  const valueOperand: Operand = { path: 'output.valueTenThousandYuan', label: '工业总产值 / output value', unit: '万元', value: data.output?.valueTenThousandYuan };
  const energyOperand: Operand = { path: 'energy', label: '综合能耗 / energy', unit: 'kgce', value: energyKgce, derived: true };
  const co2Operand = (scaleToKg: boolean): Operand => ({ path: 'co2eT', label: '二氧化碳排放 / CO2', unit: scaleToKg ? 'kgCO2' : 'tCO2', value: kpis.co2eT === null ? null : kpis.co2eT * (scaleToKg ? 1000 : 1), missingReason: traces.co2eT.reason, derived: true });
  const energyExtra = { inputs: energyInputs, factors: traces.energyTce.factors as FactorUse[] };
  const land = data.land;
  const water = data.water;
  const waste = data.solidWaste;
  const put = (name: KpiName, draft: Draft) => { traces[name] = finish(name, kpis[name], draft, productUnit); };
  put('energyPerUnitKgce', ratioDraft(energyOperand, outputOperand, 1, kpis.energyPerUnitKgce, `kgce/${productUnit}`, energyExtra));
  put('energyPerValueTcePerTenThousandYuan', ratioDraft({ ...energyOperand, unit: 'tce', value: kpis.energyTce }, valueOperand, 1, kpis.energyPerValueTcePerTenThousandYuan, 'tce/万元', energyExtra));
  put('energyPerValueKgcePerTenThousandYuan', ratioDraft(energyOperand, valueOperand, 1, kpis.energyPerValueKgcePerTenThousandYuan, 'kgce/万元', energyExtra));
  const co2Extra = { factors: traces.co2eT.factors as FactorUse[] };
  put('co2ePerUnitT', ratioDraft(co2Operand(false), outputOperand, 1, kpis.co2ePerUnitT, `tCO2/${productUnit}`, co2Extra));
  put('co2ePerValueKgPerTenThousandYuan', ratioDraft(co2Operand(true), valueOperand, 1, kpis.co2ePerValueKgPerTenThousandYuan, 'kgCO2/万元', co2Extra));
  const renewableKgce = electricWorkings.filter((w) => w.entry.origin === 'onsite_renewable' || w.entry.origin === 'green_power').reduce((total, w) => total + w.base, 0) * electricity.kgcePerBaseUnit;
  put('renewableShare', ratioDraft({ path: 'energy[].origin', label: '可再生电力（当量值）/ renewable electricity at 当量值', unit: 'kgce', value: renewableKgce, derived: true }, energyOperand, 100, kpis.renewableShare, '%',
    { inputs: electricityInputs, factors: [electricity.kgceFactor] }));
  put('plotRatio', ratioDraft({ path: 'land.floorAreaM2', label: '计容建筑面积', unit: 'm2', value: land?.floorAreaM2 }, { path: 'land.siteAreaM2', label: '用地面积', unit: 'm2', value: land?.siteAreaM2 }, 1, kpis.plotRatio, ''));
  put('buildingDensity', ratioDraft({ path: 'land.footprintM2', label: '建(构)筑物占地面积', unit: 'm2', value: land?.footprintM2 }, { path: 'land.siteAreaM2', label: '用地面积', unit: 'm2', value: land?.siteAreaM2 }, 100, kpis.buildingDensity, '%'));
  put('valuePerLandTenThousandYuanPerM2', ratioDraft(valueOperand, { path: 'land.siteAreaM2', label: '用地面积', unit: 'm2', value: land?.siteAreaM2 }, 1, kpis.valuePerLandTenThousandYuanPerM2, '万元/m2'));
  const reusedPlusWithdrawal = water?.reusedM3 === undefined || water.withdrawalM3 === undefined ? undefined : water.reusedM3 + water.withdrawalM3;
  put('waterReuseRate', ratioDraft({ path: 'water.reusedM3', label: '重复利用水量', unit: 'm3', value: water?.reusedM3 },
    { path: 'water.reusedM3 + water.withdrawalM3', label: '重复利用水量 + 取水量', unit: 'm3', value: reusedPlusWithdrawal, derived: true, missingReason: water?.withdrawalM3 === undefined ? 'water.withdrawalM3 not reported' : 'water.reusedM3 not reported' }, 100, kpis.waterReuseRate, '%',
    { inputs: water?.withdrawalM3 === undefined ? [] : [{ path: 'water.withdrawalM3', label: '取水量', value: water.withdrawalM3, unit: 'm3' }] }));
  put('wastewaterReuseRate', ratioDraft({ path: 'water.wastewaterReusedM3', label: '废水回用量', unit: 'm3', value: water?.wastewaterReusedM3 }, { path: 'water.wastewaterTreatedM3', label: '废水处理量', unit: 'm3', value: water?.wastewaterTreatedM3 }, 100, kpis.wastewaterReuseRate, '%'));
  put('waterIntensityM3PerTenThousandYuan', ratioDraft({ path: 'water.withdrawalM3', label: '取水量', unit: 'm3', value: water?.withdrawalM3 }, valueOperand, 1, kpis.waterIntensityM3PerTenThousandYuan, 'm3/万元'));
  put('waterPerUnitM3', ratioDraft({ path: 'water.withdrawalM3', label: '取水量', unit: 'm3', value: water?.withdrawalM3 }, outputOperand, 1, kpis.waterPerUnitM3, `m3/${productUnit}`));
  const wasteDenominator = waste?.generatedT === undefined || waste.priorStockUtilizedT === undefined ? undefined : waste.generatedT + waste.priorStockUtilizedT;
  put('solidWasteUtilizationRate', ratioDraft({ path: 'solidWaste.utilizedT', label: '综合利用量（含往年贮存）', unit: 't', value: waste?.utilizedT },
    { path: 'solidWaste.generatedT + solidWaste.priorStockUtilizedT', label: '产生量 + 综合利用往年贮存量', unit: 't', value: wasteDenominator, derived: true, missingReason: waste?.generatedT === undefined ? 'solidWaste.generatedT not reported' : 'solidWaste.priorStockUtilizedT not reported' }, 100, kpis.solidWasteUtilizationRate, '%',
    { inputs: waste?.generatedT === undefined || waste.priorStockUtilizedT === undefined ? [] : [
      { path: 'solidWaste.generatedT', label: '产生量', value: waste.generatedT, unit: 't' }, { path: 'solidWaste.priorStockUtilizedT', label: '综合利用往年贮存量', value: waste.priorStockUtilizedT, unit: 't' }] }));
  put('greenMaterialRate', ratioDraft({ path: 'materials.greenT', label: '绿色物料使用量', unit: 't', value: data.materials?.greenT }, { path: 'materials.totalT', label: '同类物料总使用量', unit: 't', value: data.materials?.totalT }, 100, kpis.greenMaterialRate, '%'));
  for (const name of KPI_NAMES) if (!traces[name]) throw new Error(`internal: no trace for ${name}`);
  return traces;
}
