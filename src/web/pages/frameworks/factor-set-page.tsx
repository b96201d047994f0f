/** `/frameworks/factors/{id}`: every conversion and emission factor with its source and tag. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { FactorSet } from '../../../engine/index.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { TagBadge } from '../../components/tag-badge.tsx';
import { translator } from '../../i18n/catalogue.ts';

const REGIONS = ['national', 'north', 'northeast', 'east', 'central', 'northwest', 'south', 'southwest'] as const;

export function FactorSetPage(props: { page: PageContext; factorSet: FactorSet }): SafeHtml {
  const { page, factorSet } = props;
  const t = translator(page.lang);
  const en = page.lang === 'en';
  const file = factorSet.file;
  const co2 = (id: string) => factorSet.carriers.get(id)?.co2Factor ?? null;
  return (
    <Layout page={page} title={en ? factorSet.nameEn : factorSet.nameZh}>
      <h1>{en ? factorSet.nameEn : factorSet.nameZh}</h1>
      <p class="muted">{file.source} <TagBadge lang={page.lang} tag={file.tag} /> · {t('frameworks.version')} {factorSet.version} · <code>{factorSet.hash}</code></p>
      <h2>{t('factors.carriers')}</h2>
      <div class="table-scroll">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('factors.carrier')}</th>
              <th scope="col" class="number">{t('factors.kgce')}</th>
              <th scope="col" class="number">{t('factors.ncv')}</th>
              <th scope="col" class="number">{t('factors.co2')}</th>
              <th scope="col">{t('frameworks.source')}</th>
            </tr>
          </thead>
          <tbody>
            {file.carriers.map((carrier) => {
              const emission = co2(carrier.id);
              return (
                <tr>
                  <th scope="row">{en ? carrier.nameEn : carrier.nameZh} <code>{carrier.id}</code></th>
                  <td class="number">{carrier.kgcePerBaseUnit.value} {carrier.kgcePerBaseUnit.unit} <TagBadge lang={page.lang} tag={carrier.kgcePerBaseUnit.tag} /></td>
                  <td class="number">{carrier.netCalorificValue ? `${carrier.netCalorificValue.value} ${carrier.netCalorificValue.unit ?? ''}` : '—'}</td>
                  <td class="number">{emission ? `${Number(emission.value.toPrecision(5))} ${emission.unit}` : t(`factors.emission.${carrier.emission}`)}</td>
                  <td class="source">{carrier.kgcePerBaseUnit.source}{carrier.kgcePerBaseUnit.note ? ` — ${carrier.kgcePerBaseUnit.note}` : ''}{emission ? ` · CO₂: ${emission.source}` : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h2>{t('factors.electricityEquivalent')}</h2>
      <p class="muted">{file.electricityEquivalent.note ?? ''}</p>
      <table class="data-table compact">
        <thead><tr><th scope="col">{t('factors.year')}</th><th scope="col" class="number">kgce/kWh</th><th scope="col">{t('frameworks.source')}</th></tr></thead>
        <tbody>
          {file.electricityEquivalent.values.map((row) => (
            <tr><td>{row.year}</td><td class="number">{row.value}</td><td class="source">{row.source} <TagBadge lang={page.lang} tag={row.tag} /></td></tr>
          ))}
        </tbody>
      </table>
      <h2>{t('factors.grid')}</h2>
      <p class="muted">{t('factors.gridHelp')}</p>
      {file.grid.series.map((series) => {
        const years = [...new Set(series.factors.map((f) => f.year))].sort();
        return (
          <section>
            <h3>{en ? series.nameEn : series.nameZh}{series.id === file.grid.defaultSeries ? ` — ${t('factors.defaultSeries')}` : ''}</h3>
            <div class="table-scroll">
              <table class="data-table compact">
                <thead>
                  <tr>
                    <th scope="col">{t('factors.year')}</th>
                    {REGIONS.map((region) => <th scope="col" class="number">{t(`factors.region.${region}`)}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {years.map((year) => (
                    <tr>
                      <th scope="row">{year}</th>
                      {REGIONS.map((region) => {
                        const factor = series.factors.find((f) => f.year === year && f.region === region);
                        return <td class="number" title={factor?.source}>{factor ? `${factor.value} [${factor.tag}]` : '—'}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ul class="source-list">
              {[...new Set(series.factors.map((f) => `${f.source} [${f.tag}]`))].map((source) => <li class="source">{source}</li>)}
            </ul>
          </section>
        );
      })}
      <h2>{t('factors.heat')}</h2>
      <p>{file.heatEmission.value} {file.heatEmission.unit ?? ''} <TagBadge lang={page.lang} tag={file.heatEmission.tag} /> <span class="source">{file.heatEmission.source}</span></p>
    </Layout>
  );
}
