/** The Four Zero tiles, the negative-list banner and the charts (each with its numbers as a table). */
import { raw, type SafeHtml } from '#jsx/jsx-runtime';
import type { FourZeroStatus } from '../../../domain/ehs/four-zero-status.ts';
import { emissionMarginChart, fourZeroTrendChart } from '../../../output/charts/ehs-charts.ts';
import type { MarginSeries } from '../../../store/queries/ehs/ehs-charts-data.ts';
import { formatNumber, type Translate } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/language.ts';

export function FourZeroTiles(props: { status: FourZeroStatus; lang: Lang; t: Translate }): SafeHtml {
  const { t, lang } = props;
  return (
    <ul class="ehs-tiles" aria-label={t('ehs.fourZero')}>
      {props.status.pillars.map((p) => (
        <li class={`ehs-tile ehs-tile--${p.level}`}>
          <h3 class="ehs-tile-name">{t(`ehs.pillar.${p.pillar}`)}</h3>
          <p class="ehs-tile-what">{t(`ehs.pillar.${p.pillar}.what`)}</p>
          <p class="ehs-tile-days">
            {p.daysSince === null ? <span class="ehs-days">{t('ehs.daysSinceNone')}</span> : <><span class="ehs-days">{formatNumber(lang, p.daysSince)}</span> {t('ehs.daysSince', { days: p.daysSince })}</>}
          </p>
          <p class="ehs-tile-level">
            <span class="ehs-level">{t(`ehs.level.${p.level}`)}</span>
            {p.open > 0 ? <> · {t('ehs.openCount', { count: p.open })}</> : null}
            {p.overdue > 0 ? <> · <strong>{t('ehs.overdueCount', { count: p.overdue })}</strong></> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

function monthLabel(month: string, lang: Lang): string {
  return lang === 'en' ? month : `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
}

function DataTable(props: { caption: string; months: readonly string[]; series: readonly { name: string; values: readonly (number | null)[] }[]; lang: Lang; t: Translate; suffix?: string }): SafeHtml {
  return (
    <details class="chart-data">
      <summary>{props.t('ehs.chart.table')}</summary>
      <div class="table-scroll">
        <table class="data-table compact">
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{props.t('ehs.month')}</th>
              {props.series.map((s) => <th scope="col" class="number">{s.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {props.months.map((month, index) => (
              <tr>
                <th scope="row">{monthLabel(month, props.lang)}</th>
                {props.series.map((s) => <td class="number">{s.values[index] === null || s.values[index] === undefined ? '—' : `${formatNumber(props.lang, s.values[index]!, 1)}${props.suffix ?? ''}`}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function TrendCharts(props: { status: FourZeroStatus; margins: readonly MarginSeries[]; lang: Lang; t: Translate }): SafeHtml {
  const { t, lang, status } = props;
  const names = { leakage: t('ehs.series.leakage'), hazards: t('ehs.series.hazards'), violations: t('ehs.series.violations'), emissions: t('ehs.series.emissions') };
  const counts = status.pillars.map((p) => ({ name: names[p.pillar], values: p.monthly }));
  const margins = props.margins.map((m) => ({ name: `${m.outletCode} ${m.pollutantName}`, values: m.percentOfLimit }));
  return (
    <div class="ehs-charts">
      <figure class="chart">
        {raw(fourZeroTrendChart({ id: 'ehs-trend', title: t('ehs.chart.trend.title'), description: t('ehs.chart.trend.description'), months: status.months, series: counts }))}
        <figcaption>{t('ehs.chart.trend.title')}</figcaption>
        <DataTable caption={t('ehs.chart.trend.title')} months={status.months} series={counts} lang={lang} t={t} />
      </figure>
      {margins.length === 0 ? null : (
        <figure class="chart">
          {raw(emissionMarginChart({ id: 'ehs-margin', title: t('ehs.chart.margin.title'), description: t('ehs.chart.margin.description'), months: status.months, series: margins, limitLabel: t('ehs.chart.margin.limit') }))}
          <figcaption>{t('ehs.chart.margin.title')}</figcaption>
          <DataTable caption={t('ehs.chart.margin.title')} months={status.months} series={margins} lang={lang} t={t} suffix="%" />
        </figure>
      )}
    </div>
  );
}
