/**
 * The KPIs of one factory-year with the score they give, as the annual-data form shows
 * them while values are typed (htmx swaps this panel in) and as the application and
 * evaluation pages show them. Each KPI opens its trace: formula, inputs, factors with
 * their sources and tags, and the arithmetic step by step.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { KPI_NAMES, type KpiResult, type ScoreResult } from '../../../../engine/index.ts';
import { formatNumber, type Translate } from '../../../i18n/catalogue.ts';
import type { Lang } from '../../../i18n/language.ts';
import { TagBadge } from '../../../components/tag-badge.tsx';

export function formatKpiValue(lang: Lang, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 2 : 4;
  return formatNumber(lang, value, digits);
}

export function KpiTable(props: { lang: Lang; t: Translate; kpis: KpiResult; caption: string }): SafeHtml {
  const { lang, t, kpis } = props;
  const en = lang === 'en';
  return (
    <div class="table-scroll">
      <table class="data-table compact kpi-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ws-common.kpi.name')}</th>
            <th scope="col" class="number">{t('ws-common.kpi.value')}</th>
          </tr>
        </thead>
        <tbody>
          {KPI_NAMES.map((name) => {
            const trace = kpis.traces[name];
            return (
              <tr>
                <th scope="row">
                  {en ? trace.nameEn : trace.nameZh}<span class="kpi-key">{name}</span>
                  <details class="kpi-trace">
                    <summary>{t('ws-common.kpi.showTrace')}</summary>
                    <p class="small">{en ? trace.formulaEn : trace.formulaZh}</p>
                    {trace.value === null ? <p class="small muted">{trace.reason}</p> : null}
                    {trace.inputs.length > 0 ? (
                      <ul class="small trace-list">
                        {trace.inputs.map((input) => <li><code>{input.path}</code> {input.label}: {typeof input.value === 'number' ? formatNumber(lang, input.value, 4) : input.value} {input.unit}</li>)}
                      </ul>
                    ) : null}
                    {trace.factors.length > 0 ? (
                      <ul class="small trace-list">
                        {trace.factors.map((factor) => <li>{en ? factor.nameEn : factor.nameZh}: {formatNumber(lang, factor.value, 6)} {factor.unit} <TagBadge tag={factor.tag} lang={lang} /> <span class="source">{factor.source}</span></li>)}
                      </ul>
                    ) : null}
                    <ol class="small trace-steps">{trace.steps.map((step) => <li><code>{step}</code></li>)}</ol>
                    <p class="source">{trace.source}</p>
                  </details>
                </th>
                <td class="number">{formatKpiValue(lang, trace.value)}<span class="kpi-unit">{trace.unit}</span></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export interface ScoreSummaryInput {
  total: number | null;
  eligible: boolean;
  grade?: string | undefined;
  frameworkId: string;
  frameworkVersion: string;
  vetoes: readonly { id: string; reason: string }[];
  unconfirmed: readonly { id: string; reason: string }[];
  dimensions: readonly { id: string; name: string; nameEn: string; score: number; max: number }[];
  indicators?: readonly { id: string; name: string; nameEn: string; score: number; max: number; explanation: string }[];
}

export function ScoreSummary(props: { lang: Lang; t: Translate; score: ScoreSummaryInput; note?: string }): SafeHtml {
  const { lang, t, score } = props;
  const en = lang === 'en';
  return (
    <div class="score-summary">
      <p class="score-total">
        <span class="score-value">{score.total === null ? '—' : formatNumber(lang, score.total, 2)}</span> {t('ws-common.score.points')}
        {score.grade ? <> · {t('ws-common.score.grade', { grade: score.grade })}</> : null} · <span class={score.eligible ? 'status status-listed' : 'status status-removed'}>{t(score.eligible ? 'ws-common.score.eligible' : 'ws-common.score.notEligible')}</span>
      </p>
      <p class="small muted">{t('ws-common.score.framework', { id: score.frameworkId, version: score.frameworkVersion })}{props.note ? ` · ${props.note}` : ''}</p>
      {score.vetoes.length > 0 ? <ul class="form-error small">{score.vetoes.map((v) => <li>{v.reason}</li>)}</ul> : null}
      {score.unconfirmed.length > 0 ? <p class="small muted">{t('ws-common.score.unconfirmed', { count: score.unconfirmed.length })}</p> : null}
      <table class="data-table compact">
        <caption class="visually-hidden">{t('ws-common.score.byDimension')}</caption>
        <thead><tr><th scope="col">{t('ws-common.score.dimension')}</th><th scope="col" class="number">{t('ws-common.score.points')}</th></tr></thead>
        <tbody>{score.dimensions.map((d) => <tr><th scope="row">{en ? d.nameEn : d.name}</th><td class="number">{formatNumber(lang, d.score, 2)} / {formatNumber(lang, d.max, 2)}</td></tr>)}</tbody>
      </table>
      {score.indicators && score.indicators.length > 0 ? (
        <details class="score-indicators">
          <summary>{t('ws-common.score.byIndicator')}</summary>
          <table class="data-table compact">
            <thead><tr><th scope="col">{t('ws-common.score.indicator')}</th><th scope="col" class="number">{t('ws-common.score.points')}</th><th scope="col">{t('ws-common.score.explanation')}</th></tr></thead>
            <tbody>{score.indicators.map((i) => <tr><th scope="row">{en ? i.nameEn : i.name}</th><td class="number">{formatNumber(lang, i.score, 2)} / {formatNumber(lang, i.max, 2)}</td><td class="small">{i.explanation}</td></tr>)}</tbody>
          </table>
        </details>
      ) : null}
    </div>
  );
}

/** The live panel: KPIs and score, or why they cannot be computed yet. */
export function LiveKpiPanel(props: { lang: Lang; t: Translate; kpis: KpiResult | null; score: ScoreResult | null; problem: string | null; frameworkNote: string }): SafeHtml {
  const { lang, t } = props;
  return (
    <div class="live-panel" aria-live="polite">
      {props.problem !== null ? <p class="callout small">{t('ws-common.kpi.notYet', { problem: props.problem })}</p> : null}
      {props.score !== null ? (
        <section aria-labelledby="live-score">
          <h3 id="live-score">{t('ws-common.score.title')}</h3>
          <ScoreSummary lang={lang} t={t} score={props.score} note={props.frameworkNote} />
        </section>
      ) : null}
      {props.kpis !== null ? <KpiTable lang={lang} t={t} kpis={props.kpis} caption={t('ws-common.kpi.caption')} /> : null}
    </div>
  );
}
