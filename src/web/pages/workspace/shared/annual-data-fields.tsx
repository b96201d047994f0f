/**
 * The AnnualData form fields (one factory-year): grid, energy lines, products and output
 * value, land, water, solid waste, materials, process emissions. Used by the enterprise's
 * form and by the evaluator's verified values. Drop-downs offer the engine's carriers and
 * units; a problem is shown beside its field and summarised at the top.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { carrierChoices, energyUnits, gridRegionChoices, originChoices, productUnits } from '../../../../output/sheets/annual-data-layout.ts';
import { getFactorSet } from '../../../../engine/index.ts';
import type { Translate } from '../../../i18n/catalogue.ts';
import type { Lang } from '../../../i18n/language.ts';
import { fieldId, formRowCounts, OTHER_FIELDS, OUTPUT_VALUE_FIELD, SECTION_FIELDS, type FormFields } from './annual-data-form.ts';

export interface AnnualDataFieldsProps {
  lang: Lang;
  t: Translate;
  values: FormFields;
  problems: Record<string, string>;
  /** Extra blank rows asked for (the "more rows" button). */
  extraRows?: number;
  readOnly?: boolean;
}

function Problem(props: { path: string; problems: Record<string, string> }): SafeHtml | null {
  const message = props.problems[props.path];
  return message === undefined ? null : <span class="field-error" id={`${fieldId(props.path)}-error`}>{message}</span>;
}

function Options(props: { choices: readonly { value: string; label: string }[]; selected: string | undefined; blank?: string }): SafeHtml {
  const known = props.choices.some((c) => c.value === props.selected);
  return (
    <>
      {props.blank === undefined ? null : <option value="">{props.blank}</option>}
      {props.choices.map((c) => <option value={c.value} selected={c.value === props.selected}>{c.label}</option>)}
      {props.selected && !known ? <option value={props.selected} selected>{props.selected}</option> : null}
    </>
  );
}

function NumberInput(props: { path: string; values: FormFields; problems: Record<string, string>; label: string; readOnly: boolean }): SafeHtml {
  const id = fieldId(props.path);
  const invalid = props.problems[props.path] !== undefined;
  return <input id={id} name={props.path} value={props.values[props.path] ?? ''} inputmode="decimal" aria-label={props.label} aria-invalid={invalid ? 'true' : undefined} aria-describedby={invalid ? `${id}-error` : undefined} readonly={props.readOnly} />;
}

export function AnnualDataFields(props: AnnualDataFieldsProps): SafeHtml {
  const { lang, t, values, problems } = props;
  const readOnly = props.readOnly ?? false;
  const en = lang === 'en';
  const rows = formRowCounts(values, props.extraRows ?? 0);
  const factorSet = getFactorSet();
  const carriers = carrierChoices().map((c) => ({ value: c.value, label: en ? `${factorSet.carriers.get(c.value)?.nameEn ?? c.value}` : (factorSet.carriers.get(c.value)?.nameZh ?? c.value) }));
  const units = energyUnits().map((u) => ({ value: u, label: u }));
  const products = productUnits().map((u) => ({ value: u, label: u }));
  const origins = originChoices().map((c) => ({ value: c.value, label: en ? c.value.replace(/_/g, ' ') : c.label.split(' ')[0]! }));
  const grids = gridRegionChoices().map((c) => ({ value: c.value, label: en ? c.value : c.label.split(' ')[0]! }));
  const number = (path: string, label: string) => <NumberInput path={path} values={values} problems={problems} label={label} readOnly={readOnly} />;
  return (
    <div class="annual-data-fields">
      <fieldset>
        <legend>{t('ws-enterprise.data.general')}</legend>
        <div class="field-row">
          <label for={fieldId('gridRegion')}>{t('ws-enterprise.data.gridRegion')}</label>
          <select id={fieldId('gridRegion')} name="gridRegion" disabled={readOnly} aria-invalid={problems.gridRegion ? 'true' : undefined}>
            <Options choices={grids} selected={values.gridRegion} blank={t('ws-enterprise.data.choose')} />
          </select>
          <Problem path="gridRegion" problems={problems} />
        </div>
        {OTHER_FIELDS.filter((f) => f.key !== 'gridRegion').map((f) => (
          <div class="field-row">
            <label for={fieldId(f.key)}>{en ? f.en : f.zh} <span class="unit">{f.unit}</span></label>
            {number(f.key, en ? f.en : f.zh)}
            <Problem path={f.key} problems={problems} />
          </div>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('ws-enterprise.data.energy')}</legend>
        <div class="table-scroll">
          <table class="data-table compact form-table">
            <thead>
              <tr>
                <th scope="col">{t('ws-enterprise.data.carrier')}</th>
                <th scope="col">{t('ws-enterprise.data.quantity')}</th>
                <th scope="col">{t('ws-enterprise.data.unit')}</th>
                <th scope="col">{t('ws-enterprise.data.origin')}</th>
                <th scope="col">{t('ws-enterprise.data.enthalpy')}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: rows.energy }, (_, i) => {
                const p = (field: string) => `energy[${i}].${field}`;
                return (
                  <tr>
                    <td>
                      <select id={fieldId(p('carrier'))} name={p('carrier')} aria-label={t('ws-enterprise.data.rowCarrier', { row: i + 1 })} disabled={readOnly}>
                        <Options choices={carriers} selected={values[p('carrier')]} blank="—" />
                      </select>
                      <Problem path={p('carrier')} problems={problems} />
                    </td>
                    <td>{number(p('quantity'), t('ws-enterprise.data.rowQuantity', { row: i + 1 }))}<Problem path={p('quantity')} problems={problems} /></td>
                    <td>
                      <select id={fieldId(p('unit'))} name={p('unit')} aria-label={t('ws-enterprise.data.rowUnit', { row: i + 1 })} disabled={readOnly}>
                        <Options choices={units} selected={values[p('unit')]} blank="—" />
                      </select>
                      <Problem path={p('unit')} problems={problems} />
                    </td>
                    <td>
                      <select id={fieldId(p('origin'))} name={p('origin')} aria-label={t('ws-enterprise.data.rowOrigin', { row: i + 1 })} disabled={readOnly}>
                        <Options choices={origins} selected={values[p('origin')]} blank="—" />
                      </select>
                      <Problem path={p('origin')} problems={problems} />
                    </td>
                    <td>{number(p('enthalpyKjPerKg'), t('ws-enterprise.data.rowEnthalpy', { row: i + 1 }))}<Problem path={p('enthalpyKjPerKg')} problems={problems} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('ws-enterprise.data.output')}</legend>
        <div class="field-row">
          <label for={fieldId(`output.${OUTPUT_VALUE_FIELD.key}`)}>{en ? OUTPUT_VALUE_FIELD.en : OUTPUT_VALUE_FIELD.zh} <span class="unit">{OUTPUT_VALUE_FIELD.unit}</span></label>
          {number(`output.${OUTPUT_VALUE_FIELD.key}`, en ? OUTPUT_VALUE_FIELD.en : OUTPUT_VALUE_FIELD.zh)}
          <Problem path={`output.${OUTPUT_VALUE_FIELD.key}`} problems={problems} />
        </div>
        <div class="table-scroll">
          <table class="data-table compact form-table">
            <thead>
              <tr>
                <th scope="col">{t('ws-enterprise.data.product')}</th>
                <th scope="col">{t('ws-enterprise.data.quantity')}</th>
                <th scope="col">{t('ws-enterprise.data.unit')}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: rows.products }, (_, i) => {
                const p = (field: string) => `output.products[${i}].${field}`;
                return (
                  <tr>
                    <td><input id={fieldId(p('name'))} name={p('name')} value={values[p('name')] ?? ''} aria-label={t('ws-enterprise.data.rowProduct', { row: i + 1 })} readonly={readOnly} /><Problem path={p('name')} problems={problems} /></td>
                    <td>{number(p('quantity'), t('ws-enterprise.data.rowQuantity', { row: i + 1 }))}<Problem path={p('quantity')} problems={problems} /></td>
                    <td>
                      <select id={fieldId(p('unit'))} name={p('unit')} aria-label={t('ws-enterprise.data.rowUnit', { row: i + 1 })} disabled={readOnly}>
                        <Options choices={products} selected={values[p('unit')]} blank="—" />
                      </select>
                      <Problem path={p('unit')} problems={problems} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </fieldset>

      {SECTION_FIELDS.map(({ section, sheet, fields }) => (
        <fieldset>
          <legend>{en ? sheet.en.charAt(0).toUpperCase() + sheet.en.slice(1) : sheet.zh}</legend>
          {fields.map((f) => (
            <div class="field-row">
              <label for={fieldId(`${section}.${f.key}`)}>{en ? f.en : f.zh} <span class="unit">{f.unit}</span></label>
              {number(`${section}.${f.key}`, en ? f.en : f.zh)}
              <Problem path={`${section}.${f.key}`} problems={problems} />
            </div>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
