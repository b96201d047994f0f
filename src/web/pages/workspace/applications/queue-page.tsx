/**
 * `/workspace/applications`: the applications this user works on (an enterprise its own, a
 * reviewer its region's, an evaluator its engagements', an expert its panels'), with the
 * count in each state as filters, a filter form (state, list type, batch) and pages.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { APPLICATION_STATES } from '../../../../domain/applications/application-states.ts';
import { PROGRAMMES } from '../../../../domain/programmes/programmes.ts';
import type { QueueItem } from '../../../../store/queries/application-queue.ts';
import { formatNumber, translator } from '../../../i18n/catalogue.ts';
import { localPath } from '../../../i18n/language.ts';
import { nameIn, programmeLabel } from '../../shared/labels.ts';
import { Pagination } from '../../shared/pagination.tsx';
import { formatDate, regionLabel, StateBadge, stateName } from '../shared/labels.tsx';
import { WorkspaceFrame, type WorkspaceFrameContext } from '../shared/workspace-frame.tsx';

export interface QueueFilterValues {
  state?: string | undefined;
  programme?: string | undefined;
  batch?: number | undefined;
}

export interface QueuePageProps {
  frame: WorkspaceFrameContext;
  items: readonly QueueItem[];
  total: number;
  counts: Record<string, number>;
  filter: QueueFilterValues;
  page: number;
  pageSize: number;
  batches: readonly { id: number; nameZh: string; nameEn: string }[];
}

export function queueHref(filter: QueueFilterValues, page = 1): string {
  const params = new URLSearchParams();
  if (filter.state) params.set('state', filter.state);
  if (filter.programme) params.set('programme', filter.programme);
  if (filter.batch !== undefined) params.set('batch', String(filter.batch));
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/workspace/applications${query === '' ? '' : `?${query}`}`;
}

export function QueuePage(props: QueuePageProps): SafeHtml {
  const { frame, filter } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const all = Object.values(props.counts).reduce((sum, n) => sum + n, 0);
  const states = APPLICATION_STATES.filter((s) => (props.counts[s] ?? 0) > 0);
  return (
    <WorkspaceFrame frame={frame} title={t('ws-application.queue.title')}>
      <nav class="state-counts" aria-label={t('ws-application.queue.byState')}>
        <ul>
          <li><a href={localPath(lang, queueHref({ ...filter, state: undefined }))} aria-current={filter.state === undefined ? 'true' : undefined}>{t('ws-application.queue.all')} <span class="count">{formatNumber(lang, all)}</span></a></li>
          {states.map((s) => <li><a href={localPath(lang, queueHref({ ...filter, state: s }))} aria-current={filter.state === s ? 'true' : undefined}>{stateName(lang, s)} <span class="count">{formatNumber(lang, props.counts[s] ?? 0)}</span></a></li>)}
        </ul>
      </nav>
      <form method="get" action={localPath(lang, '/workspace/applications')} class="filter-form">
        <div class="filter-grid">
          <div class="field">
            <label for="q-state">{t('ws-application.queue.state')}</label>
            <select id="q-state" name="state"><option value="">{t('ws-application.queue.any')}</option>{APPLICATION_STATES.map((s) => <option value={s} selected={filter.state === s}>{stateName(lang, s)}</option>)}</select>
          </div>
          <div class="field">
            <label for="q-programme">{t('ws-application.queue.programme')}</label>
            <select id="q-programme" name="programme"><option value="">{t('ws-application.queue.any')}</option>{PROGRAMMES.map((p) => <option value={p.code} selected={filter.programme === p.code}>{programmeLabel(lang, p.code)}</option>)}</select>
          </div>
          <div class="field">
            <label for="q-batch">{t('ws-application.queue.batch')}</label>
            <select id="q-batch" name="batch"><option value="">{t('ws-application.queue.any')}</option>{props.batches.map((b) => <option value={String(b.id)} selected={filter.batch === b.id}>{nameIn(lang, b.nameZh, b.nameEn)}</option>)}</select>
          </div>
        </div>
        <div class="form-actions"><button type="submit">{t('ws-application.queue.filter')}</button></div>
      </form>
      <p class="result-count">{t('ws-application.queue.count', { count: formatNumber(lang, props.total) })}</p>
      {props.items.length === 0 ? <p class="muted">{t('ws-application.queue.empty')}</p> : (
        <div class="table-scroll">
          <table class="data-table queue-table">
            <thead>
              <tr>
                <th scope="col">{t('ws-application.queue.enterprise')}</th>
                <th scope="col">{t('ws-application.queue.region')}</th>
                <th scope="col">{t('ws-application.queue.programme')}</th>
                <th scope="col">{t('ws-application.queue.tier')}</th>
                <th scope="col">{t('ws-application.queue.state')}</th>
                <th scope="col" class="number">{t('ws-application.queue.score')}</th>
                <th scope="col">{t('ws-application.queue.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((item) => (
                <tr>
                  <th scope="row"><a href={localPath(lang, `/workspace/applications/${item.id}`)}>{nameIn(lang, item.enterpriseNameZh, item.enterpriseNameEn)}</a><span class="secondary-name">{t('ws-enterprise.applicationNumber', { id: item.id })} · {item.dataYear}</span></th>
                  <td>{regionLabel(lang, item.cityCode)}</td>
                  <td>{programmeLabel(lang, item.programmeCode)}</td>
                  <td>{t(`ws-common.tier.${item.targetTier}`)}</td>
                  <td><StateBadge lang={lang} state={item.state} /></td>
                  <td class="number">{item.scoreTotal === null ? '—' : formatNumber(lang, item.scoreTotal, 2)}</td>
                  <td>{formatDate(lang, item.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination t={t} page={props.page} pageCount={Math.max(1, Math.ceil(props.total / props.pageSize))} href={(p) => localPath(lang, queueHref(filter, p))} />
    </WorkspaceFrame>
  );
}
