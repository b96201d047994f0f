/** `/news`: press releases in the page's language, newest first, with the feeds to follow them. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { NewsSummary } from '../../../store/queries/public-news.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { translator } from '../../i18n/catalogue.ts';
import { localPath } from '../../i18n/language.ts';
import { queryString } from '../../routes/list-query.ts';
import { Pagination } from '../shared/pagination.tsx';
import { formatDate, provinceLabel } from '../shared/labels.ts';

export function NewsPage(props: { page: PageContext; items: NewsSummary[]; total: number; pageNumber: number; pageSize: number; filter: { province?: string | undefined; programme?: string | undefined } }): SafeHtml {
  const { page } = props;
  const { lang } = page;
  const t = translator(lang);
  const feedQuery = queryString({ province: props.filter.province, programme: props.filter.programme });
  const feed = (path: string) => (lang === 'en' ? '/en' : '') + path + feedQuery;
  return (
    <Layout page={page} title={t('news.title')} description={t('news.intro')}>
      <h1>{t('news.title')}</h1>
      <p class="lead">{t('news.intro')}</p>
      <p class="feeds">
        {t('news.follow')} <a href={feed('/feed.xml')}>RSS</a> · <a href={feed('/atom.xml')}>Atom</a> · <a href={feed('/feed.json')}>JSON Feed</a>
        {props.filter.province ? <span class="hint">{t('news.filteredProvince', { province: provinceLabel(lang, props.filter.province) })}</span> : null}
      </p>
      {props.items.length === 0 ? (
        <p class="muted">{t('news.none')}</p>
      ) : (
        <ul class="news-list long">
          {props.items.map((n) => (
            <li>
              <h2 class="news-title"><a href={localPath(lang, `/news/${n.slug}`)}>{n.title}</a></h2>
              <p class="muted">
                <time datetime={n.publishedAt}>{formatDate(lang, n.publishedAt)}</time> · {n.author}
                {n.isDemo ? <> · <span class="tag">{t('news.demo')}</span></> : null}
              </p>
              <p>{n.summary}</p>
            </li>
          ))}
        </ul>
      )}
      <Pagination t={t} page={props.pageNumber} pageCount={Math.ceil(props.total / props.pageSize)} href={(p) => localPath(lang, '/news' + queryString({ province: props.filter.province, programme: props.filter.programme, page: p === 1 ? undefined : p }))} />
    </Layout>
  );
}
