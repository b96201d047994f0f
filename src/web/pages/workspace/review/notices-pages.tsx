/**
 * `/workspace/notices`: the authority's 公示 (open and closed) and the form that opens one
 * for a batch with its candidates; `/workspace/notices/{id}`: the entries, the objection
 * cases with a decision form each (upheld: the entry leaves the batch; dismissed), and
 * closing the notice once its last day has passed (the scheduler does it too).
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { AuthorityBatch, AuthorityNotice, CandidateApplication, NoticeEntryRow } from '../../../../store/queries/workspace/authority-work.ts';
import type { Row } from '../../../../store/schema.ts';
import { translator } from '../../../i18n/catalogue.ts';
import { localPath } from '../../../i18n/language.ts';
import { nameIn } from '../../shared/labels.ts';
import { daysFrom, formatDate, regionLabel, StateBadge, statusWord } from '../shared/labels.tsx';
import { WorkspaceFrame, type WorkspaceFrameContext } from '../shared/workspace-frame.tsx';

export interface NoticesPageProps {
  frame: WorkspaceFrameContext;
  notices: readonly AuthorityNotice[];
  openBatches: readonly AuthorityBatch[];
  candidates: readonly CandidateApplication[];
  chosenBatchId: number | undefined;
  preselected: number | undefined;
  today: string;
  error?: string | undefined;
}

export function NoticesPage(props: NoticesPageProps): SafeHtml {
  const { frame } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const csrf = frame.page.csrfToken ?? '';
  return (
    <WorkspaceFrame frame={frame} title={t('ws-review.notices.title')} error={props.error}>
      {props.notices.length === 0 ? <p class="muted">{t('ws-review.notices.none')}</p> : (
        <table class="data-table">
          <thead><tr><th scope="col">{t('ws-review.notices.notice')}</th><th scope="col">{t('ws-review.notices.period')}</th><th scope="col">{t('ws-review.notices.status')}</th><th scope="col" class="number">{t('ws-review.notices.entries')}</th><th scope="col" class="number">{t('ws-review.notices.pending')}</th></tr></thead>
          <tbody>
            {props.notices.map((n) => (
              <tr>
                <th scope="row"><a href={localPath(lang, `/workspace/notices/${n.id}`)}>{lang === 'en' ? n.titleEn : n.titleZh}</a></th>
                <td>{formatDate(lang, n.opensOn)} – {formatDate(lang, n.closesOn)}{n.status === 'open' ? <span class="secondary-name">{daysFrom(t, props.today, n.closesOn)}</span> : null}</td>
                <td><span class={`status status-${n.status}`}>{statusWord(t, n.status)}</span></td>
                <td class="number">{n.entries}</td>
                <td class="number">{n.pendingObjections}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="open-notice">
        <h2 id="open-notice">{t('ws-review.notices.open')}</h2>
        {props.openBatches.length === 0 ? <p class="muted">{t('ws-review.notices.noBatch')}</p> : (
          <>
            <form method="get" action={localPath(lang, '/workspace/notices')} class="inline-form">
              <label for="n-batch">{t('ws-review.notices.batch')}</label>
              <select id="n-batch" name="batch">{props.openBatches.map((b) => <option value={String(b.id)} selected={b.id === props.chosenBatchId}>{nameIn(lang, b.nameZh, b.nameEn)}</option>)}</select>
              <button type="submit" class="button-secondary">{t('ws-review.notices.showCandidates')}</button>
            </form>
            {props.chosenBatchId === undefined ? null : (
              <form method="post" action={localPath(lang, '/workspace/notices')} class="stacked-form">
                <input type="hidden" name="_csrf" value={csrf} />
                <input type="hidden" name="batchId" value={String(props.chosenBatchId)} />
                <fieldset>
                  <legend>{t('ws-review.notices.candidates', { count: props.candidates.length })}</legend>
                  {props.candidates.length === 0 ? <p class="muted">{t('ws-review.notices.noCandidates')}</p> : props.candidates.map((c) => (
                    <label class="choice"><input type="checkbox" name="applicationIds" value={String(c.id)} checked={props.preselected === undefined || props.preselected === c.id} /> {nameIn(lang, c.enterpriseNameZh, c.enterpriseNameEn)} · {regionLabel(lang, c.cityCode)} · <StateBadge lang={lang} state={c.state} /></label>
                  ))}
                </fieldset>
                <label for="n-opens">{t('ws-review.notices.opensOn')}</label>
                <input id="n-opens" name="opensOn" type="date" value={props.today} />
                <label for="n-title">{t('ws-review.notices.titleZh')}</label>
                <input id="n-title" name="titleZh" />
                <p class="field-hint">{t('ws-review.notices.hint')}</p>
                <button type="submit" class="button-primary" disabled={props.candidates.length === 0}>{t('ws-review.notices.submit')}</button>
              </form>
            )}
          </>
        )}
      </section>
    </WorkspaceFrame>
  );
}

export interface ObjectionCase {
  id: number;
  caseNumber: string;
  entryNameZh: string;
  fullName: string;
  contact: string;
  reason: string;
  status: string;
  outcomeNote: string | null;
  filedAt: string;
  evidenceFileId: number | null;
}

export function NoticePage(props: { frame: WorkspaceFrameContext; notice: Row<'notices'>; entries: readonly NoticeEntryRow[]; cases: readonly ObjectionCase[]; today: string; error?: string | undefined }): SafeHtml {
  const { frame, notice } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const csrf = frame.page.csrfToken ?? '';
  const ended = props.today > notice.closes_on;
  return (
    <WorkspaceFrame frame={frame} title={lang === 'en' ? notice.title_en : notice.title_zh} crumbs={[{ href: '/workspace/notices', label: t('ws-review.notices.title') }]} error={props.error}>
      <p class="lead">{formatDate(lang, notice.opens_on)} – {formatDate(lang, notice.closes_on)} · <span class={`status status-${notice.status}`}>{statusWord(t, notice.status)}</span> · <a href={localPath(lang, `/notices/${notice.id}`)}>{t('ws-review.notices.public')}</a></p>
      {notice.status === 'open' ? (
        <form method="post" action={localPath(lang, `/workspace/notices/${notice.id}/close`)} class="inline-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" class="button-secondary" disabled={!ended}>{t('ws-review.notices.close')}</button>
          <span class="small muted">{ended ? t('ws-review.notices.closeReady') : t('ws-review.notices.closeAfter', { date: formatDate(lang, notice.closes_on) })}</span>
        </form>
      ) : null}
      <h2>{t('ws-review.notices.entries')}</h2>
      <table class="data-table">
        <thead><tr><th scope="col" class="number">#</th><th scope="col">{t('ws-review.notices.entry')}</th><th scope="col">{t('ws-review.notices.entryStatus')}</th><th scope="col">{t('ws-review.notices.application')}</th></tr></thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td class="number">{e.position}</td>
              <th scope="row">{e.nameZh}</th>
              <td><span class={`status status-${e.status}`}>{statusWord(t, e.status)}</span></td>
              <td>{e.applicationId === null ? '—' : <a href={localPath(lang, `/workspace/applications/${e.applicationId}`)}><StateBadge lang={lang} state={e.applicationState ?? ''} /></a>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="objections">{t('ws-review.objections.title', { count: props.cases.length })}</h2>
      {props.cases.length === 0 ? <p class="muted">{t('ws-review.objections.none')}</p> : props.cases.map((c) => (
        <article class="card objection-case">
          <h3>{c.caseNumber} · {c.entryNameZh} · <span class={`status status-${c.status}`}>{statusWord(t, c.status)}</span></h3>
          <p class="small">{t('ws-review.objections.by', { name: c.fullName, contact: c.contact, date: formatDate(lang, c.filedAt) })}</p>
          <p>{c.reason}</p>
          {c.outcomeNote ? <p class="small"><strong>{t('ws-review.objections.finding')}</strong> {c.outcomeNote}</p> : null}
          {c.status === 'received' ? (
            <form method="post" action={localPath(lang, `/workspace/notices/${notice.id}/objections/${c.id}`)} class="stacked-form narrow">
              <input type="hidden" name="_csrf" value={csrf} />
              <fieldset>
                <legend>{t('ws-review.objections.decide')}</legend>
                <label class="choice"><input type="radio" name="outcome" value="dismissed" checked /> {t('ws-review.objections.dismiss')}</label>
                <label class="choice"><input type="radio" name="outcome" value="upheld" /> {t('ws-review.objections.uphold')}</label>
              </fieldset>
              <label for={`note-${c.id}`}>{t('ws-review.objections.note')}</label>
              <textarea id={`note-${c.id}`} name="note" rows="2" required minlength="5"></textarea>
              <button type="submit" class="button-primary">{t('ws-review.objections.submit')}</button>
            </form>
          ) : null}
        </article>
      ))}
    </WorkspaceFrame>
  );
}
