/**
 * `/workspace/enterprise`: the enterprise's own page — its factory profile (editable), each
 * factory's declared years with a way to open or add one, its applications and a form to
 * start one for an open batch, its listed entries, and links to the dynamic reports and
 * the EHS register.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { EnterpriseWorkspace } from '../../../../commands/enterprises/read-enterprise-workspace.ts';
import { formatNumber, translator } from '../../../i18n/catalogue.ts';
import { localPath } from '../../../i18n/language.ts';
import { industryLabel, nameIn, regionLabel } from '../../shared/labels.ts';
import { formatDate, StateBadge, statusWord } from '../shared/labels.tsx';
import { WorkspaceFrame, type WorkspaceFrameContext } from '../shared/workspace-frame.tsx';

export interface EnterpriseHomeProps {
  frame: WorkspaceFrameContext;
  workspace: EnterpriseWorkspace;
  currentYear: number;
  error?: string | undefined;
  values?: Record<string, string>;
}

export function EnterpriseHomePage(props: EnterpriseHomeProps): SafeHtml {
  const { frame, workspace } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const { enterprise } = workspace;
  const csrf = frame.page.csrfToken ?? '';
  const value = (key: string, fallback: string) => props.values?.[key] ?? fallback;
  const years = Array.from({ length: 6 }, (_, i) => props.currentYear - i);
  return (
    <WorkspaceFrame frame={frame} title={nameIn(lang, enterprise.name_zh, enterprise.name_en)} error={props.error}>
      <dl class="facts">
        <div><dt>{t('ws-enterprise.creditCode')}</dt><dd>{enterprise.credit_code}</dd></div>
        <div><dt>{t('ws-enterprise.region')}</dt><dd>{regionLabel(lang, enterprise.region_code)}</dd></div>
        <div><dt>{t('ws-enterprise.industry')}</dt><dd>{industryLabel(lang, enterprise.industry_code)}</dd></div>
      </dl>
      <p class="inline-links">
        <a class="button-link" href={localPath(lang, '/workspace/dynamic-reports')}>{t('ws-enterprise.dynamicReports')}</a>
        <a class="button-link" href={localPath(lang, '/workspace/ehs')}>{t('ws-enterprise.ehs')}</a>
        <a class="button-link" href={localPath(lang, `/enterprises/${enterprise.id}`)}>{t('ws-enterprise.publicPage')}</a>
      </p>

      <h2 id="data">{t('ws-enterprise.annualData')}</h2>
      {workspace.factories.map(({ factory, years: declared }) => (
        <section class="factory-years" aria-label={factory.name_zh}>
          <h3>{nameIn(lang, factory.name_zh, factory.name_en)}</h3>
          {declared.length === 0 ? <p class="muted">{t('ws-enterprise.noYears')}</p> : (
            <table class="data-table compact">
              <thead><tr><th scope="col">{t('ws-enterprise.year')}</th><th scope="col" class="number">{t('ws-enterprise.energyTce')}</th><th scope="col" class="number">{t('ws-enterprise.co2eT')}</th><th scope="col" class="number">{t('ws-enterprise.value')}</th><th scope="col">{t('ws-enterprise.updated')}</th></tr></thead>
              <tbody>
                {declared.map((y) => (
                  <tr>
                    <th scope="row"><a href={localPath(lang, `/workspace/annual-data/${factory.id}/${y.year}`)}>{y.year}</a></th>
                    <td class="number">{y.energyTce === null ? '—' : formatNumber(lang, y.energyTce, 1)}</td>
                    <td class="number">{y.co2eT === null ? '—' : formatNumber(lang, y.co2eT, 1)}</td>
                    <td class="number">{y.valueTenThousandYuan === null ? '—' : formatNumber(lang, y.valueTenThousandYuan, 1)}</td>
                    <td>{formatDate(lang, y.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <form method="get" action={localPath(lang, `/workspace/annual-data/${factory.id}`)} class="inline-form">
            <label for={`year-${factory.id}`}>{t('ws-enterprise.openYear')}</label>
            <select id={`year-${factory.id}`} name="year">{years.map((y) => <option value={String(y)} selected={y === props.currentYear - 1}>{y}</option>)}</select>
            <button type="submit" class="button-secondary">{t('ws-enterprise.open')}</button>
          </form>
        </section>
      ))}

      <h2 id="applications">{t('ws-enterprise.applications')}</h2>
      {workspace.applications.length === 0 ? <p class="muted">{t('ws-enterprise.noApplications')}</p> : (
        <table class="data-table">
          <thead><tr><th scope="col">{t('ws-enterprise.application')}</th><th scope="col">{t('ws-enterprise.batch')}</th><th scope="col">{t('ws-enterprise.year')}</th><th scope="col">{t('ws-enterprise.state')}</th><th scope="col" class="number">{t('ws-enterprise.score')}</th></tr></thead>
          <tbody>
            {workspace.applications.map((a) => (
              <tr>
                <th scope="row"><a href={localPath(lang, `/workspace/applications/${a.id}`)}>{t('ws-enterprise.applicationNumber', { id: a.id })}</a></th>
                <td>{a.batchNameZh === null ? '—' : nameIn(lang, a.batchNameZh, a.batchNameEn)}</td>
                <td>{a.dataYear}</td>
                <td><StateBadge lang={lang} state={a.state} /></td>
                <td class="number">{a.scoreTotal === null ? '—' : formatNumber(lang, a.scoreTotal, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {workspace.openBatches.length > 0 ? (
        <form method="post" action={localPath(lang, '/workspace/applications')} class="stacked-form narrow" aria-labelledby="new-application">
          <h3 id="new-application">{t('ws-enterprise.newApplication')}</h3>
          <input type="hidden" name="_csrf" value={csrf} />
          <label for="na-batch">{t('ws-enterprise.batch')}</label>
          <select id="na-batch" name="batchId">{workspace.openBatches.map((b) => <option value={String(b.id)} selected={value('batchId', '') === String(b.id)}>{nameIn(lang, b.nameZh, b.nameEn)}{b.recommendDeadline ? ` · ${t('ws-enterprise.deadline', { date: b.recommendDeadline })}` : ''}</option>)}</select>
          <label for="na-factory">{t('ws-enterprise.factory')}</label>
          <select id="na-factory" name="factoryId">{workspace.factories.map(({ factory }) => <option value={String(factory.id)}>{nameIn(lang, factory.name_zh, factory.name_en)}</option>)}</select>
          <label for="na-year">{t('ws-enterprise.dataYear')}</label>
          <select id="na-year" name="dataYear">{years.map((y) => <option value={String(y)} selected={value('dataYear', String(props.currentYear - 1)) === String(y)}>{y}</option>)}</select>
          <button type="submit" class="button-primary">{t('ws-enterprise.startApplication')}</button>
        </form>
      ) : null}

      {workspace.entries.length > 0 ? (
        <>
          <h2 id="entries">{t('ws-enterprise.entries')}</h2>
          <ul class="plain-list">{workspace.entries.map((e) => <li>{nameIn(lang, e.batchNameZh, e.batchNameEn)} · {statusWord(t, e.status)} · {formatDate(lang, e.listedOn)}</li>)}</ul>
        </>
      ) : null}

      <h2 id="profile">{t('ws-enterprise.profile')}</h2>
      <form method="post" action={localPath(lang, '/workspace/enterprise/profile')} class="stacked-form profile-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <label for="p-address">{t('ws-enterprise.address')}</label>
        <input id="p-address" name="address" value={value('address', enterprise.address)} required />
        <label for="p-legal">{t('ws-enterprise.legalRepresentative')}</label>
        <input id="p-legal" name="legalRepresentative" value={value('legalRepresentative', enterprise.legal_representative)} required />
        {workspace.factories.map(({ factory }, i) => (
          <fieldset>
            <legend>{t('ws-enterprise.factoryNumber', { number: i + 1 })}</legend>
            <input type="hidden" name={`factories[${i}].id`} value={String(factory.id)} />
            <label for={`f${i}-zh`}>{t('ws-enterprise.factoryNameZh')}</label>
            <input id={`f${i}-zh`} name={`factories[${i}].nameZh`} value={value(`factories[${i}].nameZh`, factory.name_zh)} required />
            <label for={`f${i}-en`}>{t('ws-enterprise.factoryNameEn')}</label>
            <input id={`f${i}-en`} name={`factories[${i}].nameEn`} value={value(`factories[${i}].nameEn`, factory.name_en)} />
            <label for={`f${i}-address`}>{t('ws-enterprise.address')}</label>
            <input id={`f${i}-address`} name={`factories[${i}].address`} value={value(`factories[${i}].address`, factory.address)} required />
            <label for={`f${i}-area`}>{t('ws-enterprise.siteArea')}</label>
            <input id={`f${i}-area`} name={`factories[${i}].siteAreaM2`} inputmode="decimal" value={value(`factories[${i}].siteAreaM2`, factory.site_area_m2 === null ? '' : String(factory.site_area_m2))} />
          </fieldset>
        ))}
        <p class="field-hint">{t('ws-enterprise.namesHint')}</p>
        <button type="submit" class="button-primary">{t('ws-enterprise.saveProfile')}</button>
      </form>
    </WorkspaceFrame>
  );
}
