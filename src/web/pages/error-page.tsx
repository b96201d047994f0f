/** The page shown for an error on a web route: plain words, the code, a way back. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { Layout } from '../components/layout.tsx';
import { translator } from '../i18n/catalogue.ts';
import { localPath, type Lang } from '../i18n/language.ts';

export function renderErrorPage(props: { lang: Lang; status: number; code: string; message: string }): SafeHtml {
  const t = translator(props.lang);
  return (
    <Layout page={{ lang: props.lang, path: '/', demo: false }} title={t('common.error.title')}>
      <section class="error-page">
        <h1>{t('common.error.title')}</h1>
        <p class="error-message">{props.message}</p>
        <p class="muted">{t('common.error.status', { status: props.status, code: props.code })}</p>
        <p><a href={localPath(props.lang, '/')}>{t('common.error.back')}</a></p>
      </section>
    </Layout>
  );
}
