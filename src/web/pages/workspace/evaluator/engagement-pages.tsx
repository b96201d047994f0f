/**
 * The evaluator's pages: `/workspace/engagements` (the inbox of its organisation's
 * engagements) and `/workspace/engagements/{id}` — accept with the conflict-of-interest
 * declaration or decline, record the verified values and answers, see them beside the
 * declared ones, read the report (PDF), and sign it off.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { EvaluationReport } from '../../../../commands/evaluations/read-evaluation-report.ts';
import type { SelfEvaluation } from '../../../../commands/applications/application-records.ts';
import type { Framework } from '../../../../engine/index.ts';
import { formatNumber, translator } from '../../../i18n/catalogue.ts';
import { localPath } from '../../../i18n/language.ts';
import { nameIn } from '../../shared/labels.ts';
import { AnnualDataFields } from '../shared/annual-data-fields.tsx';
import type { FormFields } from '../shared/annual-data-form.ts';
import { DataComparison } from '../shared/data-comparison.tsx';
import { KpiTable, ScoreSummary } from '../shared/kpi-panel.tsx';
import { formatDate, StateBadge, statusWord } from '../shared/labels.tsx';
import { SelfEvaluationFields } from '../shared/self-evaluation-fields.tsx';
import { WorkspaceFrame, type WorkspaceFrameContext } from '../shared/workspace-frame.tsx';

export interface InboxRow {
  evaluationId: number;
  applicationId: number;
  enterpriseNameZh: string;
  state: string;
  national: number;
  year: number;
  applicationState: string;
  requestedAt: string;
  acceptedAt: string | null;
  signedAt: string | null;
}

export function EngagementInboxPage(props: { frame: WorkspaceFrameContext; rows: readonly InboxRow[]; capUsed: number; capYear: number }): SafeHtml {
  const { frame } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  return (
    <WorkspaceFrame frame={frame} title={t('ws-evaluator.inbox.title')}>
      <p class="lead">{t('ws-evaluator.inbox.cap', { used: props.capUsed, year: props.capYear })}</p>
      {props.rows.length === 0 ? <p class="muted">{t('ws-evaluator.inbox.empty')}</p> : (
        <table class="data-table">
          <thead><tr><th scope="col">{t('ws-evaluator.inbox.enterprise')}</th><th scope="col">{t('ws-evaluator.inbox.state')}</th><th scope="col">{t('ws-evaluator.inbox.application')}</th><th scope="col">{t('ws-evaluator.inbox.level')}</th><th scope="col">{t('ws-evaluator.inbox.requested')}</th><th scope="col">{t('ws-evaluator.inbox.signed')}</th></tr></thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <th scope="row"><a href={localPath(lang, `/workspace/engagements/${r.evaluationId}`)}>{r.enterpriseNameZh}</a></th>
                <td><span class={`status status-${r.state}`}>{statusWord(t, r.state)}</span></td>
                <td><StateBadge lang={lang} state={r.applicationState} /></td>
                <td>{t(r.national === 1 ? 'ws-common.tier.national' : 'ws-common.tier.province')} · {r.year}</td>
                <td>{formatDate(lang, r.requestedAt)}</td>
                <td>{formatDate(lang, r.signedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </WorkspaceFrame>
  );
}

export interface EngagementPageProps {
  frame: WorkspaceFrameContext;
  report: EvaluationReport;
  framework: Framework;
  answers: SelfEvaluation | null;
  values: FormFields;
  problems: Record<string, string>;
  canAct: boolean;
  error?: string | undefined;
}

export function EngagementPage(props: EngagementPageProps): SafeHtml {
  const { frame, report } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const csrf = frame.page.csrfToken ?? '';
  const { evaluation, application, enterprise } = report;
  const base = `/workspace/engagements/${evaluation.id}`;
  const accepted = evaluation.state === 'accepted';
  const canSign = props.canAct && accepted && report.verified !== null && application.state === 'third_party_evaluation';
  return (
    <WorkspaceFrame frame={frame} title={`${nameIn(lang, enterprise.name_zh, enterprise.name_en)} · ${application.data_year}`} crumbs={[{ href: '/workspace/engagements', label: t('ws-evaluator.inbox.title') }]} error={props.error}>
      <p class="lead"><span class={`status status-${evaluation.state}`}>{statusWord(t, evaluation.state)}</span> <StateBadge lang={lang} state={application.state} /></p>
      <dl class="facts">
        <div><dt>{t('ws-evaluator.facts.organisation')}</dt><dd>{nameIn(lang, report.organisation.name_zh, report.organisation.name_en)}</dd></div>
        <div><dt>{t('ws-evaluator.facts.batch')}</dt><dd>{report.batch === null ? '—' : nameIn(lang, report.batch.nameZh, report.batch.nameEn)}</dd></div>
        <div><dt>{t('ws-evaluator.facts.factory')}</dt><dd>{report.factory === null ? '—' : report.factory.name_zh}</dd></div>
        <div><dt>{t('ws-evaluator.facts.declaredScore')}</dt><dd>{application.score_total === null ? '—' : formatNumber(lang, application.score_total, 2)}</dd></div>
        <div><dt>{t('ws-evaluator.facts.verifiedScore')}</dt><dd>{report.score?.total == null ? '—' : formatNumber(lang, report.score.total, 2)}</dd></div>
      </dl>
      <p><a class="button-link" href={localPath(lang, `${base}/report.pdf`)}>{t('ws-evaluator.report')}</a> <a href={localPath(lang, `/workspace/applications/${application.id}`)}>{t('ws-evaluator.openApplication')}</a></p>

      {props.canAct && evaluation.state === 'requested' ? (
        <section aria-labelledby="declare" class="actions-box">
          <h2 id="declare">{t('ws-evaluator.declare.title')}</h2>
          <p>{t('ws-evaluator.declare.lead')}</p>
          <form method="post" action={localPath(lang, `${base}/accept`)} class="stacked-form narrow">
            <input type="hidden" name="_csrf" value={csrf} />
            <fieldset>
              <legend>{t('ws-evaluator.declare.question')}</legend>
              <label class="choice"><input type="radio" name="hasConflict" value="false" checked /> {t('ws-evaluator.declare.noConflict')}</label>
              <label class="choice"><input type="radio" name="hasConflict" value="true" /> {t('ws-evaluator.declare.conflict')}</label>
            </fieldset>
            <label for="statement">{t('ws-evaluator.declare.statement')}</label>
            <textarea id="statement" name="statement" rows="3" required minlength="10"></textarea>
            <button type="submit" class="button-primary">{t('ws-evaluator.declare.accept')}</button>
          </form>
          <form method="post" action={localPath(lang, `${base}/decline`)} class="stacked-form narrow">
            <input type="hidden" name="_csrf" value={csrf} />
            <label for="decline-reason">{t('ws-evaluator.declare.declineReason')}</label>
            <textarea id="decline-reason" name="reason" rows="2"></textarea>
            <button type="submit" class="button-secondary danger">{t('ws-evaluator.declare.decline')}</button>
          </form>
        </section>
      ) : report.declaration !== null ? <p>{t('ws-evaluator.declare.done', { date: formatDate(lang, evaluation.accepted_at), statement: report.declaration.statement })}</p> : null}

      {report.verified !== null ? (
        <section aria-labelledby="compare">
          <h2 id="compare">{t('ws-evaluator.compare.title')}</h2>
          <DataComparison lang={lang} t={t} declared={report.declared} verified={report.verified} caption={t('ws-evaluator.compare.caption')} />
          {report.score !== null ? <ScoreSummary lang={lang} t={t} score={report.score} note={t('ws-evaluator.compare.verifiedScore')} /> : null}
          {report.kpis !== null ? <KpiTable lang={lang} t={t} kpis={report.kpis} caption={t('ws-evaluator.compare.kpis')} /> : null}
        </section>
      ) : null}

      {props.canAct && accepted ? (
        <section aria-labelledby="verify">
          <h2 id="verify">{t('ws-evaluator.verify.title')}</h2>
          <p>{t('ws-evaluator.verify.lead')}</p>
          <form method="post" action={localPath(lang, `${base}/verified`)} class="stacked-form verified-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <AnnualDataFields lang={lang} t={t} values={props.values} problems={props.problems} />
            <h3>{t('ws-evaluator.verify.answers')}</h3>
            <SelfEvaluationFields lang={lang} t={t} framework={props.framework} answers={props.answers} />
            <button type="submit" class="button-primary">{t('ws-evaluator.verify.save')}</button>
          </form>
        </section>
      ) : null}

      {canSign ? (
        <section aria-labelledby="sign" class="actions-box">
          <h2 id="sign">{t('ws-evaluator.sign.title')}</h2>
          <p>{t('ws-evaluator.sign.lead')}</p>
          <form method="post" action={localPath(lang, `${base}/sign`)} class="inline-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit" class="button-primary">{t('ws-evaluator.sign.submit')}</button>
          </form>
        </section>
      ) : evaluation.signed_at !== null ? <p class="form-success">{t('ws-evaluator.sign.done', { date: formatDate(lang, evaluation.signed_at), name: report.signer?.displayName ?? '' })}</p> : null}
    </WorkspaceFrame>
  );
}
