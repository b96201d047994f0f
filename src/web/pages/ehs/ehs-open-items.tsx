/**
 * Open and overdue items, each with the form that moves it on when the viewer keeps the
 * register (enterprise); reviewers see the same tables without forms. Forms are plain
 * HTML posts (no script needed); the server answers with the dashboard again.
 */
import type { Child, SafeHtml } from '#jsx/jsx-runtime';
import type { EhsDashboard } from '../../../store/queries/ehs/ehs-dashboard.ts';
import { formatNumber, type Translate } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/language.ts';

interface Props {
  board: EhsDashboard;
  editable: boolean;
  csrfToken: string;
  /** Form action prefix, e.g. '/workspace/ehs/7' (language prefix included). */
  base: string;
  today: string;
  lang: Lang;
  t: Translate;
}

/** One table of open items: caption, headers (plus "action" when editable) and the rows. */
function ItemTable(props: { caption: string; headers: readonly (string | { label: string; number: true })[]; editable: boolean; t: Translate; children?: Child }): SafeHtml {
  return (
    <table class="data-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.headers.map((h) => (typeof h === 'string' ? <th scope="col">{h}</th> : <th scope="col" class="number">{h.label}</th>))}
          {props.editable ? <th scope="col">{props.t('ehs.field.action')}</th> : null}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}

/** A small form in a row: the token, its fields and one button. */
function RowForm(props: { action: string; csrfToken: string; button: string; multipart?: boolean; children?: Child }): SafeHtml {
  return (
    <form method="post" action={props.action} class="row-form" enctype={props.multipart ? 'multipart/form-data' : undefined}>
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      {props.children}
      <button type="submit" class="button-secondary">{props.button}</button>
    </form>
  );
}

function Input(props: { id: string; name: string; label: string; type?: string; value?: string; max?: string; required?: boolean; accept?: string }): SafeHtml {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      {props.type === 'textarea' ? <textarea id={props.id} name={props.name} rows="2" required={props.required === true}></textarea> : <input id={props.id} name={props.name} type={props.type ?? 'text'} value={props.value} max={props.max} required={props.required === true} accept={props.accept} />}
    </>
  );
}

function Status(props: { overdue: boolean; text: string; t: Translate }): SafeHtml {
  return props.overdue ? <span class="ehs-flag ehs-flag--overdue">{props.text}</span> : <span class="ehs-flag">{props.t('ehs.status.open')}</span>;
}

function LeakRows(props: Props): SafeHtml {
  const { t, board, lang, today } = props;
  const headers = [t('ehs.field.tag'), t('ehs.field.unit'), t('ehs.field.detectedOn'), { label: t('ehs.field.valueUmolPerMol'), number: true as const }, t('ehs.field.firstAttemptDue'), t('ehs.field.repairDue'), t('ehs.field.status')];
  return (
    <ItemTable caption={t('ehs.leaks.title', { count: board.openLeaks.length })} headers={headers} editable={props.editable} t={t}>
      {board.openLeaks.map((leak) => {
        const overdue = leak.flags.repairOverdue || leak.flags.firstAttemptOverdue;
        const id = `leak-${leak.id}`;
        return (
          <tr class={overdue ? 'ehs-row-overdue' : undefined}>
            <td class="nowrap">{leak.tag}</td>
            <td class="nowrap">{leak.unit}</td>
            <td class="nowrap">{leak.detectedOn}</td>
            <td class="number">{formatNumber(lang, leak.detectedUmolPerMol)} / {formatNumber(lang, leak.thresholdUmolPerMol)}</td>
            <td>{leak.firstAttemptOn ? t('ehs.leaks.attemptedOn', { date: leak.firstAttemptOn }) : leak.firstAttemptDue}</td>
            <td class="nowrap">{leak.repairDue}</td>
            <td><Status overdue={overdue} text={leak.flags.repairOverdue ? t('ehs.status.repairOverdue') : t('ehs.status.firstAttemptOverdue')} t={t} /></td>
            {props.editable ? (
              <td class="ehs-actions">
                {leak.firstAttemptOn === null ? (
                  <RowForm action={`${props.base}/leaks/${leak.id}/attempt`} csrfToken={props.csrfToken} button={t('ehs.action.attempt')}>
                    <Input id={`${id}-attempted`} name="attemptedOn" label={t('ehs.field.attemptedOn')} type="date" value={today} max={today} required />
                    <Input id={`${id}-note`} name="note" label={t('ehs.field.note')} />
                  </RowForm>
                ) : null}
                <RowForm action={`${props.base}/leaks/${leak.id}/closure`} csrfToken={props.csrfToken} button={t('ehs.action.closeLeak')}>
                  <Input id={`${id}-remeasured`} name="remeasuredOn" label={t('ehs.field.remeasuredOn')} type="date" value={today} max={today} required />
                  <Input id={`${id}-value`} name="valueUmolPerMol" label={t('ehs.field.remeasuredValue')} required />
                </RowForm>
              </td>
            ) : null}
          </tr>
        );
      })}
    </ItemTable>
  );
}

function HazardRows(props: Props): SafeHtml {
  const { t, board, lang, today } = props;
  const headers = [t('ehs.field.foundOn'), t('ehs.field.grade'), t('ehs.field.location'), t('ehs.field.description'), t('ehs.field.plan'), t('ehs.field.status')];
  return (
    <ItemTable caption={t('ehs.hazards.title', { count: board.openHazards.length })} headers={headers} editable={props.editable} t={t}>
      {board.openHazards.map((h) => (
        <tr class={h.overdue ? 'ehs-row-overdue' : undefined}>
          <td class="nowrap">{h.foundOn}</td>
          <td>{t(`ehs.hazardGrade.${h.grade}`)}{h.criterionId ? <span class="muted"> ({h.criterionId})</span> : null}</td>
          <td>{h.location}</td>
          <td>{h.description}</td>
          <td>{t('ehs.hazards.plan', { owner: h.owner, deadline: h.deadline, funds: formatNumber(lang, h.fundsYuan) })}</td>
          <td><Status overdue={h.overdue} text={t('ehs.status.overdue')} t={t} /></td>
          {props.editable ? (
            <td class="ehs-actions">
              <RowForm action={`${props.base}/hazards/${h.id}/closure`} csrfToken={props.csrfToken} button={t('ehs.action.closeHazard')} multipart>
                <Input id={`hazard-${h.id}-closed`} name="closedOn" label={t('ehs.field.closedOn')} type="date" value={today} max={today} required />
                <Input id={`hazard-${h.id}-evidence`} name="evidence" label={t('ehs.field.evidence')} type="file" accept="application/pdf,image/png,image/jpeg" required />
                <Input id={`hazard-${h.id}-note`} name="note" label={t('ehs.field.note')} />
              </RowForm>
            </td>
          ) : null}
        </tr>
      ))}
    </ItemTable>
  );
}

function ViolationRows(props: Props): SafeHtml {
  const { t, board, lang, today } = props;
  const headers = [t('ehs.field.decidedOn'), t('ehs.field.authorityName'), t('ehs.field.description'), { label: t('ehs.field.penaltyYuan'), number: true as const }, t('ehs.field.correctiveAction')];
  return (
    <ItemTable caption={t('ehs.violations.title', { count: board.openViolations.length })} headers={headers} editable={props.editable} t={t}>
      {board.openViolations.map((v) => (
        <tr class={v.overdue ? 'ehs-row-overdue' : undefined}>
          <td class="nowrap">{v.decidedOn}</td>
          <td>{v.authorityName} {v.decisionNumber}</td>
          <td>{v.description}</td>
          <td class="number">{formatNumber(lang, v.penaltyYuan)}</td>
          <td>{v.correctiveAction}{v.correctiveDeadline ? ` (${v.correctiveDeadline})` : ''}</td>
          {props.editable ? (
            <td class="ehs-actions">
              <RowForm action={`${props.base}/violations/${v.id}/correction`} csrfToken={props.csrfToken} button={t('ehs.action.correct')}>
                <Input id={`violation-${v.id}-corrected`} name="correctedOn" label={t('ehs.field.correctedOn')} type="date" value={today} max={today} required />
              </RowForm>
            </td>
          ) : null}
        </tr>
      ))}
    </ItemTable>
  );
}

function ExceedanceRows(props: Props): SafeHtml {
  const { t, board, lang } = props;
  const headers = [t('ehs.field.sampledOn'), t('ehs.field.outlet'), t('ehs.field.pollutant'), { label: t('ehs.field.valueAndLimit'), number: true as const }];
  const bounds = (min: number | null, max: number | null) => `${min === null ? '' : `${formatNumber(lang, min, 2)}–`}${max === null ? '' : formatNumber(lang, max, 2)}`;
  return (
    <ItemTable caption={t('ehs.exceedances.title', { count: board.unexplainedExceedances.length })} headers={headers} editable={props.editable} t={t}>
      {board.unexplainedExceedances.map((e) => (
        <tr>
          <td class="nowrap">{e.sampledOn}</td>
          <td>{e.outletCode} {e.outletName}</td>
          <td>{e.pollutantName}</td>
          <td class="number">{formatNumber(lang, e.value, 2)} / {bounds(e.limitMin, e.limitMax)} {e.unit}</td>
          {props.editable ? (
            <td class="ehs-actions">
              <RowForm action={`${props.base}/monitoring-results/${e.id}/explanation`} csrfToken={props.csrfToken} button={t('ehs.action.explain')}>
                <Input id={`result-${e.id}-explanation`} name="explanation" label={t('ehs.field.explanation')} type="textarea" required />
              </RowForm>
            </td>
          ) : null}
        </tr>
      ))}
    </ItemTable>
  );
}

export function OpenItems(props: Props): SafeHtml {
  const { board, t } = props;
  const nothing = board.openLeaks.length + board.openHazards.length + board.openViolations.length + board.unexplainedExceedances.length === 0;
  return (
    <section aria-labelledby="open-heading">
      <h2 id="open-heading">{t('ehs.open.title')}</h2>
      {nothing ? <p>{t('ehs.open.none')}</p> : null}
      <div class="table-scroll">
        {board.openLeaks.length > 0 ? <LeakRows {...props} /> : null}
        {board.openHazards.length > 0 ? <HazardRows {...props} /> : null}
        {board.openViolations.length > 0 ? <ViolationRows {...props} /> : null}
        {board.unexplainedExceedances.length > 0 ? <ExceedanceRows {...props} /> : null}
      </div>
    </section>
  );
}
