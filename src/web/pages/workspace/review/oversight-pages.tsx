/**
 * The reviewing authority's oversight pages. `/workspace/deadlines`: what falls due in the
 * coming weeks and, for a batch, each sub-region's applications by stage beside the
 * quota the authority configured (none is assumed: national quotas are [U]).
 * `/workspace/dynamic-management`: the year's 动态管理表 (filed, overdue, flagged), the
 * declared changes waiting for a decision, the removals due at the next publication, and
 * the authority's listed entries with a removal form.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { REMOVAL_REASONS } from '../../../../domain/applications/list-management.ts';
import type { DynamicReportItem } from '../../../../store/queries/dynamic-report-queue.ts';
import type { AuthorityBatch, AuthorityEntry, EntryChangeRow, QuotaRow } from '../../../../store/queries/workspace/authority-work.ts';
import type { Deadline } from '../../../../store/queries/workspace/pipeline-counts.ts';
import { formatNumber, translator, type Translate } from '../../../i18n/catalogue.ts';
import { localPath, type Lang } from '../../../i18n/language.ts';
import { nameIn } from '../../shared/labels.ts';
import { Pagination } from '../../shared/pagination.tsx';
import { daysFrom, formatDate, regionLabel, statusWord } from '../shared/labels.tsx';
import { WorkspaceFrame, type WorkspaceFrameContext } from '../shared/workspace-frame.tsx';

export function DeadlineList(props: { lang: Lang; t: Translate; deadlines: readonly Deadline[]; today: string }): SafeHtml {
  const { lang, t } = props;
  if (props.deadlines.length === 0) return <p class="muted">{t('ws-review.deadlines.none')}</p>;
  return (
    <ul class="deadline-list">
      {props.deadlines.map((d) => (
        <li>
          <time datetime={d.date}>{formatDate(lang, d.date)}</time> <span class="small muted">{daysFrom(t, props.today, d.date)}</span>
          {' '}<a href={localPath(lang, d.href)}>{t(`ws-review.deadlines.${d.kind}`, { name: nameIn(lang, d.nameZh, d.nameEn), count: d.count })}</a>
        </li>
      ))}
    </ul>
  );
}

export function DeadlinesPage(props: { frame: WorkspaceFrameContext; deadlines: readonly Deadline[]; batches: readonly AuthorityBatch[]; chosenBatchId: number | undefined; quotas: readonly QuotaRow[]; quotaSource: string | null; today: string }): SafeHtml {
  const { frame } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  return (
    <WorkspaceFrame frame={frame} title={t('ws-review.deadlines.title')}>
      <h2>{t('ws-review.deadlines.coming')}</h2>
      <DeadlineList lang={lang} t={t} deadlines={props.deadlines} today={props.today} />
      <h2 id="quotas">{t('ws-review.quotas.title')}</h2>
      <form method="get" action={localPath(lang, '/workspace/deadlines')} class="inline-form">
        <label for="qb">{t('ws-review.quotas.batch')}</label>
        <select id="qb" name="batch">{props.batches.map((b) => <option value={String(b.id)} selected={b.id === props.chosenBatchId}>{nameIn(lang, b.nameZh, b.nameEn)}</option>)}</select>
        <button type="submit" class="button-secondary">{t('ws-review.quotas.show')}</button>
      </form>
      <p class="small muted">{props.quotaSource ?? t('ws-review.quotas.unconfigured')}</p>
      {props.quotas.length === 0 ? <p class="muted">{t('ws-review.quotas.empty')}</p> : (
        <table class="data-table">
          <thead><tr><th scope="col">{t('ws-review.quotas.region')}</th><th scope="col" class="number">{t('ws-review.quotas.inReview')}</th><th scope="col" class="number">{t('ws-review.quotas.forwarded')}</th><th scope="col" class="number">{t('ws-review.quotas.recommended')}</th><th scope="col" class="number">{t('ws-review.quotas.listed')}</th><th scope="col" class="number">{t('ws-review.quotas.quota')}</th></tr></thead>
          <tbody>
            {props.quotas.map((q) => {
              const used = q.forwarded + q.recommended + q.listed;
              return (
                <tr class={q.quota !== null && used > q.quota ? 'row-overdue' : undefined}>
                  <th scope="row">{regionLabel(lang, q.regionCode)}</th>
                  <td class="number">{q.inReview}</td>
                  <td class="number">{q.forwarded}</td>
                  <td class="number">{q.recommended}</td>
                  <td class="number">{q.listed}</td>
                  <td class="number">{q.quota === null ? '—' : `${used} / ${q.quota}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </WorkspaceFrame>
  );
}

export interface DynamicManagementProps {
  frame: WorkspaceFrameContext;
  year: number;
  years: readonly number[];
  counts: { byStatus: Record<string, number>; flagged: number };
  reports: readonly DynamicReportItem[];
  status: string | undefined;
  changes: readonly EntryChangeRow[];
  scheduled: readonly EntryChangeRow[];
  entries: { items: readonly AuthorityEntry[]; total: number };
  entryQuery: string;
  entryPage: number;
  canOpen: boolean;
  error?: string | undefined;
}

export function DynamicManagementPage(props: DynamicManagementProps): SafeHtml {
  const { frame } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const csrf = frame.page.csrfToken ?? '';
  const count = (status: string) => props.counts.byStatus[status] ?? 0;
  const link = (status?: string) => localPath(lang, `/workspace/dynamic-management?year=${props.year}${status ? `&status=${status}` : ''}`);
  return (
    <WorkspaceFrame frame={frame} title={t('ws-review.dynamic.title')} error={props.error}>
      <form method="get" action={localPath(lang, '/workspace/dynamic-management')} class="inline-form">
        <label for="dm-year">{t('ws-review.dynamic.year')}</label>
        <select id="dm-year" name="year">{props.years.map((y) => <option value={String(y)} selected={y === props.year}>{y}</option>)}</select>
        <button type="submit" class="button-secondary">{t('ws-review.dynamic.show')}</button>
      </form>
      <ul class="stat-grid compact">
        {(['filed', 'filed_late', 'due', 'overdue'] as const).map((status) => <li class="stat"><a href={link(status)}><span class="stat-value">{formatNumber(lang, count(status))}</span> <span class="stat-label">{statusWord(t, status)}</span></a></li>)}
        <li class="stat"><span class="stat-value">{formatNumber(lang, props.counts.flagged)}</span> <span class="stat-label">{t('ws-review.dynamic.flagged')}</span></li>
      </ul>
      {props.canOpen ? (
        <form method="post" action={localPath(lang, '/workspace/dynamic-management/open')} class="inline-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="year" value={String(props.year)} />
          <button type="submit" class="button-secondary">{t('ws-review.dynamic.open', { year: props.year })}</button>
        </form>
      ) : null}
      <h2>{t('ws-review.dynamic.reports')} · {props.status ? statusWord(t, props.status) : t('ws-review.dynamic.unfiled')}</h2>
      {props.reports.length === 0 ? <p class="muted">{t('ws-review.dynamic.noReports')}</p> : (
        <table class="data-table compact">
          <thead><tr><th scope="col">{t('ws-review.dynamic.entry')}</th><th scope="col">{t('ws-review.dynamic.due')}</th><th scope="col">{t('ws-review.dynamic.status')}</th><th scope="col">{t('ws-review.dynamic.filed')}</th></tr></thead>
          <tbody>{props.reports.map((r) => <tr class={r.status === 'overdue' ? 'row-overdue' : undefined}><th scope="row">{r.nameZh}</th><td>{formatDate(lang, r.dueOn)}</td><td><span class={`status status-${r.status}`}>{statusWord(t, r.status)}</span>{r.flagReason ? <span class="secondary-name">{r.flagReason}</span> : null}</td><td>{formatDate(lang, r.filedAt)}</td></tr>)}</tbody>
        </table>
      )}

      <h2 id="changes">{t('ws-review.dynamic.changes', { count: props.changes.length })}</h2>
      {props.changes.length === 0 ? <p class="muted">{t('ws-review.dynamic.noChanges')}</p> : props.changes.map((c) => (
        <article class="card">
          <h3>{c.nameZh} · {t(`ws-review.dynamic.kind.${c.kind}`)}</h3>
          <p>{String(c.details.nameZh ?? c.details.description ?? '')}</p>
          <form method="post" action={localPath(lang, `/workspace/dynamic-management/changes/${c.id}`)} class="inline-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <label for={`cn-${c.id}`}>{t('ws-review.dynamic.note')}</label>
            <input id={`cn-${c.id}`} name="note" />
            <button type="submit" name="decision" value="approve" class="button-primary">{t('ws-review.dynamic.approve')}</button>
            <button type="submit" name="decision" value="reject" class="button-secondary">{t('ws-review.dynamic.reject')}</button>
          </form>
        </article>
      ))}

      <h2 id="scheduled">{t('ws-review.dynamic.scheduled', { count: props.scheduled.length })}</h2>
      {props.scheduled.length === 0 ? <p class="muted">{t('ws-review.dynamic.noScheduled')}</p> : <ul class="plain-list">{props.scheduled.map((c) => <li>{c.nameZh} · {c.reason}</li>)}</ul>}

      <h2 id="entries">{t('ws-review.dynamic.entries', { count: formatNumber(lang, props.entries.total) })}</h2>
      <form method="get" action={localPath(lang, '/workspace/dynamic-management#entries')} class="inline-form">
        <input type="hidden" name="year" value={String(props.year)} />
        <label for="eq">{t('ws-review.dynamic.search')}</label>
        <input id="eq" name="q" value={props.entryQuery} />
        <button type="submit" class="button-secondary">{t('ws-review.dynamic.searchSubmit')}</button>
      </form>
      <div class="table-scroll">
        <table class="data-table compact">
          <thead><tr><th scope="col">{t('ws-review.dynamic.entry')}</th><th scope="col">{t('ws-review.dynamic.batch')}</th><th scope="col">{t('ws-review.dynamic.region')}</th><th scope="col">{t('ws-review.dynamic.remove')}</th></tr></thead>
          <tbody>
            {props.entries.items.map((e) => (
              <tr>
                <th scope="row">{e.nameZh}<span class="secondary-name">{formatDate(lang, e.listedOn)}</span></th>
                <td>{nameIn(lang, e.batchNameZh, e.batchNameEn)}</td>
                <td>{regionLabel(lang, e.cityCode)}</td>
                <td>
                  {e.pendingRemoval ? <span class="status status-removed">{t('ws-review.dynamic.removalDue')}</span> : (
                    <details class="row-details">
                      <summary>{t('ws-review.dynamic.removeSubmit')}</summary>
                      <form method="post" action={localPath(lang, `/workspace/dynamic-management/entries/${e.id}/remove`)} class="row-form">
                        <input type="hidden" name="_csrf" value={csrf} />
                        <label for={`rr-${e.id}`}>{t('ws-review.dynamic.reason')}</label>
                        <select id={`rr-${e.id}`} name="reasonCode">{Object.entries(REMOVAL_REASONS).map(([code, r]) => <option value={code}>{lang === 'en' ? r.en : r.zh} ({t(`ws-review.dynamic.mode.${r.mode}`)})</option>)}</select>
                        <label for={`rn-${e.id}`}>{t('ws-review.dynamic.note')}</label>
                        <input id={`rn-${e.id}`} name="note" />
                        <button type="submit" class="button-secondary danger">{t('ws-review.dynamic.removeSubmit')}</button>
                      </form>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination t={t} page={props.entryPage} pageCount={Math.max(1, Math.ceil(props.entries.total / 25))} href={(p) => localPath(lang, `/workspace/dynamic-management?year=${props.year}&q=${encodeURIComponent(props.entryQuery)}&page=${p}#entries`)} />
    </WorkspaceFrame>
  );
}
