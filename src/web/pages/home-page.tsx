/** `/`: open notices, the programme in figures with charts, the latest batches and news. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { ProgrammeFigures } from '../../store/queries/programme-figures.ts';
import type { NoticeSummary } from '../../store/queries/public-notices.ts';
import type { NewsSummary } from '../../store/queries/public-news.ts';
import type { CountRow } from '../../store/queries/site-figures.ts';
import { barChart } from '../../output/charts/bar-chart.ts';
import { Layout, type PageContext } from '../components/layout.tsx';
import { formatNumber, translator, type Translate } from '../i18n/catalogue.ts';
import { localPath, type Lang } from '../i18n/language.ts';
import { ChartFigure } from './shared/chart-figure.tsx';
import { formatDate, industryLabel, nameIn, provinceLabel } from './shared/labels.ts';
import { NoticeCards } from './notices/notice-cards.tsx';

export interface HomeData {
  figures: ProgrammeFigures;
  openNotices: NoticeSummary[];
  news: NewsSummary[];
  perProvince: CountRow[];
  perIndustry: CountRow[];
  today: string;
}

const LATEST_BATCHES = 6;
const TOP_INDUSTRIES = 10;

function Charts(props: { lang: Lang; t: Translate; data: HomeData }): SafeHtml {
  const { lang, t, data } = props;
  const batches = [...data.figures.batches].reverse();
  const batchNames = batches.map((b) => nameIn(lang, b.nameZh, b.nameEn));
  const provinces = data.perProvince;
  const industries = data.perIndustry.slice(0, TOP_INDUSTRIES);
  const countHeader = t('home.chart.listedColumn');
  return (
    <div class="chart-grid">
      <ChartFigure
        t={t}
        svg={barChart({ id: 'chart-batches', title: t('home.chart.perBatch'), description: t('home.chart.perBatchDescription'), categories: batchNames, values: batches.map((b) => b.listed), horizontal: true, width: 760 })}
        caption={t('home.chart.perBatch')}
        headers={[t('home.column.batch'), countHeader]}
        rows={batches.map((b, i) => [batchNames[i]!, formatNumber(lang, b.listed)])}
      />
      <ChartFigure
        t={t}
        svg={barChart({ id: 'chart-provinces', title: t('home.chart.perProvince'), description: t('home.chart.perProvinceDescription'), categories: provinces.map((p) => provinceLabel(lang, p.code)), values: provinces.map((p) => p.count), horizontal: true, width: 760 })}
        caption={t('home.chart.perProvince')}
        headers={[t('home.chart.provinceColumn'), countHeader]}
        rows={provinces.map((p) => [provinceLabel(lang, p.code), formatNumber(lang, p.count)])}
      />
      <ChartFigure
        t={t}
        svg={barChart({ id: 'chart-industries', title: t('home.chart.perIndustry', { count: industries.length }), description: t('home.chart.perIndustryDescription'), categories: industries.map((i) => industryLabel(lang, i.code)), values: industries.map((i) => i.count), horizontal: true, width: 760 })}
        caption={t('home.chart.perIndustry', { count: industries.length })}
        headers={[t('home.chart.industryColumn'), countHeader]}
        rows={industries.map((i) => [industryLabel(lang, i.code), formatNumber(lang, i.count)])}
      />
      <p class="muted small">{t('home.chart.mapNote')}</p>
    </div>
  );
}

export function HomePage(props: { page: PageContext; data: HomeData }): SafeHtml {
  const { page, data } = props;
  const { figures } = data;
  const lang = page.lang;
  const t = translator(lang);
  const tiers = ['national', 'province', 'city'] as const;
  const link = (path: string) => localPath(lang, path);
  return (
    <Layout page={page} title={t('common.siteName')} description={t('home.intro')}>
      <section class="hero">
        <h1>{t('home.title')}</h1>
        <p class="lead">{t('home.intro')}</p>
        <form class="hero-search" action={link('/search')} method="get" role="search">
          <label for="home-search">{t('home.searchLabel')}</label>
          <div class="search-row">
            <input id="home-search" name="q" type="search" placeholder={t('home.searchPlaceholder')} />
            <button type="submit">{t('site.search.submit')}</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="notices-heading">
        <h2 id="notices-heading">{t('home.openNotices')}</h2>
        {data.openNotices.length === 0 ? <p class="muted">{t('home.noOpenNotices')}</p> : <NoticeCards lang={lang} t={t} notices={data.openNotices} today={data.today} />}
      </section>

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t('home.figures')}</h2>
        <ul class="stat-grid">
          <li class="stat">
            <span class="stat-value">{formatNumber(lang, figures.enterprises)}</span>
            <span class="stat-label">{t('home.enterprises')}</span>
          </li>
          {tiers.map((tier) => (
            <li class="stat">
              <span class="stat-value">{formatNumber(lang, figures.listedByTier[tier] ?? 0)}</span>
              <span class="stat-label">{t(`home.listed.${tier}`)}</span>
            </li>
          ))}
        </ul>
        {figures.batches.length === 0 ? null : <Charts lang={lang} t={t} data={data} />}
      </section>

      <section aria-labelledby="batches-heading">
        <h2 id="batches-heading">{t('home.batches')}</h2>
        {figures.batches.length === 0 ? (
          <p class="muted">{t('home.noBatches')}</p>
        ) : (
          <>
            <div class="table-scroll">
              <table class="data-table">
                <caption class="visually-hidden">{t('home.batches')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('home.column.batch')}</th>
                    <th scope="col">{t('home.column.programme')}</th>
                    <th scope="col">{t('home.column.tier')}</th>
                    <th scope="col">{t('home.column.authority')}</th>
                    <th scope="col">{t('home.column.published')}</th>
                    <th scope="col" class="number">{t('home.column.listed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {figures.batches.slice(0, LATEST_BATCHES).map((b) => (
                    <tr>
                      <td><a href={link(`/lists/${b.slug}`)}>{nameIn(lang, b.nameZh, b.nameEn)}</a></td>
                      <td>{nameIn(lang, b.programmeNameZh, b.programmeNameEn)}</td>
                      <td>{t(`home.tier.${b.tier}`)}</td>
                      <td>{nameIn(lang, b.authorityNameZh, b.authorityNameEn)}</td>
                      <td>{formatDate(lang, b.publishedOn)}</td>
                      <td class="number">{formatNumber(lang, b.listed)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p><a href={link('/lists')}>{t('home.allLists')}</a> · <a href={link('/open-data')}>{t('home.openData')}</a></p>
          </>
        )}
      </section>

      <section aria-labelledby="news-heading">
        <h2 id="news-heading">{t('home.latestNews')}</h2>
        {data.news.length === 0 ? (
          <p class="muted">{t('home.noNews')}</p>
        ) : (
          <ul class="news-list">
            {data.news.map((n) => (
              <li>
                <a href={link(`/news/${n.slug}`)}>{n.title}</a>
                <span class="muted"> · <time datetime={n.publishedAt}>{formatDate(lang, n.publishedAt)}</time></span>
                <p>{n.summary}</p>
              </li>
            ))}
          </ul>
        )}
        <p><a href={link('/news')}>{t('home.allNews')}</a> · <a href={lang === 'en' ? '/en/feed.xml' : '/feed.xml'}>{t('home.rss')}</a></p>
      </section>
    </Layout>
  );
}
