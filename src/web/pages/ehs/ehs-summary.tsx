/** The "Three First" summary of a year and the accidents of the last three years. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { ThreeFirstSummary } from '../../../domain/ehs/three-first-summary.ts';
import type { AccidentView } from '../../../store/queries/ehs/ehs-register-views.ts';
import { formatNumber, type Translate } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/language.ts';

const total = (byGrade: Record<string, number>) => Object.values(byGrade).reduce((sum, n) => sum + n, 0);

function gradeList(byGrade: Record<string, number>, category: string, t: Translate): string {
  const parts = Object.entries(byGrade).filter(([, n]) => n > 0).map(([grade, n]) => `${t(`ehs.grade.${category}.${grade}`)} ${n}`);
  return parts.length === 0 ? t('ehs.none') : parts.join('，');
}

export function ThreeFirstSection(props: { summary: ThreeFirstSummary; years: readonly number[]; lang: Lang; t: Translate; action: string }): SafeHtml {
  const { summary: s, t, lang } = props;
  const n = (value: number) => formatNumber(lang, value);
  return (
    <section aria-labelledby="three-first-heading" class="ehs-three-first">
      <h2 id="three-first-heading">{t('ehs.threeFirst.title', { year: s.year })}</h2>
      <form method="get" action={props.action} class="inline-form">
        <label for="three-first-year">{t('ehs.threeFirst.year')}</label>
        <select id="three-first-year" name="year">
          {props.years.map((year) => <option value={String(year)} selected={year === s.year}>{String(year)}</option>)}
        </select>
        <button type="submit" class="button-secondary">{t('ehs.threeFirst.show')}</button>
      </form>
      <p class="muted">{t('ehs.threeFirst.use')}</p>
      <dl class="ehs-three-first-list">
        <dt>{t('ehs.threeFirst.safety')}</dt>
        <dd>{t('ehs.threeFirst.safetyText', { found: n(s.safety.hazardsFound), major: n(s.safety.majorHazards), closed: n(s.safety.hazardsClosed), onTime: n(s.safety.hazardsClosedOnTime), open: n(s.safety.hazardsOpenAtYearEnd), accidents: gradeList(s.safety.accidents, 'safety', t) })}</dd>
        <dt>{t('ehs.threeFirst.environment')}</dt>
        <dd>
          {t('ehs.threeFirst.ldarText', { rounds: n(s.environment.ldarRounds), readings: n(s.environment.readings), leaks: n(s.environment.leaksFound), onTime: n(s.environment.leaksRepairedOnTime), late: n(s.environment.leaksRepairedLate), open: n(s.environment.leaksOpenAtYearEnd) })}
          {' '}
          {t('ehs.threeFirst.emissionText', { results: n(s.environment.monitoringResults), exceedances: n(s.environment.exceedances), explained: n(s.environment.exceedancesExplained) })}
          {' '}
          {t('ehs.threeFirst.violationText', { violations: n(s.environment.violations + s.safety.violations + s.quality.violations), penalties: formatNumber(lang, s.environment.penaltiesYuan) })}
          {' '}
          {t('ehs.threeFirst.emergencyText', { emergencies: gradeList(s.environment.emergencies, 'environment', t) })}
        </dd>
        <dt>{t('ehs.threeFirst.quality')}</dt>
        <dd>{t('ehs.threeFirst.qualityText', { accidents: total(s.quality.accidents) === 0 ? t('ehs.none') : gradeList(s.quality.accidents, 'quality', t) })}</dd>
        <dt>{t('ehs.threeFirst.negativeList')}</dt>
        <dd>{s.negativeListUntil === null ? t('ehs.threeFirst.notListed') : t('ehs.threeFirst.listed', { until: s.negativeListUntil })}</dd>
      </dl>
    </section>
  );
}

export function AccidentSection(props: { accidents: readonly AccidentView[]; t: Translate }): SafeHtml {
  const { t } = props;
  return (
    <section aria-labelledby="accidents-heading">
      <h2 id="accidents-heading">{t('ehs.accidents.title')}</h2>
      {props.accidents.length === 0 ? (
        <p>{t('ehs.accidents.none')}</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">{t('ehs.accidents.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ehs.field.occurredOn')}</th>
              <th scope="col">{t('ehs.field.category')}</th>
              <th scope="col">{t('ehs.field.grade')}</th>
              <th scope="col">{t('ehs.field.title')}</th>
              <th scope="col">{t('ehs.accidents.negativeList')}</th>
            </tr>
          </thead>
          <tbody>
            {props.accidents.map((a) => (
              <tr>
                <td>{a.occurredOn}</td>
                <td>{t(`ehs.category.${a.category}`)}</td>
                <td>{t(`ehs.grade.${a.category}.${a.grade}`)}</td>
                <td>{a.title}</td>
                <td>{a.negativeListUntil === null ? t('ehs.accidents.notListing') : t('ehs.accidents.listedUntil', { until: a.negativeListUntil })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
