/** The EHS pages build some catalogue keys from data (component types, grades, pillars…): each must exist in both languages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOGUES } from '../../i18n/catalogue.ts';
import { ACCIDENT_CATEGORIES, ACCIDENT_GRADES, MEDIUM_CLASSES } from '../../../domain/ehs/ehs-reference.ts';
import { COMPONENT_TYPES } from '../../../domain/ehs/ldar.ts';
import { HAZARD_GRADES } from '../../../domain/ehs/hazards.ts';
import { FOUR_ZERO_PILLARS } from '../../../domain/ehs/four-zero-status.ts';
import { MONITORING_METHODS, OUTLET_MEDIA } from '../../../domain/ehs/emissions.ts';
import { EHS_IMPORT_KINDS } from '../../../commands/ehs/import/import-columns.ts';
import { EHS_FORM_ACTIONS, EHS_ROW_ACTIONS } from '../../routes/ehs-form-actions.ts';

test('every key the EHS pages compose exists in zh-CN and en', () => {
  const keys = [
    ...COMPONENT_TYPES.map((c) => `ehs.component.${c}`),
    ...MEDIUM_CLASSES.map((m) => `ehs.medium.${m}`),
    ...ACCIDENT_CATEGORIES.flatMap((c) => [`ehs.category.${c}`, `ehs.domain.${c}`, ...ACCIDENT_GRADES.map((g) => `ehs.grade.${c}.${g}`)]),
    ...HAZARD_GRADES.map((g) => `ehs.hazardGrade.${g}`),
    ...FOUR_ZERO_PILLARS.flatMap((p) => [`ehs.pillar.${p}`, `ehs.pillar.${p}.what`, `ehs.series.${p}`]),
    ...['clear', 'open', 'overdue'].map((l) => `ehs.level.${l}`),
    ...OUTLET_MEDIA.map((m) => `ehs.outletMedium.${m}`),
    ...MONITORING_METHODS.map((m) => `ehs.method.${m}`),
    ...EHS_IMPORT_KINDS.map((k) => `ehs.import.kind.${k}`),
    ...[...Object.values(EHS_FORM_ACTIONS), ...Object.values(EHS_ROW_ACTIONS)].map((a) => `ehs.done.${a.done}`),
    'ehs.done.hazardClosed',
    ...Object.values(EHS_FORM_ACTIONS).map((a) => `ehs.record.${a.form}`),
    'ehs.record.import',
    'ehs.section.title',
    'ehs.section.description',
  ];
  const missing = keys.filter((key) => !CATALOGUES['zh-CN'].has(key) || !CATALOGUES.en.has(key));
  assert.deepEqual(missing, []);
});
