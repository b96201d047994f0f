/** `/login`: e-mail and password; errors said plainly; works without JavaScript. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { Layout, type PageContext } from '../components/layout.tsx';
import { translator } from '../i18n/catalogue.ts';
import { localPath } from '../i18n/language.ts';

export function LoginPage(props: { page: PageContext; csrfToken: string; next: string; email?: string; error?: string; demoLogins: boolean }): SafeHtml {
  const { page } = props;
  const t = translator(page.lang);
  return (
    <Layout page={page} title={t('session.title')}>
      <section class="narrow">
        <h1>{t('session.title')}</h1>
        {props.error ? (
          <p class="form-error" role="alert">
            {props.error}
          </p>
        ) : null}
        <form method="post" action={localPath(page.lang, '/login')} class="stacked-form">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <input type="hidden" name="next" value={props.next} />
          <label for="login-email">{t('session.email')}</label>
          <input id="login-email" name="email" type="text" autocomplete="username" required value={props.email ?? ''} />
          <label for="login-password">{t('session.password')}</label>
          <input id="login-password" name="password" type="password" autocomplete="current-password" required />
          <button type="submit" class="button-primary">{t('session.submit')}</button>
        </form>
        <p class="muted">{t('session.lockoutHelp')}</p>
        {props.demoLogins ? <p class="muted">{t('session.demoHelp')}</p> : null}
      </section>
    </Layout>
  );
}
