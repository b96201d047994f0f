/**
 * Province → MEE/NBS regional grid (the regions of the electricity CO₂ factor series),
 * read from reference/grid-regions.json. Most assignments are [U]: see that file's notes.
 */
import gridRegionsJson from '../../../reference/grid-regions.json' with { type: 'json' };
import { AppError, invalid } from '../errors.ts';
import {
  indexBy,
  PROVENANCE_TAGS,
  readReferenceFile,
  type ItemReader,
  type ProvenanceTag,
  type ReferenceFile,
} from './reference-file.ts';
import { findProvince, provinceCodeOf, cityCodeOf, isRegionCode } from './regions.ts';

/** The regional grids; AnnualData's gridRegion also allows 'national'. */
export type GridRegion = 'north' | 'northeast' | 'east' | 'central' | 'northwest' | 'south' | 'southwest';
export const GRID_REGIONS: readonly GridRegion[] = ['north', 'northeast', 'east', 'central', 'northwest', 'south', 'southwest'];

export interface GridAssignment {
  readonly code: string;
  readonly gridRegion: GridRegion;
  readonly tag: ProvenanceTag;
  readonly note?: string;
}

export interface GridRegionInfo {
  readonly id: GridRegion;
  readonly nameZh: string;
  readonly nameEn: string;
}

function readAssignment(codeField: string) {
  return (r: ItemReader): GridAssignment => {
    const note = r.optionalString('note');
    return {
      code: r.string(codeField, /^\d{6}$/),
      gridRegion: r.oneOf('gridRegion', GRID_REGIONS),
      tag: r.oneOf('tag', PROVENANCE_TAGS),
      ...(note === undefined ? {} : { note }),
    };
  };
}

export const gridRegionsFile: ReferenceFile<GridAssignment> = readReferenceFile(
  'grid-regions.json',
  gridRegionsJson,
  readAssignment('provinceCode'),
);
const overridesFile = readReferenceFile('grid-regions.json', gridRegionsJson, readAssignment('regionCode'), {
  itemsField: 'regionOverrides',
});
const regionInfo = readReferenceFile('grid-regions.json', gridRegionsJson, (r): GridRegionInfo => ({
  id: r.oneOf('id', GRID_REGIONS),
  nameZh: r.string('nameZh'),
  nameEn: r.string('nameEn'),
}), { itemsField: 'regions' }).items;

const byProvince = indexBy('grid-regions.json', gridRegionsFile.items, (a) => a.code);
const byRegion = indexBy('grid-regions.json', overridesFile.items, (a) => a.code);
for (const assignment of gridRegionsFile.items) {
  if (!findProvince(assignment.code)) {
    throw new AppError('CONFIG', `reference/grid-regions.json: unknown province ${assignment.code}`);
  }
}

/** The seven regional grids with their names. */
export function listGridRegions(): readonly GridRegionInfo[] {
  return regionInfo;
}

/** The assignment (grid, tag, note) of a province; undefined for Taiwan, Hong Kong, Macao. */
export function gridAssignmentOfProvince(provinceCode: string): GridAssignment | undefined {
  return byProvince.get(provinceCode);
}

/** The regional grid of a province; undefined where no mainland grid applies (use 'national'). */
export function gridRegionOfProvince(provinceCode: string): GridRegion | undefined {
  return byProvince.get(provinceCode)?.gridRegion;
}

/**
 * The regional grid of any region code. Inner Mongolia is split between grids (蒙东 is in
 * 东北), so a city-level override wins over the province's grid.
 */
export function gridRegionOfRegion(regionCode: string): GridRegion | undefined {
  if (!isRegionCode(regionCode)) throw invalid('regionCode', `"${regionCode}" is not a six-digit GB/T 2260 region code`);
  const cityCode = cityCodeOf(regionCode);
  const override = cityCode === undefined ? undefined : byRegion.get(cityCode);
  return override?.gridRegion ?? gridRegionOfProvince(provinceCodeOf(regionCode));
}
