/** `/news/{slug}`: one press release — title, author, date, its enterprise, the body's paragraphs. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { NewsItem } from '../../../store/queries/public-news.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { translator } from '../../i18n/catalogue.ts';
import { localPath } from '../../i18n/language.ts';
import { formatDate, nameIn, programmeLabel, provinceLabel } from '../shared/labels.ts';

/** Plain paragraphs separated by blank lines (news_items.body). */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export function NewsItemPage(props: { page: PageContext; item: NewsItem; translation: { slug: string; lang: string } | undefined }): SafeHtml {
  const { page, item } = props;
  const { lang } = page;
  const t = translator(lang);
  return (
    <Layout page={page} title={item.title} description={item.summary}>
      <nav class="breadcrumbs" aria-label={t('site.breadcrumbs')}>
        <a href={localPath(lang, '/news')}>{t('news.title')}</a> <span aria-hidden="true">›</span> <span aria-current="page">{item.title}</span>
      </nav>
      <article class="news-article" lang={item.lang}>
        <h1>{item.title}</h1>
        <p class="byline" lang={lang}>
          {t('news.byline', { author: item.author })} · <time datetime={item.publishedAt}>{formatDate(lang, item.publishedAt)}</time>
          {item.isDemo ? <> · <span class="tag">{t('news.demo')}</span></> : null}
        </p>
        <p class="summary">{item.summary}</p>
        {paragraphsOf(item.body).map((p) => <p>{p}</p>)}
      </article>
      <dl class="facts" lang={lang}>
        {item.enterpriseId !== null ? <div><dt>{t('news.enterprise')}</dt><dd><a href={localPath(lang, `/enterprises/${item.enterpriseId}`)}>{nameIn(lang, item.enterpriseNameZh ?? '', item.enterpriseNameEn)}</a></dd></div> : null}
        {item.provinceCode ? <div><dt>{t('news.province')}</dt><dd>{provinceLabel(lang, item.provinceCode)}</dd></div> : null}
        {item.programmeCode ? <div><dt>{t('news.programme')}</dt><dd>{programmeLabel(lang, item.programmeCode)}</dd></div> : null}
      </dl>
      {props.translation === undefined ? null : (
        <p><a href={localPath(props.translation.lang === 'en' ? 'en' : 'zh-CN', `/news/${props.translation.slug}`)} hreflang={props.translation.lang} lang={props.translation.lang}>{t(props.translation.lang === 'en' ? 'news.readInEnglish' : 'news.readInChinese')}</a></p>
      )}
    </Layout>
  );
}
