/** `/open-data`: every stable download and feed URL, with the licence they are published under. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { BatchSummary } from '../../../store/queries/public-lists.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { translator } from '../../i18n/catalogue.ts';
import { localPath } from '../../i18n/language.ts';
import { DownloadLinks } from '../lists/download-links.tsx';
import { formatDate, nameIn } from '../shared/labels.ts';

export function OpenDataPage(props: { page: PageContext; batches: BatchSummary[]; licence: string; licenceIsDefault: boolean; publicUrl: string }): SafeHtml {
  const { page } = props;
  const { lang } = page;
  const t = translator(lang);
  const url = (path: string) => `${props.publicUrl}${path}`;
  return (
    <Layout page={page} title={t('openData.title')} description={t('openData.intro')}>
      <h1>{t('openData.title')}</h1>
      <p class="lead">{t('openData.intro')}</p>
      <section aria-labelledby="licence-heading" class="callout">
        <h2 id="licence-heading">{t('openData.licenceTitle')}</h2>
        <p>{t('openData.licenceText', { licence: props.licence })}</p>
        <p class="muted">{props.licenceIsDefault ? t('openData.licenceDefault') : t('openData.licenceConfigured')}</p>
      </section>

      <section aria-labelledby="current-heading">
        <h2 id="current-heading">{t('openData.current')}</h2>
        <p>{t('openData.currentText')}</p>
        <ul class="url-list">
          {(['csv', 'json', 'xlsx'] as const).map((format) => <li><a href={`/open-data/current.${format}`} download><code>{url(`/open-data/current.${format}`)}</code></a></li>)}
        </ul>
      </section>

      <section aria-labelledby="batches-heading">
        <h2 id="batches-heading">{t('openData.batches')}</h2>
        <p>{t('openData.batchesText')}</p>
        {props.batches.length === 0 ? (
          <p class="muted">{t('lists.noBatches')}</p>
        ) : (
          <div class="table-scroll">
            <table class="data-table">
              <caption class="visually-hidden">{t('openData.batches')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('lists.column.batch')}</th>
                  <th scope="col">{t('lists.column.publishedOn')}</th>
                  <th scope="col">{t('openData.entries')}</th>
                  <th scope="col">{t('openData.diff')}</th>
                </tr>
              </thead>
              <tbody>
                {props.batches.map((b) => (
                  <tr>
                    <td><a href={localPath(lang, `/lists/${b.slug}`)}>{nameIn(lang, b.nameZh, b.nameEn)}</a><span class="hint"><code>/open-data/batches/{b.slug}</code></span></td>
                    <td>{formatDate(lang, b.publishedOn)}</td>
                    <td><DownloadLinks t={t} base={`/open-data/batches/${b.slug}`} label={nameIn(lang, b.nameZh, b.nameEn)} /></td>
                    <td><DownloadLinks t={t} base={`/open-data/batches/${b.slug}/diff`} label={t('openData.diffOf', { batch: nameIn(lang, b.nameZh, b.nameEn) })} formats={['csv', 'json']} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">{t('openData.feeds')}</h2>
        <p>{t('openData.feedsText')}</p>
        <ul class="url-list">
          <li><code>{url('/feed.xml')}</code> — RSS 2.0</li>
          <li><code>{url('/atom.xml')}</code> — Atom 1.0</li>
          <li><code>{url('/feed.json')}</code> — JSON Feed 1.1</li>
          <li><code>{url('/feed.xml?province=360000&programme=green_factory')}</code> — {t('openData.feedFiltered')}</li>
          <li><code>{url('/en/feed.xml')}</code> — {t('openData.feedEnglish')}</li>
          <li><code>{url('/sitemap.xml')}</code> — {t('openData.sitemap')}</li>
        </ul>
      </section>

      <section aria-labelledby="api-heading">
        <h2 id="api-heading">{t('openData.api')}</h2>
        <p>{t('openData.apiText')} <a href="/docs">{t('openData.apiDocs')}</a></p>
        <ul class="url-list">
          {['/api/v1/lists', '/api/v1/batches', '/api/v1/batches/{slug}', '/api/v1/enterprises?q=', '/api/v1/enterprises/{id}', '/api/v1/notices', '/api/v1/notices/{id}', '/api/v1/news', '/openapi.json'].map((path) => <li><code>{url(path)}</code></li>)}
        </ul>
      </section>
      <p class="muted">{t('openData.formats')}</p>
    </Layout>
  );
}
