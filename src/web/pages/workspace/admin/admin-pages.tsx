/**
 * Administration pages: `/workspace/admin/authorities` (the authorities with their
 * programme settings and where each comes from), `/workspace/admin/frameworks` (the
 * indicator frameworks, their stored versions, pinning one to an open batch) and
 * `/workspace/admin/messages` (contact and media messages, marked handled one by one).
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { AuthoritySettings } from '../../../../domain/applications/authority-settings.ts';
import type { Row } from '../../../../store/schema.ts';
import type { AuthorityBatch } from '../../../../store/queries/workspace/authority-work.ts';
import { translator } from '../../../i18n/catalogue.ts';
import { localPath } from '../../../i18n/language.ts';
import { nameIn } from '../../shared/labels.ts';
import { Pagination } from '../../shared/pagination.tsx';
import { formatDate, regionLabel } from '../shared/labels.tsx';
import { WorkspaceFrame, type WorkspaceFrameContext } from '../shared/workspace-frame.tsx';

export function AuthoritiesPage(props: { frame: WorkspaceFrameContext; authorities: readonly { row: Row<'authorities'>; settings: AuthoritySettings | null; problem: string | null }[] }): SafeHtml {
  const { frame } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  return (
    <WorkspaceFrame frame={frame} title={t('ws-admin.authorities.title')}>
      {props.authorities.map(({ row, settings, problem }) => (
        <article class="card">
          <h2>{nameIn(lang, row.name_zh, row.name_en)} <span class="small muted">{row.code} · {t(`ws-common.tier.${row.level}`)} · {row.region_code === '000000' ? t('workspace.nationwide') : regionLabel(lang, row.region_code)}</span></h2>
          {problem !== null ? <p class="form-error">{problem}</p> : settings === null ? null : (
            <table class="data-table compact">
              <tbody>
                <tr><th scope="row">{t('ws-admin.authorities.recommendDeadline')}</th><td>{settings.recommendDeadline}</td><td class="source">{settings.sources.recommendDeadline ?? ''}</td></tr>
                <tr><th scope="row">{t('ws-admin.authorities.dynamicReportDeadline')}</th><td>{settings.dynamicReportDeadline}</td><td class="source">{settings.sources.dynamicReportDeadline ?? ''}</td></tr>
                <tr><th scope="row">{t('ws-admin.authorities.notice')}</th><td>{t(settings.noticeDayKind === 'working' ? 'ws-admin.authorities.workingDays' : 'ws-admin.authorities.calendarDays', { days: settings.noticeDays })}</td><td class="source">{settings.sources.noticeDays ?? ''}</td></tr>
                <tr><th scope="row">{t('ws-admin.authorities.selfEvaluation')}</th><td>{t(settings.selfEvaluationAllowed ? 'ws-admin.yes' : 'ws-admin.no')}</td><td class="source">{settings.sources.selfEvaluationAllowed ?? ''}</td></tr>
                <tr><th scope="row">{t('ws-admin.authorities.expertExclusion')}</th><td>{t(settings.expertsExcludedFromOwnRegion ? 'ws-admin.yes' : 'ws-admin.no')}</td><td class="source">{settings.sources.expertsExcludedFromOwnRegion ?? ''}</td></tr>
              </tbody>
            </table>
          )}
        </article>
      ))}
      <p class="small muted">{t('ws-admin.authorities.note')}</p>
    </WorkspaceFrame>
  );
}

export interface FrameworkRow {
  id: string;
  version: string;
  nameZh: string;
  nameEn: string;
  hash: string;
  effective: string;
  abolished: string | null;
  stored: { pinnedAt: string | null } | null;
}

export function FrameworksAdminPage(props: { frame: WorkspaceFrameContext; frameworks: readonly FrameworkRow[]; openBatches: readonly AuthorityBatch[]; error?: string | undefined }): SafeHtml {
  const { frame } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const csrf = frame.page.csrfToken ?? '';
  return (
    <WorkspaceFrame frame={frame} title={t('ws-admin.frameworks.title')} error={props.error}>
      <table class="data-table">
        <thead><tr><th scope="col">{t('ws-admin.frameworks.framework')}</th><th scope="col">{t('ws-admin.frameworks.version')}</th><th scope="col">{t('ws-admin.frameworks.effective')}</th><th scope="col">{t('ws-admin.frameworks.pinned')}</th></tr></thead>
        <tbody>
          {props.frameworks.map((f) => (
            <tr>
              <th scope="row"><a href={localPath(lang, `/frameworks/${f.id}`)}>{nameIn(lang, f.nameZh, f.nameEn)}</a><span class="secondary-name"><code>{f.hash.slice(0, 19)}…</code></span></th>
              <td>{f.version}</td>
              <td>{formatDate(lang, f.effective)}{f.abolished ? ` – ${formatDate(lang, f.abolished)}` : ''}</td>
              <td>{f.stored?.pinnedAt ? formatDate(lang, f.stored.pinnedAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="pin">
        <h2 id="pin">{t('ws-admin.frameworks.pin')}</h2>
        <p>{t('ws-admin.frameworks.pinLead')}</p>
        {props.openBatches.length === 0 ? <p class="muted">{t('ws-admin.frameworks.noBatch')}</p> : (
          <form method="post" action={localPath(lang, '/workspace/admin/frameworks/pin')} class="stacked-form narrow">
            <input type="hidden" name="_csrf" value={csrf} />
            <label for="pin-batch">{t('ws-admin.frameworks.batch')}</label>
            <select id="pin-batch" name="batchId">{props.openBatches.map((b) => <option value={String(b.id)}>{nameIn(lang, b.nameZh, b.nameEn)} ({b.frameworkId ?? '—'})</option>)}</select>
            <label for="pin-framework">{t('ws-admin.frameworks.framework')}</label>
            <select id="pin-framework" name="frameworkId">{props.frameworks.map((f) => <option value={`${f.id}@${f.version}`}>{nameIn(lang, f.nameZh, f.nameEn)} {f.version}</option>)}</select>
            <button type="submit" class="button-primary">{t('ws-admin.frameworks.pinSubmit')}</button>
          </form>
        )}
      </section>
    </WorkspaceFrame>
  );
}

export function MessagesPage(props: { frame: WorkspaceFrameContext; messages: readonly Row<'contact_messages'>[]; total: number; open: number; showHandled: boolean; page: number }): SafeHtml {
  const { frame } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const csrf = frame.page.csrfToken ?? '';
  return (
    <WorkspaceFrame frame={frame} title={t('ws-admin.messages.title')}>
      <p class="lead">{t('ws-admin.messages.open', { count: props.open })} · <a href={localPath(lang, `/workspace/admin/messages${props.showHandled ? '' : '?handled=1'}`)}>{t(props.showHandled ? 'ws-admin.messages.showOpen' : 'ws-admin.messages.showHandled')}</a></p>
      {props.messages.length === 0 ? <p class="muted">{t('ws-admin.messages.none')}</p> : props.messages.map((m) => (
        <article class="card message">
          <h2>{m.subject} <span class="small muted">{m.reference} · {t(`ws-admin.messages.kind.${m.kind === 'media' ? 'media' : 'contact'}`)}</span></h2>
          <p class="small">{m.full_name} · <a href={`mailto:${m.email}`}>{m.email}</a>{m.organisation ? ` · ${m.organisation}` : ''} · {formatDate(lang, m.created_at)}</p>
          <p class="message-body" lang={m.lang}>{m.body}</p>
          {m.handled_at === null ? (
            <form method="post" action={localPath(lang, `/workspace/admin/messages/${m.reference}/handled`)} class="inline-form">
              <input type="hidden" name="_csrf" value={csrf} />
              <button type="submit" class="button-secondary">{t('ws-admin.messages.markHandled')}</button>
            </form>
          ) : <p class="small muted">{t('ws-admin.messages.handledOn', { date: formatDate(lang, m.handled_at) })}</p>}
        </article>
      ))}
      <Pagination t={t} page={props.page} pageCount={Math.max(1, Math.ceil(props.total / 20))} href={(p) => localPath(lang, `/workspace/admin/messages?page=${p}${props.showHandled ? '&handled=1' : ''}`)} />
    </WorkspaceFrame>
  );
}
