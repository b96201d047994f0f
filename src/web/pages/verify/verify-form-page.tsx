/** `/verify`: enter a certificate number; how to verify offline. Works without JavaScript. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { translator } from '../../i18n/catalogue.ts';
import { localPath } from '../../i18n/language.ts';

export function VerifyNumberForm(props: { page: PageContext; number?: string }): SafeHtml {
  const t = translator(props.page.lang);
  return (
    <form method="get" action={localPath(props.page.lang, '/verify')} class="stacked-form verify-form" role="search">
      <label for="certificate-number">{t('verify.numberLabel')}</label>
      <input id="certificate-number" name="number" type="text" required maxlength="40" autocomplete="off" spellcheck="false" value={props.number ?? ''} aria-describedby="certificate-number-hint" />
      <span id="certificate-number-hint" class="muted">{t('verify.numberHint')}</span>
      <button type="submit" class="button-primary">{t('verify.submit')}</button>
    </form>
  );
}

export function VerifyFormPage(props: { page: PageContext }): SafeHtml {
  const { page } = props;
  const t = translator(page.lang);
  return (
    <Layout page={page} title={t('verify.title')} description={t('verify.intro')}>
      <section class="narrow-wide">
        <h1>{t('verify.title')}</h1>
        <p class="lead">{t('verify.intro')}</p>
        <VerifyNumberForm page={page} />
        <h2>{t('verify.offlineHeading')}</h2>
        <p>{t('verify.offlineText')}</p>
        <pre class="command-line"><code>npx greenlist verify-certificate certificate.pdf --keys greenlist-keys.json</code></pre>
        <p><a href="/.well-known/greenlist-keys.json">{t('verify.keysLink')}</a></p>
      </section>
    </Layout>
  );
}
