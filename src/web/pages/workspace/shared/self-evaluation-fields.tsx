/**
 * The self-evaluation answers of a framework as form fields — each 基本要求 met or not,
 * each 定性 indicator's option, each reported 定量 value, each 2018 requirement item —
 * and back from the posted form. Used by the enterprise (its self-evaluation) and the
 * evaluator (its own answers with the verified values).
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { frameworkIndicators, QualitativeIndicator, QuantitativeIndicator, RequirementItem, type Framework } from '../../../../engine/index.ts';
import type { SelfEvaluation } from '../../../../commands/applications/application-records.ts';
import type { Translate } from '../../../i18n/catalogue.ts';
import type { Lang } from '../../../i18n/language.ts';

type Fields = Record<string, string>;

/** The answers a framework asks for that no KPI supplies. */
function askedIndicators(framework: Framework) {
  return frameworkIndicators(framework).filter(({ indicator }) => QualitativeIndicator.is(indicator) || RequirementItem.is(indicator) || (QuantitativeIndicator.is(indicator) && indicator.kpi === null));
}

export function selfEvaluationFromForm(framework: Framework, fields: Fields): SelfEvaluation {
  const basicRequirements: Record<string, boolean> = {};
  for (const requirement of framework.basicRequirements) {
    const value = fields[`basic.${requirement.id}`];
    if (value === 'true' || value === 'false') basicRequirements[requirement.id] = value === 'true';
  }
  const qualitative: Record<string, string | number | boolean> = {};
  for (const { indicator } of askedIndicators(framework)) {
    const value = (fields[`answer.${indicator.id}`] ?? '').trim();
    if (value === '') continue;
    if (QualitativeIndicator.is(indicator)) qualitative[indicator.id] = value;
    else if (RequirementItem.is(indicator) && indicator.type === 'requirement') qualitative[indicator.id] = value === 'true';
    else qualitative[indicator.id] = Number(value.replace(/[,，\s]/g, ''));
  }
  const summary = (fields.summary ?? '').trim();
  return { basicRequirements, qualitative, ...(summary === '' ? {} : { summary }) };
}

function answerText(value: string | number | boolean | undefined): string {
  return value === undefined ? '' : String(value);
}

export function SelfEvaluationFields(props: { lang: Lang; t: Translate; framework: Framework; answers: SelfEvaluation | null; readOnly?: boolean }): SafeHtml {
  const { lang, t, framework } = props;
  const en = lang === 'en';
  const answers = props.answers ?? {};
  const readOnly = props.readOnly ?? false;
  const yesNo = (name: string, current: boolean | undefined, label: string) => (
    <select id={name} name={name} aria-label={label} disabled={readOnly}>
      <option value="">{t('ws-application.self.unanswered')}</option>
      <option value="true" selected={current === true}>{t('ws-application.self.met')}</option>
      <option value="false" selected={current === false}>{t('ws-application.self.notMet')}</option>
    </select>
  );
  return (
    <div class="self-evaluation-fields">
      <fieldset>
        <legend>{t('ws-application.self.basic')}</legend>
        {framework.basicRequirements.map((r) => (
          <div class="field-row">
            <label for={`basic.${r.id}`}>{en ? r.nameEn : r.nameZh}</label>
            {yesNo(`basic.${r.id}`, answers.basicRequirements?.[r.id], en ? r.nameEn : r.nameZh)}
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('ws-application.self.answers')}</legend>
        {askedIndicators(framework).map(({ indicator }) => {
          const name = `answer.${indicator.id}`;
          const label = en ? indicator.nameEn : indicator.nameZh;
          const current = answers.qualitative?.[indicator.id];
          return (
            <div class="field-row">
              <label for={name}>{label}{QuantitativeIndicator.is(indicator) ? <span class="unit"> {indicator.unit}</span> : null}</label>
              {QualitativeIndicator.is(indicator) ? (
                <select id={name} name={name} disabled={readOnly}>
                  <option value="">{t('ws-application.self.unanswered')}</option>
                  {indicator.options.map((o) => <option value={o.id} selected={current === o.id}>{en ? o.nameEn : o.nameZh}</option>)}
                </select>
              ) : RequirementItem.is(indicator) && indicator.type === 'requirement' ? (
                yesNo(name, typeof current === 'boolean' ? current : undefined, label)
              ) : (
                <input id={name} name={name} inputmode="decimal" value={answerText(current)} readonly={readOnly} />
              )}
            </div>
          );
        })}
      </fieldset>
      <div class="field-block">
        <label for="self-summary">{t('ws-application.self.summary')}</label>
        <textarea id="self-summary" name="summary" rows="3" readonly={readOnly}>{answers.summary ?? ''}</textarea>
      </div>
    </div>
  );
}
