/**
 * `/workspace/ehs` and `/workspace/ehs/{enterpriseId}`: the register of one enterprise at
 * a glance — Four Zero tiles, the negative-list status, twelve-month charts, open and
 * overdue items (with forms for the enterprise), accidents, and the "Three First"
 * summary of a year. Reviewers see it read-only.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { ThreeFirstSummary } from '../../../domain/ehs/three-first-summary.ts';
import type { EhsDashboard } from '../../../store/queries/ehs/ehs-dashboard.ts';
import type { MarginSeries } from '../../../store/queries/ehs/ehs-charts-data.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { formatNumber, translator } from '../../i18n/catalogue.ts';
import { localPath } from '../../i18n/language.ts';
import { OpenItems } from './ehs-open-items.tsx';
import { FourZeroTiles, TrendCharts } from './ehs-status.tsx';
import { AccidentSection, ThreeFirstSection } from './ehs-summary.tsx';

export interface EhsDashboardPageProps {
  page: PageContext;
  board: EhsDashboard;
  threeFirst: ThreeFirstSummary;
  years: readonly number[];
  margins: readonly MarginSeries[];
  editable: boolean;
  /** A catalogue key under ehs.done.* after a successful form post. */
  done?: string | undefined;
  error?: string | undefined;
}

export function EhsDashboardPage(props: EhsDashboardPageProps): SafeHtml {
  const { page, board } = props;
  const t = translator(page.lang);
  const name = page.lang === 'en' && board.enterprise.nameEn !== '' ? board.enterprise.nameEn : board.enterprise.nameZh;
  const base = localPath(page.lang, `/workspace/ehs/${board.enterprise.id}`);
  const inventory = board.inventory;
  return (
    <Layout page={page} title={t('ehs.titleOf', { name })}>
      <p class="breadcrumb"><a href={localPath(page.lang, '/workspace')}>{t('workspace.title')}</a> › <a href={localPath(page.lang, '/workspace/ehs')}>{t('ehs.title')}</a></p>
      <h1>{t('ehs.titleOf', { name })}</h1>
      <p class="lead">{t('ehs.intro')}</p>
      <p class="muted">{t('ehs.asOf', { date: board.today })}{props.editable ? '' : ` · ${t('ehs.readOnly')}`}</p>
      {props.done ? <p class="form-success" role="status">{t(`ehs.done.${props.done}`)}</p> : null}
      {props.error ? <p class="form-error" role="alert">{props.error}</p> : null}
      {board.negativeListUntil === null ? (
        <p class="ehs-negative ehs-negative--clear">{t('ehs.negative.clear')}</p>
      ) : (
        <p class="ehs-negative ehs-negative--listed" role="alert">{t('ehs.negative.listed', { until: board.negativeListUntil })}</p>
      )}
      <section aria-labelledby="four-zero-heading">
        <h2 id="four-zero-heading">{t('ehs.fourZero')}</h2>
        <FourZeroTiles status={board.fourZero} lang={page.lang} t={t} />
        <p class="muted">
          {inventory.sealPoints === 0
            ? t('ehs.inventory.empty')
            : t('ehs.inventory.summary', { points: formatNumber(page.lang, inventory.sealPoints), units: inventory.units.length, rounds: inventory.rounds, last: inventory.lastRound ? `${inventory.lastRound.code}, ${inventory.lastRound.completedOn}` : '—' })}
        </p>
        {props.editable ? <p><a class="button-link" href={`${base}/record`}>{t('ehs.record.link')}</a></p> : null}
      </section>
      <section aria-labelledby="trends-heading">
        <h2 id="trends-heading">{t('ehs.trends')}</h2>
        <TrendCharts status={board.fourZero} margins={props.margins} lang={page.lang} t={t} />
      </section>
      <OpenItems board={board} editable={props.editable} csrfToken={page.csrfToken ?? ''} base={base} today={board.today} lang={page.lang} t={t} />
      <AccidentSection accidents={board.accidents} t={t} />
      <ThreeFirstSection summary={props.threeFirst} years={props.years} lang={page.lang} t={t} action={base} />
    </Layout>
  );
}
