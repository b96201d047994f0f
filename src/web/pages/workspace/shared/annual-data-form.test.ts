/** The AnnualData form: fields named by document path, read back to the document; problems name their field. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnnualData } from '../../../../engine/index.ts';
import { annualDataFormFields, checkAnnualDataForm, fieldId, formRowCounts, readAnnualDataForm } from './annual-data-form.ts';

const DATA: AnnualData = {
  year: 2025,
  gridRegion: 'east',
  energy: [{ carrier: 'electricity', quantity: 1000, unit: 'kWh', origin: 'onsite_renewable' }, { carrier: 'steam', quantity: 10, unit: 't', enthalpyKjPerKg: 2800 }],
  output: { products: [{ name: '硅橡胶', quantity: 5, unit: 't' }], valueTenThousandYuan: 12.5 },
  water: { withdrawalM3: 100 },
  processEmissionsTCO2e: 3,
};

test('the form of a document reads back to the same document', () => {
  const fields = annualDataFormFields(DATA);
  assert.equal(fields['energy[1].enthalpyKjPerKg'], '2800');
  assert.equal(fields['output.products[0].name'], '硅橡胶');
  const outcome = checkAnnualDataForm(fields, 2025);
  assert.deepEqual(outcome, { ok: true, data: DATA });
});

test('blank rows are left out; thousands commas are read; text where a number belongs is a problem at its field', () => {
  const reading = readAnnualDataForm({ gridRegion: 'east', 'energy[0].carrier': 'electricity', 'energy[0].quantity': '1,200', 'energy[0].unit': 'kWh', 'energy[1].carrier': '', 'energy[1].quantity': '', 'land.siteAreaM2': '八十万' }, 2025);
  assert.deepEqual(reading.document.energy, [{ carrier: 'electricity', quantity: 1200, unit: 'kWh' }]);
  assert.deepEqual(Object.keys(reading.problems), ['land.siteAreaM2']);
});

test('the engine’s refusal names the field it is about', () => {
  const outcome = checkAnnualDataForm({ gridRegion: 'east', 'energy[0].carrier': 'diesel', 'energy[0].quantity': '5', 'energy[0].unit': 'kWh' }, 2025);
  assert.equal(outcome.ok, false);
  assert.deepEqual(Object.keys(outcome.ok ? {} : outcome.problems), ['energy[0].unit']);
  assert.equal(fieldId('energy[0].unit'), 'f-energy-0-unit');
});

test('the form offers the filled rows plus two spare, and three more per "more rows"', () => {
  assert.deepEqual(formRowCounts(annualDataFormFields(DATA), 0), { energy: 4, products: 3 });
  assert.deepEqual(formRowCounts({}, 3), { energy: 5, products: 5 });
});
