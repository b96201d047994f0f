/**
 * `/workspace/dynamic-reports`: the enterprise's 动态管理表, one per listed entry and year,
 * each filed from the factory-year it declared (or opening that year's form first when it
 * has not declared it), and the renames and boundary changes it declares for its entries.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { EnterpriseWorkspace } from '../../../../commands/enterprises/read-enterprise-workspace.ts';
import { translator } from '../../../i18n/catalogue.ts';
import { localPath } from '../../../i18n/language.ts';
import { nameIn } from '../../shared/labels.ts';
import { formatDate, statusWord } from '../shared/labels.tsx';
import { WorkspaceFrame, type WorkspaceFrameContext } from '../shared/workspace-frame.tsx';

export function DynamicReportsPage(props: { frame: WorkspaceFrameContext; workspace: EnterpriseWorkspace; error?: string | undefined }): SafeHtml {
  const { frame, workspace } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const csrf = frame.page.csrfToken ?? '';
  const factoryId = workspace.factories[0]?.factory.id;
  const entryName = (id: number) => workspace.entries.find((e) => e.id === id);
  return (
    <WorkspaceFrame frame={frame} title={t('ws-enterprise.reports.title')} crumbs={[{ href: '/workspace/enterprise', label: nameIn(lang, workspace.enterprise.name_zh, workspace.enterprise.name_en) }]} error={props.error}>
      <p class="lead">{t('ws-enterprise.reports.lead')}</p>
      {workspace.reports.length === 0 ? <p class="muted">{t('ws-enterprise.reports.none')}</p> : (
        <table class="data-table">
          <thead><tr><th scope="col">{t('ws-enterprise.reports.entry')}</th><th scope="col">{t('ws-enterprise.year')}</th><th scope="col">{t('ws-enterprise.reports.due')}</th><th scope="col">{t('ws-enterprise.state')}</th><th scope="col">{t('ws-enterprise.reports.action')}</th></tr></thead>
          <tbody>
            {workspace.reports.map((r) => {
              const entry = entryName(r.entryId);
              return (
                <tr class={r.status === 'overdue' ? 'row-overdue' : undefined}>
                  <th scope="row">{entry === undefined ? `#${r.entryId}` : nameIn(lang, entry.batchNameZh, entry.batchNameEn)}</th>
                  <td>{r.year}</td>
                  <td>{formatDate(lang, r.dueOn)}</td>
                  <td><span class={`status status-${r.status}`}>{statusWord(t, r.status)}</span>{r.flagReason ? <span class="secondary-name">{r.flagReason}</span> : null}</td>
                  <td>
                    {r.status === 'due' || r.status === 'overdue' ? (
                      <form method="post" action={localPath(lang, `/workspace/dynamic-reports/${r.id}/file`)} class="inline-form">
                        <input type="hidden" name="_csrf" value={csrf} />
                        <button type="submit" class="button-secondary">{t('ws-enterprise.reports.file', { year: r.year })}</button>
                        {factoryId === undefined ? null : <a href={localPath(lang, `/workspace/annual-data/${factoryId}/${r.year}`)}>{t('ws-enterprise.reports.checkData', { year: r.year })}</a>}
                      </form>
                    ) : formatDate(lang, r.filedAt)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {workspace.entries.some((e) => e.status === 'listed' || e.status === 'renamed') ? (
        <section aria-labelledby="changes">
          <h2 id="changes">{t('ws-enterprise.changes.title')}</h2>
          <p>{t('ws-enterprise.changes.lead')}</p>
          <form method="post" action={localPath(lang, '/workspace/dynamic-reports/changes')} class="stacked-form narrow">
            <input type="hidden" name="_csrf" value={csrf} />
            <label for="c-entry">{t('ws-enterprise.reports.entry')}</label>
            <select id="c-entry" name="entryId">{workspace.entries.filter((e) => e.status === 'listed' || e.status === 'renamed').map((e) => <option value={String(e.id)}>{nameIn(lang, e.batchNameZh, e.batchNameEn)}</option>)}</select>
            <fieldset>
              <legend>{t('ws-enterprise.changes.kind')}</legend>
              <label class="choice"><input type="radio" name="kind" value="rename" checked /> {t('ws-enterprise.changes.rename')}</label>
              <label class="choice"><input type="radio" name="kind" value="boundary_change" /> {t('ws-enterprise.changes.boundary')}</label>
            </fieldset>
            <label for="c-name">{t('ws-enterprise.changes.newName')}</label>
            <input id="c-name" name="nameZh" />
            <label for="c-description">{t('ws-enterprise.changes.description')}</label>
            <textarea id="c-description" name="description" rows="3"></textarea>
            <button type="submit" class="button-primary">{t('ws-enterprise.changes.submit')}</button>
          </form>
        </section>
      ) : null}
    </WorkspaceFrame>
  );
}
