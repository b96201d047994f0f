/** `/contact`: a contact or media-inquiry form (stored for the administrators), and its acknowledgement. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { translator } from '../../i18n/catalogue.ts';
import { localPath } from '../../i18n/language.ts';
import { ErrorSummary, fieldError, type FieldErrors } from '../shared/form-errors.tsx';

export interface ContactFormValues {
  kind?: string;
  fullName?: string;
  email?: string;
  organisation?: string;
  subject?: string;
  body?: string;
}

export function ContactPage(props: { page: PageContext; values: ContactFormValues; errors: FieldErrors; csrfToken: string }): SafeHtml {
  const { page, values, errors } = props;
  const { lang } = page;
  const t = translator(lang);
  const kind = values.kind ?? 'contact';
  const invalid = (name: string) => (errors[name] ? 'true' : undefined);
  const described = (name: string) => (errors[name] ? `${name}-error` : undefined);
  const field = (name: string) => `field${errors[name] ? ' has-error' : ''}`;
  return (
    <Layout page={page} title={t('contact.title')} description={t('contact.intro')}>
      <h1>{t('contact.title')}</h1>
      <p class="lead">{t('contact.intro')}</p>
      <ErrorSummary t={t} errors={errors} />
      <form class="stacked-form public-form" method="post" action={localPath(lang, '/contact')} novalidate>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <fieldset class={field('kind')}>
          <legend>{t('contact.kind')}</legend>
          {fieldError('kind', errors)}
          <label class="choice"><input type="radio" name="kind" value="contact" checked={kind === 'contact'} /> {t('contact.kindContact')}</label>
          <label class="choice"><input type="radio" name="kind" value="media" checked={kind === 'media'} /> {t('contact.kindMedia')}</label>
        </fieldset>
        <div class={field('fullName')}>
          <label for="fullName">{t('contact.fullName')}</label>
          {fieldError('fullName', errors)}
          <input id="fullName" name="fullName" type="text" autocomplete="name" required maxlength="80" value={values.fullName ?? ''} aria-invalid={invalid('fullName')} aria-describedby={described('fullName')} />
        </div>
        <div class={field('email')}>
          <label for="email">{t('contact.email')}</label>
          {fieldError('email', errors)}
          <input id="email" name="email" type="email" autocomplete="email" required maxlength="200" value={values.email ?? ''} aria-invalid={invalid('email')} aria-describedby={described('email')} />
        </div>
        <div class={field('organisation')}>
          <label for="organisation">{t('contact.organisation')}</label>
          {fieldError('organisation', errors)}
          <input id="organisation" name="organisation" type="text" autocomplete="organization" maxlength="200" value={values.organisation ?? ''} aria-invalid={invalid('organisation')} aria-describedby={described('organisation')} />
        </div>
        <div class={field('subject')}>
          <label for="subject">{t('contact.subject')}</label>
          {fieldError('subject', errors)}
          <input id="subject" name="subject" type="text" required maxlength="200" value={values.subject ?? ''} aria-invalid={invalid('subject')} aria-describedby={described('subject')} />
        </div>
        <div class={field('body')}>
          <label for="body">{t('contact.body')}</label>
          {fieldError('body', errors)}
          <textarea id="body" name="body" rows="8" required maxlength="5000" aria-invalid={invalid('body')} aria-describedby={described('body')}>{values.body ?? ''}</textarea>
        </div>
        <p class="hint">{t('contact.privacy')}</p>
        <div class="form-actions"><button type="submit">{t('contact.submit')}</button></div>
      </form>
    </Layout>
  );
}

export function ContactSentPage(props: { page: PageContext; reference: string; kind: string }): SafeHtml {
  const { page } = props;
  const t = translator(page.lang);
  return (
    <Layout page={page} title={t('contact.sent.title')}>
      <div class="confirmation" role="status">
        <h1>{t('contact.sent.title')}</h1>
        <p>{t(props.kind === 'media' ? 'contact.sent.media' : 'contact.sent.contact')}</p>
        <p>{t('contact.sent.referenceIs')}</p>
        <p class="case-number"><strong id="reference">{props.reference}</strong></p>
        <p class="muted">{t('contact.sent.keep')}</p>
      </div>
      <p><a href={localPath(page.lang, '/')}>{t('common.error.back')}</a></p>
    </Layout>
  );
}
