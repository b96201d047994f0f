/**
 * The KPIs an enterprise's listing makes public, per factory and year, with trend charts
 * of energy and CO2. Enterprises that were never listed publish no figures here.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { lineChart } from '../../../output/charts/line-chart.ts';
import type { EnterpriseProfile } from '../../../store/queries/enterprise-profile.ts';
import { formatNumber, type Translate } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/language.ts';
import { ChartFigure } from '../shared/chart-figure.tsx';
import { nameIn } from '../shared/labels.ts';
import { kpiName, kpiUnit, PUBLISHED_KPIS, type KpiYear } from './published-kpis.ts';

function formatKpi(lang: Lang, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 2 : 4;
  return formatNumber(lang, value, digits);
}

export function KpiSection(props: { lang: Lang; t: Translate; profile: EnterpriseProfile; kpis: KpiYear[]; listed: boolean }): SafeHtml {
  const { lang, t, profile } = props;
  if (!props.listed) {
    return (
      <section aria-labelledby="kpi-heading">
        <h2 id="kpi-heading">{t('enterprise.kpis')}</h2>
        <p class="muted">{t('enterprise.kpisOnlyListed')}</p>
      </section>
    );
  }
  if (props.kpis.length === 0) {
    return (
      <section aria-labelledby="kpi-heading">
        <h2 id="kpi-heading">{t('enterprise.kpis')}</h2>
        <p class="muted">{t('enterprise.noKpis')}</p>
      </section>
    );
  }
  const years = [...new Set(props.kpis.map((k) => k.year))].sort();
  const factoryName = (id: number) => {
    const factory = profile.factories.find((f) => f.id === id);
    return factory === undefined ? `#${id}` : nameIn(lang, factory.nameZh, factory.nameEn);
  };
  const factoryIds = [...new Set(props.kpis.map((k) => k.factoryId))];
  const series = (name: 'energyTce' | 'co2eT') =>
    factoryIds.map((id) => ({ name: factoryName(id), values: years.map((y) => props.kpis.find((k) => k.factoryId === id && k.year === y)?.kpis[name] ?? null) }));
  const chartRows = (name: 'energyTce' | 'co2eT') => factoryIds.flatMap((id) => years.map((y) => [`${factoryName(id)} ${y}`, formatKpi(lang, props.kpis.find((k) => k.factoryId === id && k.year === y)?.kpis[name])]));
  return (
    <section aria-labelledby="kpi-heading">
      <h2 id="kpi-heading">{t('enterprise.kpis')}</h2>
      <p class="muted">{t('enterprise.kpisNote')}</p>
      {factoryIds.map((id) => (
        <div class="table-scroll">
          <table class="data-table">
            <caption>{t('enterprise.kpiCaption', { factory: factoryName(id) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('enterprise.column.kpi')}</th>
                <th scope="col">{t('enterprise.column.unit')}</th>
                {years.map((y) => <th scope="col" class="number">{y}</th>)}
              </tr>
            </thead>
            <tbody>
              {PUBLISHED_KPIS.map((name) => (
                <tr>
                  <th scope="row">{kpiName(lang, name)}</th>
                  <td>{kpiUnit(name)}</td>
                  {years.map((y) => {
                    const row = props.kpis.find((k) => k.factoryId === id && k.year === y);
                    return <td class="number">{row?.error ? t('enterprise.kpiUnavailable') : formatKpi(lang, row?.kpis[name])}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <div class="chart-grid two">
        <ChartFigure
          t={t}
          svg={lineChart({ id: 'trend-energy', title: t('enterprise.trendEnergy'), description: t('enterprise.trendDescription', { years: `${years[0]}–${years[years.length - 1]}` }), categories: years.map(String), series: series('energyTce') })}
          caption={t('enterprise.trendEnergy')}
          headers={[t('enterprise.column.factoryYear'), 'tce']}
          rows={chartRows('energyTce')}
        />
        <ChartFigure
          t={t}
          svg={lineChart({ id: 'trend-co2', title: t('enterprise.trendCo2'), description: t('enterprise.trendDescription', { years: `${years[0]}–${years[years.length - 1]}` }), categories: years.map(String), series: series('co2eT') })}
          caption={t('enterprise.trendCo2')}
          headers={[t('enterprise.column.factoryYear'), 'tCO2']}
          rows={chartRows('co2eT')}
        />
      </div>
    </section>
  );
}
