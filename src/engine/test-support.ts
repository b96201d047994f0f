/** Helpers shared by the engine's unit tests (not part of the public API). */
import assert from 'node:assert/strict';
import { AppError } from '../domain/errors.ts';
import type { AnnualData } from './annual-data.ts';

/** Asserts |actual − expected| ≤ 1e-9 × max(1, |expected|). */
export function near(actual: number | null | undefined, expected: number, message?: string): void {
  assert.ok(typeof actual === 'number', `${message ?? 'value'}: expected a number near ${expected}, got ${actual}`);
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance, `${message ?? 'value'}: ${actual} is not ${expected}`);
}

/** Asserts that `run` throws AppError `code` at field `path`. */
export function throwsAt(run: () => unknown, code: AppError['code'], path: string): AppError {
  try {
    run();
  } catch (error) {
    assert.ok(AppError.is(error, code), `expected AppError ${code}, got ${String(error)}`);
    assert.equal(error.path, path, `path of: ${error.message}`);
    return error;
  }
  assert.fail(`expected AppError ${code} at ${path}, nothing was thrown`);
}

/** A factory-year with only the given energy entries (other sections left out). */
export function energyOnly(year: number, gridRegion: AnnualData['gridRegion'], energy: AnnualData['energy']): AnnualData {
  return { year, gridRegion, energy, processEmissionsTCO2e: 0 };
}
