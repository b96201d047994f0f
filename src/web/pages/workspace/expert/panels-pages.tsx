/**
 * Expert panels. For the authority: `/workspace/panels` (its panels, and a form forming
 * one from its experts for the applications recommended to it) and `/workspace/panels/{id}`
 * (every expert's score and comment, the consensus). For an expert: `/workspace/panels`
 * lists the applications on its panels, each with the scoring form (or a conflict
 * declaration), its own review, and the panel's consensus once every member has scored.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { ExpertAssignment } from '../../../../commands/experts/read-expert-assignments.ts';
import type { PanelView } from '../../../../commands/experts/read-panel.ts';
import type { CandidateApplication, ExpertEntry } from '../../../../store/queries/workspace/authority-work.ts';
import { formatNumber, translator, type Translate } from '../../../i18n/catalogue.ts';
import { localPath } from '../../../i18n/language.ts';
import { nameIn } from '../../shared/labels.ts';
import { formatDate, regionLabel, StateBadge } from '../shared/labels.tsx';
import { WorkspaceFrame, type WorkspaceFrameContext } from '../shared/workspace-frame.tsx';

function ConsensusLine(props: { t: Translate; consensus: { reached: boolean; passed: boolean; score: number | null; waitingFor: readonly number[]; detail: string } }): SafeHtml {
  const { t, consensus } = props;
  return (
    <p class={consensus.reached ? (consensus.passed ? 'form-success' : 'form-error') : 'callout small'}>
      {consensus.reached ? t(consensus.passed ? 'ws-application.consensus.passed' : 'ws-application.consensus.failed', { score: consensus.score ?? '—' }) : t('ws-application.consensus.waiting', { count: consensus.waitingFor.length })}
      <span class="secondary-name">{consensus.detail}</span>
    </p>
  );
}

export function PanelsPage(props: { frame: WorkspaceFrameContext; panels: readonly { id: number; name: string; createdAt: string; members: number; applications: number }[]; experts: readonly ExpertEntry[]; candidates: readonly CandidateApplication[]; preselected: number | undefined; error?: string | undefined }): SafeHtml {
  const { frame } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const csrf = frame.page.csrfToken ?? '';
  return (
    <WorkspaceFrame frame={frame} title={t('ws-expert.panels.title')} error={props.error}>
      {props.panels.length === 0 ? <p class="muted">{t('ws-expert.panels.none')}</p> : (
        <table class="data-table">
          <thead><tr><th scope="col">{t('ws-expert.panels.name')}</th><th scope="col" class="number">{t('ws-expert.panels.members')}</th><th scope="col" class="number">{t('ws-expert.panels.applications')}</th><th scope="col">{t('ws-expert.panels.created')}</th></tr></thead>
          <tbody>{props.panels.map((p) => <tr><th scope="row"><a href={localPath(lang, `/workspace/panels/${p.id}`)}>{p.name}</a></th><td class="number">{p.members}</td><td class="number">{p.applications}</td><td>{formatDate(lang, p.createdAt)}</td></tr>)}</tbody>
        </table>
      )}
      <section aria-labelledby="new-panel">
        <h2 id="new-panel">{t('ws-expert.panels.new')}</h2>
        <form method="post" action={localPath(lang, '/workspace/panels')} class="stacked-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <label for="p-name">{t('ws-expert.panels.name')}</label>
          <input id="p-name" name="name" required />
          <fieldset>
            <legend>{t('ws-expert.panels.experts')}</legend>
            {props.experts.map((x) => <label class="choice"><input type="checkbox" name="expertUserIds" value={String(x.userId)} checked /> {x.displayName} · {x.regionCode === null ? '—' : regionLabel(lang, x.regionCode)} · {x.organisation ?? ''}</label>)}
          </fieldset>
          <fieldset>
            <legend>{t('ws-expert.panels.candidates', { count: props.candidates.length })}</legend>
            {props.candidates.length === 0 ? <p class="muted">{t('ws-expert.panels.noCandidates')}</p> : props.candidates.map((c) => <label class="choice"><input type="checkbox" name="applicationIds" value={String(c.id)} checked={props.preselected === undefined || props.preselected === c.id} /> {nameIn(lang, c.enterpriseNameZh, c.enterpriseNameEn)} · {regionLabel(lang, c.cityCode)} · {c.scoreTotal === null ? '—' : formatNumber(lang, c.scoreTotal, 2)}</label>)}
          </fieldset>
          <label for="p-pass">{t('ws-expert.panels.passScore')}</label>
          <input id="p-pass" name="passScore" inputmode="numeric" value="60" />
          <p class="field-hint">{t('ws-expert.panels.ruleHint')}</p>
          <button type="submit" class="button-primary" disabled={props.candidates.length === 0}>{t('ws-expert.panels.create')}</button>
        </form>
      </section>
    </WorkspaceFrame>
  );
}

export function PanelPage(props: { frame: WorkspaceFrameContext; panel: PanelView }): SafeHtml {
  const { frame, panel } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const name = (userId: number) => panel.members.find((m) => m.userId === userId)?.displayName ?? `#${userId}`;
  return (
    <WorkspaceFrame frame={frame} title={panel.name} crumbs={[{ href: '/workspace/panels', label: t('ws-expert.panels.title') }]}>
      <p class="lead">{t('ws-expert.panel.rule', { method: panel.rule.method, pass: panel.rule.passScore, dissent: panel.rule.dissentPoints })}</p>
      <p>{t('ws-expert.panel.members')}: {panel.members.map((m) => `${m.displayName}${m.regionCode ? `（${regionLabel(lang, m.regionCode)}）` : ''}`).join('、')}</p>
      {panel.applications.map((a) => (
        <article class="card">
          <h2><a href={localPath(lang, `/workspace/applications/${a.applicationId}`)}>{a.enterpriseNameZh}</a> <StateBadge lang={lang} state={a.state} /></h2>
          <table class="data-table compact">
            <thead><tr><th scope="col">{t('ws-expert.panel.expert')}</th><th scope="col" class="number">{t('ws-expert.panel.score')}</th><th scope="col">{t('ws-expert.panel.comment')}</th></tr></thead>
            <tbody>{a.reviews.map((r) => <tr><th scope="row">{name(r.expertUserId)}</th><td class="number">{r.conflictDeclared ? t('ws-expert.panel.recused') : r.score === null ? '—' : formatNumber(lang, r.score, 1)}</td><td>{r.comment ?? ''}</td></tr>)}</tbody>
          </table>
          {a.consensus !== null ? <ConsensusLine t={t} consensus={a.consensus} /> : null}
        </article>
      ))}
    </WorkspaceFrame>
  );
}

export function ExpertAssignmentsPage(props: { frame: WorkspaceFrameContext; assignments: readonly ExpertAssignment[]; error?: string | undefined }): SafeHtml {
  const { frame } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const csrf = frame.page.csrfToken ?? '';
  return (
    <WorkspaceFrame frame={frame} title={t('ws-expert.assignments.title')} error={props.error}>
      {props.assignments.length === 0 ? <p class="muted">{t('ws-expert.assignments.none')}</p> : props.assignments.map((a) => {
        const open = a.state === 'national_expert_review' && !a.review.conflictDeclared;
        const base = `/workspace/panels/${a.panelId}/reviews/${a.applicationId}`;
        return (
          <article class="card assignment">
            <h2><a href={localPath(lang, `/workspace/applications/${a.applicationId}`)}>{nameIn(lang, a.enterpriseNameZh, a.enterpriseNameEn)}</a> <StateBadge lang={lang} state={a.state} /></h2>
            <p class="small muted">{a.panelName} · {regionLabel(lang, a.provinceCode)} · {t('ws-expert.assignments.dataYear', { year: a.dataYear })} · {t('ws-expert.assignments.declaredScore', { score: a.declaredScore === null ? '—' : formatNumber(lang, a.declaredScore, 2) })}</p>
            {a.review.submittedAt !== null ? <p>{a.review.conflictDeclared ? t('ws-expert.assignments.recused', { statement: a.review.comment ?? '' }) : t('ws-expert.assignments.yourScore', { score: a.review.score ?? '—', date: formatDate(lang, a.review.submittedAt) })}{a.review.comment && !a.review.conflictDeclared ? <span class="secondary-name">{a.review.comment}</span> : null}</p> : null}
            {open ? (
              <div class="two-forms">
                <form method="post" action={localPath(lang, base)} class="stacked-form">
                  <input type="hidden" name="_csrf" value={csrf} />
                  <input type="hidden" name="kind" value="score" />
                  <label for={`s-${a.applicationId}`}>{t('ws-expert.assignments.score')}</label>
                  <input id={`s-${a.applicationId}`} name="score" type="number" min="0" max="100" step="0.5" value={a.review.score === null ? '' : String(a.review.score)} required />
                  <label for={`c-${a.applicationId}`}>{t('ws-expert.assignments.comment')}</label>
                  <textarea id={`c-${a.applicationId}`} name="comment" rows="3" required minlength="5">{a.review.conflictDeclared ? '' : (a.review.comment ?? '')}</textarea>
                  <button type="submit" class="button-primary">{t('ws-expert.assignments.submit')}</button>
                </form>
                <form method="post" action={localPath(lang, base)} class="stacked-form">
                  <input type="hidden" name="_csrf" value={csrf} />
                  <input type="hidden" name="kind" value="conflict" />
                  <label for={`x-${a.applicationId}`}>{t('ws-expert.assignments.conflict')}</label>
                  <textarea id={`x-${a.applicationId}`} name="statement" rows="2"></textarea>
                  <button type="submit" class="button-secondary">{t('ws-expert.assignments.recuse')}</button>
                </form>
              </div>
            ) : null}
            {a.consensus !== null ? <ConsensusLine t={t} consensus={a.consensus} /> : <p class="small muted">{t('ws-expert.assignments.consensusLater')}</p>}
          </article>
        );
      })}
    </WorkspaceFrame>
  );
}
