/** `/frameworks`: the indicator frameworks and the factor set, each with its source. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { FactorSet, Framework } from '../../../engine/index.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { TagBadge } from '../../components/tag-badge.tsx';
import { translator } from '../../i18n/catalogue.ts';
import { localPath } from '../../i18n/language.ts';

export function FrameworkListPage(props: { page: PageContext; frameworks: readonly Framework[]; factorSets: readonly FactorSet[] }): SafeHtml {
  const { page } = props;
  const t = translator(page.lang);
  const en = page.lang === 'en';
  return (
    <Layout page={page} title={t('frameworks.title')}>
      <h1>{t('frameworks.title')}</h1>
      <p class="lead">{t('frameworks.intro')}</p>
      <p class="notice-box">{t('frameworks.unverifiedWarning')}</p>
      <h2>{t('frameworks.frameworks')}</h2>
      <ul class="card-list">
        {props.frameworks.map((f) => (
          <li class="card">
            <h3><a href={localPath(page.lang, `/frameworks/${f.id}`)}>{en ? f.nameEn : f.nameZh}</a></h3>
            <p>{f.standard} · {t('frameworks.version')} {f.version} · {t(`frameworks.method.${f.method}`)}</p>
            <p class="muted">{t('frameworks.effective')} {f.effective}{f.abolished ? ` · ${t('frameworks.abolished')} ${f.abolished}` : ''} · <code>{f.hash.slice(0, 19)}…</code></p>
            <p class="muted">{f.source} <TagBadge lang={page.lang} tag={f.tag} /></p>
          </li>
        ))}
      </ul>
      <h2>{t('frameworks.factorSets')}</h2>
      <ul class="card-list">
        {props.factorSets.map((f) => (
          <li class="card">
            <h3><a href={localPath(page.lang, `/frameworks/factors/${f.id}`)}>{en ? f.nameEn : f.nameZh}</a></h3>
            <p class="muted">{t('frameworks.version')} {f.version} · <code>{f.hash.slice(0, 19)}…</code></p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
