/** The one page layout: landmarks, language switch, navigation, demo notice, footer. */
import { raw, type Child, type SafeHtml } from '#jsx/jsx-runtime';
import { translator } from '../i18n/catalogue.ts';
import { localPath, type Lang } from '../i18n/language.ts';

export interface PageContext {
  lang: Lang;
  /** Path of the current page without the /en prefix and without ?lang, e.g. '/lists?page=2'. */
  path: string;
  /** True when the database holds the demo data set: every page then says so. */
  demo: boolean;
  /** Signed-in user's display name, if any. */
  userName?: string | undefined;
  /** The session's CSRF token, for the sign-out form and workspace forms. */
  csrfToken?: string | undefined;
}

const NAV: readonly { href: string; key: string }[] = [
  { href: '/', key: 'common.nav.home' },
  { href: '/lists', key: 'common.nav.lists' },
  { href: '/notices', key: 'common.nav.notices' },
  { href: '/news', key: 'common.nav.news' },
  { href: '/verify', key: 'common.nav.verify' },
  { href: '/frameworks', key: 'common.nav.frameworks' },
  { href: '/open-data', key: 'common.nav.openData' },
];

function isCurrent(path: string, href: string): boolean {
  const bare = path.split('?')[0]!;
  return href === '/' ? bare === '/' : bare === href || bare.startsWith(href + '/');
}

export function Layout(props: { page: PageContext; title: string; description?: string; children?: Child; head?: SafeHtml }): SafeHtml {
  const { page } = props;
  const t = translator(page.lang);
  const other: Lang = page.lang === 'en' ? 'zh-CN' : 'en';
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={page.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{props.title === t('common.siteName') ? props.title : `${props.title} · ${t('common.siteName')}`}</title>
          {props.description ? <meta name="description" content={props.description} /> : null}
          <link rel="stylesheet" href="/assets/site.css" />
          <link rel="alternate" type="application/rss+xml" title={t('common.footer.rss')} href="/feed.xml" />
          <link rel="alternate" hreflang={other} href={localPath(other, page.path)} />
          {/* htmx would inject its indicator <style>, which the CSP forbids; the stylesheet has those rules. */}
          <meta name="htmx-config" content='{"includeIndicatorStyles":false}' />
          <script src="/assets/htmx.min.js" defer></script>
          {props.head}
        </head>
        <body>
          <a class="skip-link" href="#main">{t('common.skipToContent')}</a>
          <header class="site-header">
            <div class="wrap header-row">
              <a class="brand" href={localPath(page.lang, '/')}>
                <span class="brand-mark" aria-hidden="true">绿</span>
                <span>
                  <span class="brand-name">{t('common.siteName')}</span>
                  <span class="brand-tagline">{t('common.siteTagline')}</span>
                </span>
              </a>
              <div class="header-tools">
                <form class="header-search" action={localPath(page.lang, '/search')} method="get" role="search">
                  <label class="visually-hidden" for="site-search">{t('common.nav.search')}</label>
                  <input id="site-search" name="q" type="search" placeholder={t('common.nav.search')} />
                </form>
                <a class="lang-switch" href={localPath(other, page.path)} lang={other} hreflang={other} aria-label={t('common.switchLanguageLabel')}>
                  {t('common.switchLanguage')}
                </a>
                <a class="login-link" href={localPath(page.lang, page.userName ? '/workspace' : '/login')}>
                  {page.userName ?? t('common.nav.login')}
                </a>
                {page.userName && page.csrfToken ? (
                  <form class="logout-form" method="post" action={localPath(page.lang, '/logout')}>
                    <input type="hidden" name="_csrf" value={page.csrfToken} />
                    <button type="submit" class="link-button">{t('common.nav.logout')}</button>
                  </form>
                ) : null}
              </div>
            </div>
            <nav class="site-nav" aria-label={t('common.nav.label')}>
              <ul class="wrap">
                {NAV.map((item) => (
                  <li>
                    <a href={localPath(page.lang, item.href)} aria-current={isCurrent(page.path, item.href) ? 'page' : undefined}>
                      {t(item.key)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </header>
          {page.demo ? (
            <p class="demo-banner" role="note">
              {t('common.demoBanner')}
            </p>
          ) : null}
          <main id="main" class="wrap" tabindex="-1">
            {props.children}
          </main>
          <footer class="site-footer">
            <div class="wrap">
              <p>{t('common.footer.about')}</p>
              <ul class="footer-links">
                <li><a href={localPath(page.lang, '/legal')}>{t('common.footer.legal')}</a></li>
                <li><a href={localPath(page.lang, '/links')}>{t('common.footer.links')}</a></li>
                <li><a href={localPath(page.lang, '/contact')}>{t('common.footer.contact')}</a></li>
                <li><a href="/sitemap.xml">{t('common.footer.sitemap')}</a></li>
                <li><a href="/feed.xml">{t('common.footer.rss')}</a></li>
                <li><a href="/docs">{t('common.footer.api')}</a></li>
              </ul>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
