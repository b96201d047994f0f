/**
 * `/notices/{id}/object`: the real-name objection form. A plain multipart POST (works
 * without JavaScript); errors come back on the same form with a summary that links to
 * each field, and the typed values kept.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { NoticeEntryRow, NoticeSummary } from '../../../store/queries/public-notices.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { translator, type Translate } from '../../i18n/catalogue.ts';
import { localPath } from '../../i18n/language.ts';
import { formatDate, nameIn } from '../shared/labels.ts';
import { ErrorSummary, fieldError, type FieldErrors } from '../shared/form-errors.tsx';

export interface ObjectionFormValues {
  entryId?: string;
  fullName?: string;
  contact?: string;
  reason?: string;
}

export function ObjectionFormPage(props: { page: PageContext; notice: NoticeSummary; entries: NoticeEntryRow[]; values: ObjectionFormValues; errors: FieldErrors; csrfToken: string }): SafeHtml {
  const { page, notice, values, errors } = props;
  const { lang } = page;
  const t: Translate = translator(lang);
  const title = t('objection.title');
  const candidates = props.entries.filter((e) => e.status === 'candidate');
  const described = (name: string, hint?: string) => [hint, errors[name] ? `${name}-error` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <Layout page={page} title={`${title} · ${nameIn(lang, notice.titleZh, notice.titleEn)}`}>
      <nav class="breadcrumbs" aria-label={t('site.breadcrumbs')}>
        <a href={localPath(lang, '/notices')}>{t('notices.title')}</a> <span aria-hidden="true">›</span>{' '}
        <a href={localPath(lang, `/notices/${notice.id}`)}>{nameIn(lang, notice.titleZh, notice.titleEn)}</a> <span aria-hidden="true">›</span> <span aria-current="page">{title}</span>
      </nav>
      <h1>{title}</h1>
      <p class="lead">{t('objection.intro', { date: formatDate(lang, notice.closesOn) })}</p>
      <ErrorSummary t={t} errors={errors} />
      <form class="stacked-form public-form" method="post" action={localPath(lang, `/notices/${notice.id}/objections`)} enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <div class={`field${errors.entryId ? ' has-error' : ''}`}>
          <label for="entryId">{t('objection.entry')}</label>
          {fieldError('entryId', errors)}
          <select id="entryId" name="entryId" required aria-invalid={errors.entryId ? 'true' : undefined} aria-describedby={described('entryId')}>
            <option value="">{t('objection.chooseEntry')}</option>
            {candidates.map((e) => <option value={String(e.id)} selected={values.entryId === String(e.id)}>{`${e.position}. ${e.nameZh}`}</option>)}
          </select>
        </div>
        <div class={`field${errors.fullName ? ' has-error' : ''}`}>
          <label for="fullName">{t('objection.fullName')}</label>
          <span id="fullName-hint" class="hint">{t('objection.fullNameHint')}</span>
          {fieldError('fullName', errors)}
          <input id="fullName" name="fullName" type="text" autocomplete="name" required maxlength="50" value={values.fullName ?? ''} aria-invalid={errors.fullName ? 'true' : undefined} aria-describedby={described('fullName', 'fullName-hint')} />
        </div>
        <div class={`field${errors.contact ? ' has-error' : ''}`}>
          <label for="contact">{t('objection.contact')}</label>
          <span id="contact-hint" class="hint">{t('objection.contactHint')}</span>
          {fieldError('contact', errors)}
          <input id="contact" name="contact" type="text" autocomplete="email" required maxlength="100" value={values.contact ?? ''} aria-invalid={errors.contact ? 'true' : undefined} aria-describedby={described('contact', 'contact-hint')} />
        </div>
        <div class={`field${errors.reason ? ' has-error' : ''}`}>
          <label for="reason">{t('objection.reason')}</label>
          <span id="reason-hint" class="hint">{t('objection.reasonHint')}</span>
          {fieldError('reason', errors)}
          <textarea id="reason" name="reason" rows="8" required maxlength="5000" aria-invalid={errors.reason ? 'true' : undefined} aria-describedby={described('reason', 'reason-hint')}>{values.reason ?? ''}</textarea>
        </div>
        <div class={`field${errors.evidence ? ' has-error' : ''}`}>
          <label for="evidence">{t('objection.evidence')}</label>
          <span id="evidence-hint" class="hint">{t('objection.evidenceHint')}</span>
          {fieldError('evidence', errors)}
          <input id="evidence" name="evidence" type="file" accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" aria-invalid={errors.evidence ? 'true' : undefined} aria-describedby={described('evidence', 'evidence-hint')} />
        </div>
        <p class="hint">{t('objection.privacy')}</p>
        <div class="form-actions">
          <button type="submit">{t('objection.submit')}</button>
          <a href={localPath(lang, `/notices/${notice.id}`)}>{t('objection.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}
