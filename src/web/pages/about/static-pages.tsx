/** `/legal` and `/links`: fixed text from the catalogues. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { translator } from '../../i18n/catalogue.ts';

const LEGAL_SECTIONS = ['operator', 'data', 'demo', 'privacy', 'objections', 'liability', 'licence'] as const;

export function LegalPage(props: { page: PageContext; licence: string }): SafeHtml {
  const t = translator(props.page.lang);
  return (
    <Layout page={props.page} title={t('legal.title')}>
      <h1>{t('legal.title')}</h1>
      {LEGAL_SECTIONS.map((section) => (
        <section aria-labelledby={`legal-${section}`}>
          <h2 id={`legal-${section}`}>{t(`legal.${section}.title`)}</h2>
          <p>{t(`legal.${section}.text`, { licence: props.licence })}</p>
        </section>
      ))}
    </Layout>
  );
}

/** Official sources the programme rests on (domain.md §6) and the standards it applies. */
export const OFFICIAL_LINKS: readonly { key: string; url: string }[] = [
  { key: 'miit', url: 'https://www.miit.gov.cn/' },
  { key: 'greenPlatform', url: 'https://green.miit.gov.cn/' },
  { key: 'gmpsp', url: 'https://www.gmpsp.org.cn/' },
  { key: 'standards', url: 'https://openstd.samr.gov.cn/' },
  { key: 'jiangxi', url: 'http://gxt.jiangxi.gov.cn/' },
  { key: 'hubei', url: 'https://jxt.hubei.gov.cn/' },
];

export function LinksPage(props: { page: PageContext }): SafeHtml {
  const t = translator(props.page.lang);
  return (
    <Layout page={props.page} title={t('links.title')}>
      <h1>{t('links.title')}</h1>
      <p class="lead">{t('links.intro')}</p>
      <ul class="link-list">
        {OFFICIAL_LINKS.map((link) => (
          <li>
            <a href={link.url} rel="external noopener">{t(`links.${link.key}.name`)}</a>
            <span class="hint">{t(`links.${link.key}.about`)}</span>
          </li>
        ))}
      </ul>
      <p class="muted">{t('links.note')}</p>
    </Layout>
  );
}
