/**
 * `/workspace/applications/{id}`: one application for whoever may read it — the facts,
 * the actions open to this reader, the self-evaluation (editable while a draft or
 * returned), the declared data and their KPIs with traces, the pinned score, evidence by
 * indicator, the evaluations (declared and verified side by side), the panel's consensus,
 * and the history in plain words.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { ApplicationDossier } from '../../../../commands/applications/read-application-dossier.ts';
import { formatNumber, translator } from '../../../i18n/catalogue.ts';
import { localPath } from '../../../i18n/language.ts';
import { nameIn, programmeLabel } from '../../shared/labels.ts';
import { DataComparison } from '../shared/data-comparison.tsx';
import { KpiTable, ScoreSummary } from '../shared/kpi-panel.tsx';
import { formatDate, History, regionLabel, StateBadge, statusWord } from '../shared/labels.tsx';
import { SelfEvaluationFields } from '../shared/self-evaluation-fields.tsx';
import { WorkspaceFrame, type WorkspaceFrameContext } from '../shared/workspace-frame.tsx';
import { ApplicationActions } from './application-actions.tsx';

export interface ApplicationPageProps {
  frame: WorkspaceFrameContext;
  dossier: ApplicationDossier;
  evaluatorOrgs: readonly { id: number; name_zh: string; name_en: string }[];
  error?: string | undefined;
}

function kilobytes(lang: 'zh-CN' | 'en', size: number): string {
  return `${formatNumber(lang, size / 1024, 0)} KB`;
}

export function ApplicationPage(props: ApplicationPageProps): SafeHtml {
  const { frame, dossier } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const csrf = frame.page.csrfToken ?? '';
  const { application, enterprise } = dossier;
  const base = `/workspace/applications/${application.id}`;
  const en = lang === 'en';
  const targets = dossier.evidenceTargets;
  return (
    <WorkspaceFrame frame={frame} title={`${nameIn(lang, enterprise.name_zh, enterprise.name_en)} · ${t('ws-enterprise.applicationNumber', { id: application.id })}`} crumbs={[{ href: '/workspace/applications', label: t('ws-application.queue.title') }]} error={props.error}>
      <p class="lead"><StateBadge lang={lang} state={application.state} /></p>
      <dl class="facts">
        <div><dt>{t('ws-application.facts.programme')}</dt><dd>{programmeLabel(lang, dossier.programmeCode)}</dd></div>
        <div><dt>{t('ws-application.facts.tier')}</dt><dd>{t(`ws-common.tier.${application.target_tier}`)}</dd></div>
        <div><dt>{t('ws-application.facts.batch')}</dt><dd>{dossier.batch === null ? '—' : nameIn(lang, dossier.batch.name_zh, dossier.batch.name_en)}</dd></div>
        <div><dt>{t('ws-application.facts.authority')}</dt><dd>{en ? dossier.authority.nameEn : dossier.authority.nameZh}</dd></div>
        <div><dt>{t('ws-application.facts.region')}</dt><dd>{regionLabel(lang, application.city_code)}</dd></div>
        <div><dt>{t('ws-application.facts.factory')}</dt><dd>{dossier.factory === null ? '—' : nameIn(lang, dossier.factory.name_zh, dossier.factory.name_en)}</dd></div>
        <div><dt>{t('ws-application.facts.dataYear')}</dt><dd>{application.data_year}</dd></div>
        <div><dt>{t('ws-application.facts.submitted')}</dt><dd>{formatDate(lang, application.submitted_at)}</dd></div>
        <div><dt>{t('ws-application.facts.score')}</dt><dd>{application.score_total === null ? '—' : formatNumber(lang, application.score_total, 2)}</dd></div>
      </dl>

      <section aria-labelledby="actions" class="actions-box">
        <h2 id="actions">{t('ws-application.actions.title')}</h2>
        <ApplicationActions lang={lang} t={t} dossier={dossier} csrf={csrf} evaluatorOrgs={props.evaluatorOrgs} />
      </section>

      <section aria-labelledby="self-evaluation">
        <h2 id="self-evaluation">{t('ws-application.self.title')}</h2>
        {dossier.editable ? (
          <form method="post" action={localPath(lang, `${base}/self-evaluation`)} class="stacked-form self-evaluation-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <SelfEvaluationFields lang={lang} t={t} framework={dossier.framework} answers={dossier.selfEvaluation} />
            <button type="submit" class="button-primary">{t('ws-application.self.save')}</button>
          </form>
        ) : dossier.selfEvaluation === null ? <p class="muted">{t('ws-application.self.none')}</p> : (
          <details><summary>{t('ws-application.self.show')}</summary><SelfEvaluationFields lang={lang} t={t} framework={dossier.framework} answers={dossier.selfEvaluation} readOnly /></details>
        )}
      </section>

      <section aria-labelledby="declared">
        <h2 id="declared">{t('ws-application.declared.title', { year: application.data_year })}</h2>
        {dossier.factory !== null && dossier.editable ? <p><a href={localPath(lang, `/workspace/annual-data/${dossier.factory.id}/${application.data_year}`)}>{t('ws-application.declared.edit')}</a></p> : null}
        {dossier.declared === null ? <p class="muted">{t('ws-application.declared.none')}</p> : (
          <>
            {dossier.declared.problem !== null ? <p class="form-error">{dossier.declared.problem}</p> : null}
            {dossier.declared.kpis !== null ? <KpiTable lang={lang} t={t} kpis={dossier.declared.kpis} caption={t('ws-application.declared.kpis')} /> : null}
            <details><summary>{t('ws-application.declared.values')}</summary><DataComparison lang={lang} t={t} declared={dossier.declared.document} caption={t('ws-application.declared.values')} /></details>
          </>
        )}
      </section>

      <section aria-labelledby="score">
        <h2 id="score">{t('ws-application.score.title')}</h2>
        {dossier.score === null ? <p class="muted">{t('ws-application.score.none')}</p> : <ScoreSummary lang={lang} t={t} score={dossier.score} note={t('ws-application.score.pinned')} />}
      </section>

      <section aria-labelledby="evidence">
        <h2 id="evidence">{t('ws-application.evidence.title')}</h2>
        {Object.keys(dossier.evidence).length === 0 ? <p class="muted">{t('ws-application.evidence.none')}</p> : (
          <table class="data-table compact">
            <thead><tr><th scope="col">{t('ws-application.evidence.indicator')}</th><th scope="col">{t('ws-application.evidence.file')}</th>{dossier.editable ? <th scope="col"><span class="visually-hidden">{t('ws-application.evidence.remove')}</span></th> : null}</tr></thead>
            <tbody>
              {Object.entries(dossier.evidence).flatMap(([indicatorId, files]) => files.map((file) => {
                const target = targets.find((x) => x.id === indicatorId);
                return (
                  <tr>
                    <th scope="row">{target === undefined ? indicatorId : en ? target.nameEn : target.nameZh}</th>
                    <td><a href={localPath(lang, `${base}/evidence/${file.fileId}`)}>{file.name}</a> <span class="small muted">{file.mediaType} · {kilobytes(lang, file.size)}</span></td>
                    {dossier.editable ? (
                      <td>
                        <form method="post" action={localPath(lang, `${base}/evidence/${file.fileId}/remove`)} class="inline-form">
                          <input type="hidden" name="_csrf" value={csrf} />
                          <button type="submit" class="button-secondary">{t('ws-application.evidence.remove')}</button>
                        </form>
                      </td>
                    ) : null}
                  </tr>
                );
              }))}
            </tbody>
          </table>
        )}
        {dossier.editable ? (
          <form method="post" action={localPath(lang, `${base}/evidence`)} enctype="multipart/form-data" class="stacked-form narrow evidence-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <label for="ev-indicator">{t('ws-application.evidence.indicator')}</label>
            <select id="ev-indicator" name="indicatorId">{targets.map((x) => <option value={x.id}>{en ? x.nameEn : x.nameZh}</option>)}</select>
            <label for="ev-file">{t('ws-application.evidence.file')}</label>
            <input id="ev-file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" required />
            <p class="field-hint">{t('ws-application.evidence.hint')}</p>
            <button type="submit" class="button-secondary">{t('ws-application.evidence.attach')}</button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="evaluations">
        <h2 id="evaluations">{t('ws-application.evaluations.title')}</h2>
        {dossier.evaluations.engagements.length === 0 ? <p class="muted">{t('ws-application.evaluations.none')}</p> : dossier.evaluations.engagements.map((e) => {
          const declaration = e.conflictDeclaration as { hasConflict?: boolean; statement?: string } | null;
          return (
            <article class="card evaluation-card">
              <h3>{e.evaluatorNameZh ?? '—'} · <span class={`status status-${e.state}`}>{statusWord(t, e.state)}</span></h3>
              <p class="small">{t('ws-application.evaluations.dates', { accepted: formatDate(lang, e.acceptedAt), signed: formatDate(lang, e.signedAt) })} · {t('ws-application.evaluations.verifiedScore', { score: e.verifiedScore === null ? '—' : formatNumber(lang, e.verifiedScore, 2) })}</p>
              {declaration?.statement ? <p class="small">{t('ws-application.evaluations.declaration')}: {declaration.statement}</p> : null}
              <p><a href={localPath(lang, `/workspace/engagements/${e.evaluationId}/report.pdf`)}>{t('ws-application.evaluations.report')}</a></p>
              {e.differences.length === 0 ? <p class="small muted">{e.signedAt === null && e.verifiedScore === null ? t('ws-application.evaluations.noVerified') : t('ws-application.evaluations.noDifferences')}</p> : (
                <table class="data-table compact comparison">
                  <caption>{t('ws-application.evaluations.differences', { count: e.differences.length })}</caption>
                  <thead><tr><th scope="col">{t('ws-common.compare.field')}</th><th scope="col" class="number">{t('ws-common.compare.declared')}</th><th scope="col" class="number">{t('ws-common.compare.verified')}</th></tr></thead>
                  <tbody>{e.differences.map((d) => <tr class="differs"><th scope="row"><code>{d.path}</code></th><td class="number">{d.declared ?? '—'}</td><td class="number">{d.verified ?? '—'}</td></tr>)}</tbody>
                </table>
              )}
            </article>
          );
        })}
      </section>

      {dossier.consensus !== null ? (
        <section aria-labelledby="consensus">
          <h2 id="consensus">{t('ws-application.consensus.title')}</h2>
          <p>{dossier.consensus.reached ? t(dossier.consensus.passed ? 'ws-application.consensus.passed' : 'ws-application.consensus.failed', { score: dossier.consensus.score ?? '—' }) : t('ws-application.consensus.waiting', { count: dossier.consensus.waitingFor.length })}</p>
          <p class="small muted">{dossier.consensus.detail}</p>
        </section>
      ) : null}

      <History t={t} lines={dossier.history} />
    </WorkspaceFrame>
  );
}
