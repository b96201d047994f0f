/**
 * Loading the indicator frameworks under `frameworks/`: each file is checked against the
 * schema, then against the rules the schema cannot say (unique ids, weights adding up,
 * 引领值 on the right side of 基准值), hashed, and frozen. A version's content may not
 * change: `frameworks/versions.lock.json` records the hash of every released version and
 * a mismatch fails at load ("immutable once a batch pins it; a change is a new version").
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { notFound } from '../domain/errors.ts';
import { checkDataFile, contentHash, DEFAULT_DATA_DIRECTORY, dataFileError, deepFreeze, readJsonFile } from './data-file.ts';
import {
  BasicRequirement, Dimension, Framework, QualitativeIndicator, QuantitativeIndicator, RequirementItem, type Indicator,
} from './framework-nodes.ts';
import type { TSchema } from 'typebox';
import { FrameworkFileSchema, QualitativeIndicatorSchema, QuantitativeIndicatorSchema, RequirementItemSchema, type FrameworkFile } from './framework-schema.ts';

/** Data files under `frameworks/` that are not indicator frameworks. */
const OTHER_DATA_FILES = new Set(['negative-list.json', 'green-code-grades.json', 'versions.lock.json']);

/** Sums weights in integer hundredths so that 2.5 × 12 adds up to exactly 30. */
const hundredths = (value: number) => Math.round(value * 100);

function checkRules(file: FrameworkFile, fileName: string): void {
  const ids = new Set<string>();
  const claim = (id: string, path: string) => {
    if (ids.has(id)) throw dataFileError(fileName, path, `duplicate id "${id}"`);
    ids.add(id);
  };
  file.basicRequirements.forEach((requirement, index) => claim(requirement.id, `basicRequirements[${index}].id`));
  let total = 0;
  file.dimensions.forEach((dimension, dimensionIndex) => {
    const dimensionPath = `dimensions[${dimensionIndex}]`;
    claim(dimension.id, `${dimensionPath}.id`);
    total += hundredths(dimension.weight.value);
    let sum = 0;
    dimension.indicators.forEach((indicator, index) => {
      const path = `${dimensionPath}.indicators[${index}]`;
      claim(indicator.id, `${path}.id`);
      const expected = file.method === 'checklist-2018' ? 'requirement-item' : ['quantitative-indicator', 'qualitative-indicator'];
      if (!(Array.isArray(expected) ? expected.includes(indicator.kind) : expected === indicator.kind)) {
        throw dataFileError(fileName, `${path}.kind`, `"${indicator.kind}" does not belong to method ${file.method}`);
      }
      sum += hundredths(indicator.kind === 'requirement-item' ? indicator.max.value : indicator.weight.value);
      if (indicator.kind === 'quantitative-indicator') checkThresholds(indicator, path, fileName);
      if (indicator.kind === 'qualitative-indicator') {
        const optionIds = indicator.options.map((option) => option.id);
        if (new Set(optionIds).size !== optionIds.length) throw dataFileError(fileName, `${path}.options`, 'duplicate option id');
      }
    });
    if (sum !== hundredths(dimension.weight.value)) {
      throw dataFileError(fileName, `${dimensionPath}.weight`, `indicator points add up to ${sum / 100}, not the dimension weight ${dimension.weight.value}`);
    }
  });
  if (total !== 10000) throw dataFileError(fileName, 'dimensions', `first-level weights add up to ${total / 100}, not 100`);
}

function checkThresholds(indicator: FrameworkFile['dimensions'][number]['indicators'][number] & { kind: 'quantitative-indicator' }, path: string, fileName: string): void {
  const pairs = indicator.bands
    ? indicator.bands.rows.map((row, index) => ({ benchmark: row.benchmark.value, leading: row.leading.value, at: `${path}.bands.rows[${index}]` }))
    : [{ benchmark: indicator.benchmark?.value, leading: indicator.leading?.value, at: path }];
  if (!indicator.bands && (indicator.benchmark === undefined || indicator.leading === undefined)) {
    throw dataFileError(fileName, path, 'a quantitative indicator needs benchmark and leading, or bands');
  }
  for (const { benchmark, leading, at } of pairs) {
    if (benchmark === undefined || leading === undefined) continue;
    const rightSide = indicator.type === 'positive_quantitative' ? leading > benchmark : leading < benchmark;
    if (!rightSide) {
      throw dataFileError(fileName, `${at}.leading`, `${indicator.type}: 引领值 ${leading} must be ${indicator.type === 'positive_quantitative' ? 'above' : 'below'} 基准值 ${benchmark}`);
    }
  }
}

function toIndicator(indicator: FrameworkFile['dimensions'][number]['indicators'][number]): Indicator {
  const { kind: _kind, ...properties } = indicator;
  switch (indicator.kind) {
    case 'requirement-item': return RequirementItem.create(properties as Omit<RequirementItem, 'kind'>);
    case 'quantitative-indicator': return QuantitativeIndicator.create(properties as Omit<QuantitativeIndicator, 'kind'>);
    case 'qualitative-indicator': return QualitativeIndicator.create(properties as Omit<QualitativeIndicator, 'kind'>);
  }
}

const INDICATOR_SCHEMAS: Readonly<Record<string, TSchema>> = {
  'requirement-item': RequirementItemSchema,
  'quantitative-indicator': QuantitativeIndicatorSchema,
  'qualitative-indicator': QualitativeIndicatorSchema,
};

/** Checks each indicator against the schema its `kind` names first, so an error points into that indicator (a union would blame every branch). */
function checkIndicatorsByKind(json: unknown, file: string): void {
  const dimensions = (json as { dimensions?: unknown } | null)?.dimensions;
  if (!Array.isArray(dimensions)) return;
  dimensions.forEach((dimension: unknown, dimensionIndex) => {
    const indicators = (dimension as { indicators?: unknown } | null)?.indicators;
    if (!Array.isArray(indicators)) return;
    indicators.forEach((indicator: unknown, index) => {
      const schema = INDICATOR_SCHEMAS[String((indicator as { kind?: unknown } | null)?.kind)];
      if (schema) checkDataFile(schema, indicator, file, `dimensions[${dimensionIndex}].indicators[${index}]`);
    });
  });
}

/** Loads one framework file; throws AppError CONFIG naming the file and the field. */
export function loadFramework(file: string, lock: Readonly<Record<string, string>> = {}): Framework {
  const json = readJsonFile(file);
  checkIndicatorsByKind(json, file);
  const raw = deepFreeze(checkDataFile(FrameworkFileSchema, json, file));
  checkRules(raw, file);
  const hash = contentHash(raw);
  const locked = lock[`${raw.id}@${raw.version}`];
  if (locked !== undefined && locked !== hash) {
    throw dataFileError(file, 'version', `content of ${raw.id}@${raw.version} changed (${hash} ≠ locked ${locked}): a change needs a new version id`);
  }
  const { kind: _kind, basicRequirements, dimensions, ...fields } = raw;
  return Framework.create({
    ...fields,
    hash,
    basicRequirements: basicRequirements.map(({ kind: _k, ...requirement }) => BasicRequirement.create(requirement)),
    dimensions: dimensions.map(({ kind: _k, indicators, ...dimension }) => Dimension.create({ ...dimension, indicators: Object.freeze(indicators.map(toIndicator)) })),
  });
}

/** Loads every framework file of a directory (default: the repository's `frameworks/`). */
export function loadFrameworks(directory: string = DEFAULT_DATA_DIRECTORY): Map<string, Framework> {
  const lockFile = join(directory, 'versions.lock.json');
  const names = readdirSync(directory).filter((name) => name.endsWith('.json')).sort();
  const lock = names.includes('versions.lock.json') ? readJsonFile(lockFile) as Record<string, string> : {};
  const frameworks = new Map<string, Framework>();
  for (const name of names.filter((entry) => !OTHER_DATA_FILES.has(entry))) {
    const framework = loadFramework(join(directory, name), lock);
    if (frameworks.has(framework.id)) throw dataFileError(join(directory, name), 'id', `duplicate framework id "${framework.id}"`);
    frameworks.set(framework.id, framework);
  }
  return frameworks;
}

let registry: Map<string, Framework> | undefined;

/** Every framework under `frameworks/`, loaded and validated on first use. */
export function listFrameworks(): readonly Framework[] {
  registry ??= loadFrameworks();
  return [...registry.values()];
}

/** The framework with this id; throws AppError NOT_FOUND. */
export function getFramework(id: string): Framework {
  registry ??= loadFrameworks();
  const framework = registry.get(id);
  if (!framework) throw notFound(`framework "${id}"`);
  return framework;
}

/** The current default framework (GB/T 36132-2025 replaced the 2018 edition on 2025-12-31). */
export const DEFAULT_FRAMEWORK_ID = 'gbt36132-2025';
