/**
 * The actions this reader may take on the application now (read-application.ts: the
 * transition table's actions out of its state that the policy allows), each as its own
 * small form: a button, a reason where the table asks for one, the evaluator to engage.
 * Actions taken for a group of applications (panel, notice, publication) link to where
 * they are taken.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { ApplicationAction } from '../../../../domain/applications/transition-table.ts';
import type { ApplicationDossier } from '../../../../commands/applications/read-application-dossier.ts';
import type { Translate } from '../../../i18n/catalogue.ts';
import { localPath, type Lang } from '../../../i18n/language.ts';
import { nameIn } from '../../shared/labels.ts';

const NEEDS_REASON: readonly ApplicationAction[] = ['return', 'reject'];
const MAY_NOTE: readonly ApplicationAction[] = ['forward', 'recommend', 'release-evaluation', 'withdraw', 'send-to-city'];
const PLAIN: readonly ApplicationAction[] = ['submit', 'resubmit', ...NEEDS_REASON, ...MAY_NOTE];

function elsewhere(action: ApplicationAction, dossier: ApplicationDossier): string | undefined {
  const id = dossier.application.id;
  switch (action) {
    case 'assign-panel': return `/workspace/panels?application=${id}`;
    case 'place-on-notice': return `/workspace/notices?application=${id}`;
    case 'uphold-objection':
    case 'clear-objections': return '/workspace/notices';
    case 'publish': return dossier.batch === null ? '/workspace/batches' : `/workspace/batches/${dossier.batch.id}`;
    case 'sign-evaluation': {
      const live = dossier.evaluations.engagements.find((e) => e.state === 'accepted' || e.state === 'requested');
      return live === undefined ? '/workspace/engagements' : `/workspace/engagements/${live.evaluationId}`;
    }
    default: return undefined;
  }
}

export function ApplicationActions(props: { lang: Lang; t: Translate; dossier: ApplicationDossier; csrf: string; evaluatorOrgs: readonly { id: number; name_zh: string; name_en: string }[] }): SafeHtml {
  const { lang, t, dossier } = props;
  const actions = dossier.availableActions;
  if (actions.length === 0) return <p class="muted">{t('ws-application.actions.none')}</p>;
  const base = `/workspace/applications/${dossier.application.id}/actions`;
  return (
    <div class="action-forms">
      {actions.map((action) => {
        const link = elsewhere(action, dossier);
        if (link !== undefined) return <p class="action-link"><a class="button-link" href={localPath(lang, link)}>{t(`ws-application.action.${action}`)}</a> <span class="small muted">{t(`ws-application.actionHint.${action}`)}</span></p>;
        if (action === 'engage-evaluator') {
          return (
            <form method="post" action={localPath(lang, `${base}/${action}`)} class="action-form">
              <input type="hidden" name="_csrf" value={props.csrf} />
              <label for="engage-org">{t('ws-application.actions.evaluator')}</label>
              <select id="engage-org" name="evaluatorOrgId">{props.evaluatorOrgs.map((o) => <option value={String(o.id)}>{nameIn(lang, o.name_zh, o.name_en)}</option>)}</select>
              <button type="submit" class="button-secondary">{t(`ws-application.action.${action}`)}</button>
            </form>
          );
        }
        if (!PLAIN.includes(action)) return null;
        const reasonId = `reason-${action}`;
        return (
          <form method="post" action={localPath(lang, `${base}/${action}`)} class={`action-form action-${action}`}>
            <input type="hidden" name="_csrf" value={props.csrf} />
            {NEEDS_REASON.includes(action) || MAY_NOTE.includes(action) ? (
              <>
                <label for={reasonId}>{t(NEEDS_REASON.includes(action) ? 'ws-application.actions.reason' : 'ws-application.actions.note')}</label>
                <textarea id={reasonId} name="reason" rows="2" required={NEEDS_REASON.includes(action)}></textarea>
              </>
            ) : null}
            <button type="submit" class={NEEDS_REASON.includes(action) || action === 'withdraw' ? 'button-secondary danger' : 'button-primary'}>{t(`ws-application.action.${action}`)}</button>
          </form>
        );
      })}
    </div>
  );
}
