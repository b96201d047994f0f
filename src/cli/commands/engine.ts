/** `greenlist kpi <file.json>` and `greenlist score <file.json> [--framework ID]`: the engine from a terminal. */
import { readFileSync } from 'node:fs';
import { computeKpis, getFramework, parseAnnualData, score, DEFAULT_FRAMEWORK_ID, KPI_DEFINITIONS, type KpiName } from '../../engine/index.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { optionString } from '../arguments.ts';
import type { CliCommand } from './command.ts';

function readJson(file: string | undefined, usage: string): unknown {
  if (file === undefined) throw invalid('file', `a JSON file is required: ${usage}`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AppError('NOT_FOUND', `cannot read ${file}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('BAD_REQUEST', `${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function formatValue(value: number | null): string {
  if (value === null) return '—';
  return Math.abs(value) >= 1000 ? value.toLocaleString('en', { maximumFractionDigits: 2 }) : value.toLocaleString('en', { maximumSignificantDigits: 6 });
}

export const kpiCommand: CliCommand = {
  name: 'kpi',
  usage: 'kpi <file.json> [--json] [--trace]',
  summary: 'compute every KPI of an AnnualData document (with --trace: the arithmetic of each)',
  async run(args) {
    const result = computeKpis(parseAnnualData(readJson(args.positionals[0], this.usage)));
    if (args.options.json) {
      console.log(JSON.stringify({ kpis: result.kpis, factors: result.factors, traces: result.traces, notes: result.notes }, null, 2));
      return 0;
    }
    for (const [name, value] of Object.entries(result.kpis) as [KpiName, number | null][]) {
      const definition = KPI_DEFINITIONS[name];
      const trace = result.traces[name];
      console.log(`${name.padEnd(40)} ${formatValue(value).padStart(18)} ${definition.unit.padEnd(12)} ${definition.nameZh}`);
      if (value === null && trace?.reason) console.log(`${''.padEnd(40)} ${trace.reason}`);
      if (args.options.trace && trace?.steps) for (const step of trace.steps) console.log(`${''.padEnd(44)}${step}`);
    }
    for (const note of result.notes) console.log(`note: ${note}`);
    console.log('\nfactors used:');
    for (const factor of result.factors) console.log(`  ${factor.id.padEnd(28)} ${formatValue(factor.value).padStart(10)} ${(factor.unit ?? '').padEnd(14)} [${factor.tag}] ${factor.source}`);
    return 0;
  },
};

export const scoreCommand: CliCommand = {
  name: 'score',
  usage: 'score <file.json> [--framework ID] [--as-of YYYY-MM-DD] [--json]',
  summary: 'score an AnnualData document (or { data, qualitative, basicRequirements }) against a framework',
  async run(args) {
    const input = readJson(args.positionals[0], this.usage) as Record<string, unknown>;
    const wrapped = typeof input === 'object' && input !== null && 'data' in input;
    const framework = getFramework(optionString(args, 'framework') ?? (wrapped && typeof input.framework === 'string' ? input.framework : DEFAULT_FRAMEWORK_ID));
    const data = parseAnnualData(wrapped ? input.data : input);
    const asOf = optionString(args, 'as-of') ?? (wrapped && typeof input.asOf === 'string' ? input.asOf : undefined);
    const result = score({
      framework,
      data,
      ...(wrapped && input.qualitative ? { qualitative: input.qualitative as Record<string, string | number | boolean> } : {}),
      ...(wrapped && input.basicRequirements ? { basicRequirements: input.basicRequirements as Record<string, boolean> } : {}),
      ...(wrapped && input.negativeListEvents ? { negativeListEvents: input.negativeListEvents as { kind: string; date: string }[] } : {}),
      ...(asOf === undefined ? {} : { asOf }),
    });
    if (args.options.json) {
      console.log(JSON.stringify(result, null, 2));
      return 0;
    }
    console.log(`${framework.nameZh} (${framework.id} ${framework.version}, ${framework.hash.slice(0, 19)}…)`);
    console.log(`eligible: ${result.eligible ? 'yes' : 'no'}   total: ${result.total === null ? '— (vetoed)' : result.total}${result.grade ? `   grade: ${result.grade}` : ''}`);
    for (const veto of result.vetoes) console.log(`veto: ${veto.id} — ${veto.reason}`);
    for (const open of result.unconfirmed) console.log(`unconfirmed: ${open.id} — ${open.reason}`);
    for (const indicator of result.indicators) {
      console.log(`${String(indicator.score).padStart(6)} / ${String(indicator.max).padEnd(5)} [${indicator.tag}] ${indicator.name}`);
      console.log(`${''.padEnd(16)}${indicator.explanation}`);
    }
    return 0;
  },
};
