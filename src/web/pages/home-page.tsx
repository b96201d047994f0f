/** `/`: the programme in figures, straight from the database. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { ProgrammeFigures } from '../../store/queries/programme-figures.ts';
import { Layout, type PageContext } from '../components/layout.tsx';
import { formatNumber, translator } from '../i18n/catalogue.ts';
import { localPath } from '../i18n/language.ts';

export function HomePage(props: { page: PageContext; figures: ProgrammeFigures }): SafeHtml {
  const { page, figures } = props;
  const t = translator(page.lang);
  const en = page.lang === 'en';
  const tiers = ['national', 'province', 'city'] as const;
  return (
    <Layout page={page} title={t('common.siteName')} description={t('home.intro')}>
      <section class="hero">
        <h1>{t('home.title')}</h1>
        <p class="lead">{t('home.intro')}</p>
      </section>
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t('home.figures')}</h2>
        <ul class="stat-grid">
          <li class="stat">
            <span class="stat-value">{formatNumber(page.lang, figures.enterprises)}</span>
            <span class="stat-label">{t('home.enterprises')}</span>
          </li>
          {tiers.map((tier) => (
            <li class="stat">
              <span class="stat-value">{formatNumber(page.lang, figures.listedByTier[tier] ?? 0)}</span>
              <span class="stat-label">{t(`home.listed.${tier}`)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="batches-heading">
        <h2 id="batches-heading">{t('home.batches')}</h2>
        {figures.batches.length === 0 ? (
          <p class="muted">{t('home.noBatches')}</p>
        ) : (
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
              {figures.batches.map((b) => (
                <tr>
                  <td><a href={localPath(page.lang, `/lists/${b.slug}`)}>{en ? b.nameEn : b.nameZh}</a></td>
                  <td>{en ? b.programmeNameEn : b.programmeNameZh}</td>
                  <td>{t(`home.tier.${b.tier}`)}</td>
                  <td>{en ? b.authorityNameEn : b.authorityNameZh}</td>
                  <td>{b.publishedOn ?? '—'}</td>
                  <td class="number">{formatNumber(page.lang, b.listed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}
