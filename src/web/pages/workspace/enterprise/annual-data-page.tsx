/**
 * `/workspace/annual-data/{factoryId}/{year}`: one factory-year. The form posts to itself
 * (save, or recalculate without saving when JavaScript is off); with htmx every change
 * re-posts the form to `…/kpis` and swaps the KPI and score panel in place. Beside it:
 * the workbook to download (filled with what is saved) and to upload back, with a
 * progress bar (workspace-upload.js) and the workbook's row errors when it has any.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { AnnualDataView } from '../../../../commands/annual-data/read-annual-data.ts';
import type { WorkbookProblem } from '../../../../commands/annual-data/read-annual-data-workbook.ts';
import { translator } from '../../../i18n/catalogue.ts';
import { localPath } from '../../../i18n/language.ts';
import { nameIn } from '../../shared/labels.ts';
import { AnnualDataFields } from '../shared/annual-data-fields.tsx';
import { fieldId, type FormFields } from '../shared/annual-data-form.ts';
import { formatDate, StateBadge } from '../shared/labels.tsx';
import { WorkspaceFrame, type WorkspaceFrameContext } from '../shared/workspace-frame.tsx';

export interface AnnualDataPageProps {
  frame: WorkspaceFrameContext;
  view: AnnualDataView;
  values: FormFields;
  problems: Record<string, string>;
  extraRows: number;
  /** The KPI and score panel, already rendered (the same markup the fragment route returns). */
  panel: SafeHtml;
  uploadProblems?: readonly WorkbookProblem[] | undefined;
  error?: string | undefined;
}

export function UploadProblems(props: { lang: 'zh-CN' | 'en'; problems: readonly WorkbookProblem[] }): SafeHtml {
  const t = translator(props.lang);
  const en = props.lang === 'en';
  return (
    <div class="error-summary upload-problems" role="alert" tabindex="-1" id="upload-problems">
      <h2>{t('ws-enterprise.upload.problems', { count: props.problems.length })}</h2>
      <p>{t('ws-enterprise.upload.nothingSaved')}</p>
      <table class="data-table compact">
        <thead><tr><th scope="col">{t('ws-enterprise.upload.sheet')}</th><th scope="col" class="number">{t('ws-enterprise.upload.row')}</th><th scope="col">{t('ws-enterprise.upload.column')}</th><th scope="col">{t('ws-enterprise.upload.reason')}</th></tr></thead>
        <tbody>
          {props.problems.map((p) => (
            <tr class="upload-problem">
              <td>{p.sheet}</td>
              <td class="number">{p.row === 0 ? '—' : p.row}</td>
              <td>{p.column === '' ? '—' : p.column}</td>
              <td>{en ? p.reason.en : p.reason.zh}<span class="secondary-name" lang={en ? 'zh-CN' : 'en'}>{en ? p.reason.zh : p.reason.en}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AnnualDataPage(props: AnnualDataPageProps): SafeHtml {
  const { frame, view } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const csrf = frame.page.csrfToken ?? '';
  const base = `/workspace/annual-data/${view.factory.id}/${view.year}`;
  const problemEntries = Object.entries(props.problems);
  return (
    <WorkspaceFrame frame={frame} title={t('ws-enterprise.data.title', { factory: nameIn(lang, view.factory.name_zh, view.factory.name_en), year: view.year })} crumbs={[{ href: '/workspace/enterprise', label: nameIn(lang, view.enterprise.name_zh, view.enterprise.name_en) }]} error={props.error}>
      <p class="lead">
        {view.document === null ? t('ws-enterprise.data.none') : t('ws-enterprise.data.savedOn', { date: formatDate(lang, view.updatedAt) })}
        {view.lockedBy !== null ? <> · {t('ws-enterprise.data.locked', { id: view.lockedBy.id })} <StateBadge lang={lang} state={view.lockedBy.state} /></> : null}
      </p>

      <section class="workbook-box" aria-labelledby="workbook">
        <h2 id="workbook">{t('ws-enterprise.upload.title')}</h2>
        <p>{t('ws-enterprise.upload.help')}</p>
        <p><a class="button-link" href={localPath(lang, `${base}/template.xlsx`)} download>{t('ws-enterprise.upload.download')}</a></p>
        {view.editable ? (
          <form method="post" action={localPath(lang, `${base}/upload`)} enctype="multipart/form-data" class="inline-form upload-form" data-upload-progress="">
            <input type="hidden" name="_csrf" value={csrf} />
            <label for="workbook-file">{t('ws-enterprise.upload.file')}</label>
            <input id="workbook-file" name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
            <button type="submit" class="button-secondary">{t('ws-enterprise.upload.submit')}</button>
            <progress class="upload-progress" max="100" value="0" hidden aria-label={t('ws-enterprise.upload.progress')}></progress>
            <span class="upload-status small" aria-live="polite" data-uploading={t('ws-enterprise.upload.uploading')} data-checking={t('ws-enterprise.upload.checking')}></span>
          </form>
        ) : null}
      </section>
      {props.uploadProblems && props.uploadProblems.length > 0 ? <UploadProblems lang={lang} problems={props.uploadProblems} /> : null}

      {problemEntries.length > 0 ? (
        <div class="error-summary" role="alert" tabindex="-1">
          <h2>{t('ws-enterprise.data.problems')}</h2>
          <ul>{problemEntries.map(([path, message]) => <li><a href={`#${fieldId(path)}`}>{path}: {message}</a></li>)}</ul>
        </div>
      ) : null}

      <div class="data-entry">
        <form method="post" action={localPath(lang, base)} class="annual-data-form" hx-post={localPath(lang, `${base}/kpis`)} hx-trigger="input changed delay:400ms" hx-target="#kpi-panel" hx-swap="innerHTML">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="extraRows" value={String(props.extraRows)} />
          <AnnualDataFields lang={lang} t={t} values={props.values} problems={props.problems} extraRows={props.extraRows} readOnly={!view.editable} />
          {view.editable ? (
            <div class="form-actions">
              <button type="submit" name="intent" value="save" class="button-primary">{t('ws-enterprise.data.save')}</button>
              <button type="submit" name="intent" value="recalculate" class="button-secondary">{t('ws-enterprise.data.recalculate')}</button>
              <button type="submit" name="intent" value="rows" class="button-secondary">{t('ws-enterprise.data.moreRows')}</button>
            </div>
          ) : null}
        </form>
        <aside class="kpi-aside" aria-labelledby="kpi-heading">
          <h2 id="kpi-heading">{t('ws-enterprise.data.live')}</h2>
          <p class="small muted">{view.application === null ? t('ws-enterprise.data.defaultFramework', { framework: `${view.framework.nameZh} ${view.framework.version}` }) : t('ws-enterprise.data.applicationFramework', { id: view.application.id, framework: view.application.frameworkLabel })}</p>
          <div id="kpi-panel">{props.panel}</div>
        </aside>
      </div>
      <script src="/assets/workspace-upload.js" defer></script>
    </WorkspaceFrame>
  );
}
