import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../domain/errors.ts';
import { DEFAULT_DATA_DIRECTORY } from './data-file.ts';
import { getFactorSet, listFactorSets, loadFactorSet } from './factor-set.ts';
import { getFramework, listFrameworks, loadFrameworks } from './frameworks.ts';
import { loadEngineData } from './index.ts';

function jsonFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
  });
}

const TAGS = new Set(['V', '3P', 'U']);
const hasProvenance = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { source?: unknown }).source === 'string'
  && (value as { source: string }).source.length > 0 && TAGS.has((value as { tag?: unknown }).tag as string);

test('every data file loads and validates', () => {
  loadEngineData();
  assert.deepEqual(listFrameworks().map((framework) => framework.id).sort(), ['gbt36132-2018', 'gbt36132-2025']);
  assert.ok(listFactorSets().some((set) => set.id === 'cn-default'));
  for (const framework of listFrameworks()) assert.match(framework.hash, /^sha256:[0-9a-f]{64}$/);
});

test('every value carries a source and a tag ([V]/[3P]/[U])', () => {
  const files = jsonFiles(DEFAULT_DATA_DIRECTORY).filter((file) => !file.endsWith('versions.lock.json'));
  assert.ok(files.length >= 5, `data files found: ${files.length}`);
  for (const file of files) {
    const walk = (node: unknown, path: string, provenanced: boolean): void => {
      if (typeof node === 'number') {
        assert.ok(provenanced, `${file}: ${path} = ${node} has no source/tag on it or its parents`);
      } else if (Array.isArray(node)) {
        node.forEach((item, index) => walk(item, `${path}[${index}]`, provenanced));
      } else if (typeof node === 'object' && node !== null) {
        const record = node as Record<string, unknown>;
        if ('value' in record || 'kind' in record) assert.ok(hasProvenance(record), `${file}: ${path} needs source and tag`);
        // A number counts as sourced when its own object, or an object above it (not the file root), names source and tag.
        const here = path !== '' && hasProvenance(record);
        for (const [key, value] of Object.entries(record)) walk(value, path === '' ? key : `${path}.${key}`, here || provenanced);
      }
    };
    const root = JSON.parse(readFileSync(file, 'utf8'));
    assert.ok(hasProvenance(root), `${file}: the file itself names a source and tag`);
    walk(root, '', false);
  }
});

test('[U] configuration is flagged: 2018 weights, unknown 2025 thresholds', () => {
  const framework2018 = getFramework('gbt36132-2018');
  assert.deepEqual(framework2018.dimensions.map((dimension) => [dimension.weight.value, dimension.weight.tag]),
    [[20, 'U'], [15, 'U'], [15, 'U'], [10, 'U'], [10, 'U'], [30, 'U']]);
  assert.ok(framework2018.dimensions.every((dimension) => dimension.weight.note !== undefined));
  assert.equal(framework2018.config.passLine.tag, 'U');
  const framework2025 = getFramework('gbt36132-2025');
  const energy = framework2025.dimensions.find((dimension) => dimension.id === 'energy')!;
  assert.deepEqual(energy.indicators.map((indicator) => indicator.kind === 'requirement-item' ? null : [indicator.weight.value, indicator.weight.tag]),
    [[8, '3P'], [8, '3P'], [8, '3P'], [6, '3P']]);
  const intensity = energy.indicators[0]!;
  assert.ok(intensity.kind === 'quantitative-indicator' && intensity.benchmark?.tag === 'U' && intensity.leading?.tag === 'U');
});

test('factor set: listed coefficients stored, CO2 factors computed at load, grid series named', () => {
  const set = getFactorSet();
  // The trap (domain.md §9.1): store 0.7143, never 20 908 / 29 307 = 0.71341.
  assert.equal(set.carriers.get('raw_coal')!.kgcePerBaseUnit, 0.7143);
  assert.equal(set.carriers.get('raw_coal')!.co2Factor!.value.toFixed(4), '1.9003');
  assert.equal(set.carriers.get('electricity')!.kgcePerBaseUnit, 0.1229);
  assert.equal(set.defaultGridSeries, 'mee-nbs-statistical');
  const grid2022 = set.gridFactor(2022, 'national');
  assert.ok(grid2022.found && grid2022.kgCo2PerKwh === 0.5366, 'the statistical 2022 value, not the 0.5703 compliance one');
  const grid2015 = set.gridFactor(2015, 'national');
  assert.ok(grid2015.found && grid2015.kgCo2PerKwh === 0.6101);
});

test('a bad file fails loudly with the file and the field path', () => {
  const directory = mkdtempSync(join(tmpdir(), 'greenlist-frameworks-'));
  cpSync(DEFAULT_DATA_DIRECTORY, directory, { recursive: true });
  const file = join(directory, 'gbt36132-2025.json');
  const original = JSON.parse(readFileSync(file, 'utf8'));
  const expectConfig = (mutate: (document: any) => void, path: string, message: RegExp) => {
    const document = structuredClone(original);
    mutate(document);
    writeFileSync(file, JSON.stringify(document));
    assert.throws(() => loadFrameworks(directory), (error: unknown) => {
      assert.ok(AppError.is(error, 'CONFIG'), String(error));
      assert.equal(error.path, path);
      assert.ok(error.message.startsWith(file), error.message);
      assert.match(error.message, message);
      return true;
    });
  };
  expectConfig((document) => { document.dimensions[1].indicators[2].weight.tag = 'X'; }, 'dimensions[1].indicators[2].weight.tag', /./);
  expectConfig((document) => { delete document.dimensions[0].indicators[1].source; }, 'dimensions[0].indicators[1]', /source/);
  expectConfig((document) => { document.dimensions[0].indicators[0].weight.value = 9; }, 'dimensions[0].weight', /add up to 31/);
  expectConfig((document) => { document.dimensions[1].indicators[3].leading.value = 70; }, 'dimensions[1].indicators[3].leading', /引领值 70 must be above 基准值 80/);
  // Same id and version with changed content: the lock refuses it.
  expectConfig((document) => { document.nameEn += ' (edited)'; }, 'version', /changed .* a change needs a new version id/);
  // A new version id is accepted.
  const edited = structuredClone(original);
  edited.version = '2025.2';
  edited.nameEn += ' (edited)';
  writeFileSync(file, JSON.stringify(edited));
  assert.equal(loadFrameworks(directory).get('gbt36132-2025')!.version, '2025.2');

  const factorFile = join(directory, 'factors', 'cn-default.json');
  const factors = JSON.parse(readFileSync(factorFile, 'utf8'));
  factors.carriers[1].carbonContent.value = 26.4;
  writeFileSync(factorFile, JSON.stringify(factors));
  assert.throws(() => loadFactorSet(factorFile), (error: unknown) =>
    AppError.is(error, 'CONFIG') && error.path === 'carriers[1].listedCo2PerBaseUnit' && /differs from the listed 1.9003/.test(error.message));
});

test('getFramework and getFactorSet throw NOT_FOUND for an unknown id', () => {
  assert.throws(() => getFramework('gbt0000-1999'), (error: unknown) => AppError.is(error, 'NOT_FOUND'));
  assert.throws(() => getFactorSet('nowhere'), (error: unknown) => AppError.is(error, 'NOT_FOUND'));
});
