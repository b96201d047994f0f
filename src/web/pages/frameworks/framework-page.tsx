/** `/frameworks/{id}`: one framework as a readable tree, the source and tag beside every value. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { KPI_DEFINITIONS, type Framework, type Indicator } from '../../../engine/index.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { TagBadge } from '../../components/tag-badge.tsx';
import { translator, type Translate } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/language.ts';

interface Valued {
  value: unknown;
  unit?: string;
  source: string;
  tag: string;
  note?: string;
}

function ValueWithSource(props: { lang: Lang; label: string; valued: Valued | undefined; unit?: string | null }): SafeHtml {
  if (props.valued === undefined) return <></>;
  const value = props.valued.value === null ? '—' : String(props.valued.value);
  return (
    <div class="valued">
      <span class="valued-label">{props.label}</span> <strong>{value}</strong> {props.valued.unit ?? props.unit ?? ''} <TagBadge lang={props.lang} tag={props.valued.tag} source={props.valued.source} />
      <div class="source">{props.valued.source}{props.valued.note ? ` — ${props.valued.note}` : ''}</div>
    </div>
  );
}

function IndicatorDetail(props: { lang: Lang; t: Translate; indicator: Indicator }): SafeHtml {
  const { lang, t, indicator } = props;
  const en = lang === 'en';
  const kpi = 'kpi' in indicator && indicator.kpi ? KPI_DEFINITIONS[indicator.kpi] : undefined;
  return (
    <li class="indicator">
      <div class="indicator-head">
        <span class="indicator-name">{en ? indicator.nameEn : indicator.nameZh}</span>
        <span class="muted"> · {en ? indicator.nameZh : indicator.nameEn}</span>
        <code class="indicator-id">{indicator.id}</code>
      </div>
      <div class="indicator-meta">
        {t(`frameworks.type.${indicator.type}`)}
        {indicator.unit ? ` · ${t('frameworks.unit')} ${indicator.unit}` : ''} <TagBadge lang={lang} tag={indicator.tag} source={indicator.source} />
      </div>
      {indicator.kind === 'requirement-item' ? (
        <>
          <ValueWithSource lang={lang} label={t('frameworks.requirement')} valued={{ ...indicator.requirement, value: t(`frameworks.requirement.${indicator.requirement.value}`) }} />
          <ValueWithSource lang={lang} label={t('frameworks.maxPoints')} valued={indicator.max} />
          <ValueWithSource lang={lang} label={t('frameworks.threshold')} valued={indicator.threshold} unit={indicator.unit} />
        </>
      ) : null}
      {indicator.kind === 'quantitative-indicator' ? (
        <>
          <ValueWithSource lang={lang} label={t('frameworks.weight')} valued={indicator.weight} />
          <ValueWithSource lang={lang} label={t('frameworks.benchmark')} valued={indicator.benchmark} unit={indicator.unit} />
          <ValueWithSource lang={lang} label={t('frameworks.leading')} valued={indicator.leading} unit={indicator.unit} />
          {indicator.bands ? (
            <table class="data-table compact">
              <caption>{t('frameworks.bands', { kpi: indicator.bands.kpi })} <TagBadge lang={lang} tag={indicator.bands.tag} source={indicator.bands.source} /></caption>
              <thead><tr><th scope="col">{t('frameworks.band.from')}</th><th scope="col">{t('frameworks.band.below')}</th><th scope="col">{t('frameworks.benchmark')}</th><th scope="col">{t('frameworks.leading')}</th></tr></thead>
              <tbody>
                {indicator.bands.rows.map((row) => (
                  <tr><td class="number">{row.atLeast}</td><td class="number">{row.below ?? '∞'}</td><td class="number">{row.benchmark.value} [{row.benchmark.tag}]</td><td class="number">{row.leading.value} [{row.leading.tag}]</td></tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
      {indicator.kind === 'qualitative-indicator' ? (
        <>
          <ValueWithSource lang={lang} label={t('frameworks.weight')} valued={indicator.weight} />
          <table class="data-table compact">
            <caption>{t('frameworks.options')}</caption>
            <thead><tr><th scope="col">{t('frameworks.option')}</th><th scope="col" class="number">{t('frameworks.share')}</th><th scope="col">{t('frameworks.source')}</th></tr></thead>
            <tbody>
              {indicator.options.map((option) => (
                <tr><td>{en ? option.nameEn : option.nameZh} <code>{option.id}</code></td><td class="number">{option.share.value}</td><td>{option.share.source} <TagBadge lang={lang} tag={option.share.tag} /></td></tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {kpi ? (
        <div class="formula">
          {t('frameworks.formula')}: {en ? kpi.formulaEn : kpi.formulaZh} ({kpi.unit}) — <span class="source">{kpi.source}</span>
        </div>
      ) : null}
      {indicator.note ? <div class="source">{indicator.note}</div> : null}
    </li>
  );
}

export function FrameworkPage(props: { page: PageContext; framework: Framework }): SafeHtml {
  const { page, framework } = props;
  const t = translator(page.lang);
  const en = page.lang === 'en';
  const config = framework.config as Record<string, Valued | undefined>;
  return (
    <Layout page={page} title={en ? framework.nameEn : framework.nameZh}>
      <h1>{en ? framework.nameEn : framework.nameZh}</h1>
      <p class="lead">{framework.standard} · {t('frameworks.version')} {framework.version} · {t(`frameworks.method.${framework.method}`)}</p>
      <p class="muted">{framework.source} <TagBadge lang={page.lang} tag={framework.tag} /></p>
      {framework.note ? <p class="notice-box">{framework.note}</p> : null}
      <p class="muted">{t('frameworks.hash')} <code>{framework.hash}</code></p>
      <h2>{t('frameworks.configuration')}</h2>
      <div class="config-list">
        {Object.entries(config).map(([key, valued]) => (
          <ValueWithSource lang={page.lang} label={t(`frameworks.config.${key}`)} valued={valued === undefined ? undefined : { ...valued, value: Array.isArray(valued.value) ? valued.value.map((g: { grade: string; minimum: number }) => `${g.grade} ≥ ${g.minimum}`).join('，') : valued.value }} />
        ))}
      </div>
      <h2>{t('frameworks.basicRequirements')}</h2>
      <p class="muted">{t('frameworks.basicRequirementsHelp')}</p>
      <ul class="requirement-list">
        {framework.basicRequirements.map((item) => (
          <li>
            {en ? item.nameEn : item.nameZh} <code>{item.id}</code> <TagBadge lang={page.lang} tag={item.tag} source={item.source} />
          </li>
        ))}
      </ul>
      <h2>{t('frameworks.indicators')}</h2>
      <ol class="framework-tree">
        {framework.dimensions.map((dimension) => (
          <li class="dimension">
            <h3>
              {en ? dimension.nameEn : dimension.nameZh} <span class="muted">· {en ? dimension.nameZh : dimension.nameEn}</span>
            </h3>
            <ValueWithSource lang={page.lang} label={t('frameworks.weight')} valued={dimension.weight} />
            <ul class="indicator-list">
              {dimension.indicators.map((indicator) => (
                <IndicatorDetail lang={page.lang} t={t} indicator={indicator} />
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </Layout>
  );
}
