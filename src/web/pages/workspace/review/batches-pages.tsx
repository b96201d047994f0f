/**
 * `/workspace/batches`: the authority's batches with their deadlines and pinned framework,
 * a form to open a batch and, for each open one, to move its deadline or pin another
 * framework version; `/workspace/batches/{id}`: the publication preview (entries added,
 * removals and renames of the same list) and the publish button, or, once published, the
 * batch's diff against the list before it.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { PROGRAMMES } from '../../../../domain/programmes/programmes.ts';
import type { BatchDiff } from '../../../../store/queries/batch-diff.ts';
import type { AuthorityBatch, PublicationPreview } from '../../../../store/queries/workspace/authority-work.ts';
import { translator } from '../../../i18n/catalogue.ts';
import { localPath } from '../../../i18n/language.ts';
import { nameIn, programmeLabel } from '../../shared/labels.ts';
import { daysFrom, formatDate, statusWord } from '../shared/labels.tsx';
import { WorkspaceFrame, type WorkspaceFrameContext } from '../shared/workspace-frame.tsx';

export interface FrameworkChoice {
  id: string;
  label: string;
}

export function BatchesPage(props: { frame: WorkspaceFrameContext; batches: readonly AuthorityBatch[]; frameworks: readonly FrameworkChoice[]; canCreate: boolean; today: string; error?: string | undefined }): SafeHtml {
  const { frame } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const csrf = frame.page.csrfToken ?? '';
  const year = Number(props.today.slice(0, 4));
  const frameworkOptions = (selected: string | null) => props.frameworks.map((f) => <option value={f.id} selected={selected !== null && selected.startsWith(`${f.id}@`)}>{f.label}</option>);
  return (
    <WorkspaceFrame frame={frame} title={t('ws-review.batches.title')} error={props.error}>
      {props.batches.length === 0 ? <p class="muted">{t('ws-review.batches.none')}</p> : (
        <div class="table-scroll">
          <table class="data-table">
            <thead><tr><th scope="col">{t('ws-review.batches.batch')}</th><th scope="col">{t('ws-review.batches.status')}</th><th scope="col">{t('ws-review.batches.deadline')}</th><th scope="col">{t('ws-review.batches.framework')}</th><th scope="col" class="number">{t('ws-review.batches.applications')}</th><th scope="col">{t('ws-review.batches.change')}</th></tr></thead>
            <tbody>
              {props.batches.map((b) => (
                <tr>
                  <th scope="row"><a href={localPath(lang, `/workspace/batches/${b.id}`)}>{nameIn(lang, b.nameZh, b.nameEn)}</a><span class="secondary-name">{b.slug}{b.noticeNumber ? ` · ${b.noticeNumber}` : ''}</span></th>
                  <td><span class={`status status-${b.status}`}>{statusWord(t, b.status)}</span>{b.publishedOn ? <span class="secondary-name">{formatDate(lang, b.publishedOn)}</span> : null}</td>
                  <td>{b.recommendDeadline === null ? '—' : <>{formatDate(lang, b.recommendDeadline)}{b.status === 'open' ? <span class="secondary-name">{daysFrom(t, props.today, b.recommendDeadline)}</span> : null}</>}</td>
                  <td>{b.frameworkId ?? '—'}</td>
                  <td class="number">{b.applications}</td>
                  <td>
                    {b.status === 'open' && props.canCreate ? (
                      <form method="post" action={localPath(lang, `/workspace/batches/${b.id}/update`)} class="row-form">
                        <input type="hidden" name="_csrf" value={csrf} />
                        <label for={`d-${b.id}`}>{t('ws-review.batches.deadline')}</label>
                        <input id={`d-${b.id}`} name="recommendDeadline" type="date" value={b.recommendDeadline ?? ''} />
                        <label for={`fw-${b.id}`}>{t('ws-review.batches.framework')}</label>
                        <select id={`fw-${b.id}`} name="frameworkId"><option value="">—</option>{frameworkOptions(b.frameworkId)}</select>
                        <label for={`no-${b.id}`}>{t('ws-review.batches.noticeNumber')}</label>
                        <input id={`no-${b.id}`} name="noticeNumber" value={b.noticeNumber ?? ''} />
                        <button type="submit" class="button-secondary">{t('ws-review.batches.save')}</button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.canCreate ? (
        <section aria-labelledby="new-batch">
          <h2 id="new-batch">{t('ws-review.batches.new')}</h2>
          <form method="post" action={localPath(lang, '/workspace/batches')} class="stacked-form narrow">
            <input type="hidden" name="_csrf" value={csrf} />
            <label for="b-programme">{t('ws-review.batches.programme')}</label>
            <select id="b-programme" name="programmeCode">{PROGRAMMES.map((p) => <option value={p.code}>{programmeLabel(lang, p.code)}</option>)}</select>
            <label for="b-year">{t('ws-review.batches.year')}</label>
            <input id="b-year" name="year" inputmode="numeric" value={String(year + 1)} required />
            <label for="b-ordinal">{t('ws-review.batches.ordinal')}</label>
            <input id="b-ordinal" name="ordinal" inputmode="numeric" />
            <label for="b-framework">{t('ws-review.batches.framework')}</label>
            <select id="b-framework" name="frameworkId"><option value="">—</option>{frameworkOptions('gbt36132-2025@')}</select>
            <label for="b-notice">{t('ws-review.batches.noticeNumber')}</label>
            <input id="b-notice" name="noticeNumber" />
            <button type="submit" class="button-primary">{t('ws-review.batches.create')}</button>
          </form>
        </section>
      ) : null}
    </WorkspaceFrame>
  );
}

export function BatchPage(props: { frame: WorkspaceFrameContext; preview: PublicationPreview; diff: BatchDiff | null; canPublish: boolean; error?: string | undefined }): SafeHtml {
  const { frame, preview } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const csrf = frame.page.csrfToken ?? '';
  const { batch } = preview;
  const published = batch.status === 'published';
  const ready = !published && preview.notice?.status === 'closed' && preview.waiting.length === 0;
  return (
    <WorkspaceFrame frame={frame} title={nameIn(lang, batch.name_zh, batch.name_en)} crumbs={[{ href: '/workspace/batches', label: t('ws-review.batches.title') }]} error={props.error}>
      <p class="lead"><span class={`status status-${batch.status}`}>{statusWord(t, batch.status)}</span> · {batch.slug}{batch.framework_id ? ` · ${batch.framework_id}` : ''} · <a href={localPath(lang, `/lists/${batch.slug}`)}>{t('ws-review.batches.public')}</a></p>
      {published && props.diff !== null ? (
        <section aria-labelledby="diff">
          <h2 id="diff">{t('ws-review.batches.diff', { date: formatDate(lang, batch.published_on) })}</h2>
          <p>{t('ws-review.batches.diffCounts', { added: props.diff.added.length, removed: props.diff.removed.length, renamed: props.diff.renamed.length })}</p>
          <ul class="plain-list diff-list">
            {props.diff.added.map((e) => <li class="diff-added">+ {e.nameZh}</li>)}
            {props.diff.removed.map((e) => <li class="diff-removed">− {e.nameZh} ({e.reason})</li>)}
            {props.diff.renamed.map((e) => <li class="diff-renamed">↻ {e.from} → {e.nameZh}</li>)}
          </ul>
        </section>
      ) : (
        <section aria-labelledby="preview">
          <h2 id="preview">{t('ws-review.batches.preview')}</h2>
          {preview.notice === null ? <p class="callout">{t('ws-review.batches.noNotice')}</p> : preview.notice.status !== 'closed' ? <p class="callout">{t('ws-review.batches.noticeOpen', { date: formatDate(lang, preview.notice.closes_on) })}</p> : null}
          <h3>{t('ws-review.batches.toList', { count: preview.toList.length })}</h3>
          <ul class="plain-list diff-list">{preview.toList.map((e) => <li class="diff-added">+ {e.nameZh}</li>)}</ul>
          {preview.waiting.length > 0 ? (
            <>
              <h3>{t('ws-review.batches.waiting', { count: preview.waiting.length })}</h3>
              <ul class="plain-list">{preview.waiting.map((e) => <li>{e.nameZh} · {statusWord(t, e.status)}</li>)}</ul>
            </>
          ) : null}
          <h3>{t('ws-review.batches.removals', { count: preview.removals.length })}</h3>
          <ul class="plain-list diff-list">{preview.removals.map((r) => <li class="diff-removed">− {r.nameZh} ({r.batchSlug}) · {r.reason}</li>)}</ul>
          <h3>{t('ws-review.batches.renames', { count: preview.renames.length })}</h3>
          <ul class="plain-list diff-list">{preview.renames.map((r) => <li class="diff-renamed">↻ {r.from} → {r.to}</li>)}</ul>
          {props.canPublish ? (
            <form method="post" action={localPath(lang, `/workspace/batches/${batch.id}/publish`)} class="inline-form">
              <input type="hidden" name="_csrf" value={csrf} />
              <button type="submit" class="button-primary" disabled={!ready}>{t('ws-review.batches.publish')}</button>
              {!ready ? <span class="small muted">{t('ws-review.batches.notReady')}</span> : null}
            </form>
          ) : null}
        </section>
      )}
    </WorkspaceFrame>
  );
}
