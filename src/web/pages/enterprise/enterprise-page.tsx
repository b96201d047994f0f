/** `/enterprises/{id}`: an enterprise's factories, listings, certificates, published KPIs with trends, notices and news. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { EnterpriseProfile } from '../../../store/queries/enterprise-profile.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { translator, type Translate } from '../../i18n/catalogue.ts';
import { localPath, type Lang } from '../../i18n/language.ts';
import { formatDate, industryLabel, nameIn, regionLabel, wordFor } from '../shared/labels.ts';
import { KpiSection } from './kpi-section.tsx';
import type { KpiYear } from './published-kpis.ts';

function Listings(props: { lang: Lang; t: Translate; profile: EnterpriseProfile }): SafeHtml {
  const { lang, t, profile } = props;
  if (profile.listings.length === 0) return <p class="muted">{t('enterprise.noListings')}</p>;
  return (
    <div class="table-scroll">
      <table class="data-table">
        <caption class="visually-hidden">{t('enterprise.listings')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('enterprise.column.batch')}</th>
            <th scope="col">{t('enterprise.column.programme')}</th>
            <th scope="col">{t('enterprise.column.tier')}</th>
            <th scope="col">{t('enterprise.column.authority')}</th>
            <th scope="col">{t('enterprise.column.listedOn')}</th>
            <th scope="col">{t('enterprise.column.status')}</th>
          </tr>
        </thead>
        <tbody>
          {profile.listings.map((l) => (
            <tr>
              <td><a href={localPath(lang, `/lists/${l.batchSlug}`)}>{nameIn(lang, l.batchNameZh, l.batchNameEn)}</a></td>
              <td>{nameIn(lang, l.programmeNameZh, l.programmeNameEn)}</td>
              <td>{t(`site.tier.${l.tier}`)}</td>
              <td>{nameIn(lang, l.authorityNameZh, l.authorityNameEn)}</td>
              <td>{formatDate(lang, l.listedOn)}</td>
              <td>
                <span class={`status status-${l.status}`}>{wordFor(t, lang, 'site.entryStatus', l.status)}</span>
                {l.status === 'removed' ? <span class="hint">{t('enterprise.removed', { date: formatDate(lang, l.removedOn), reason: l.removalReason ?? '—', mode: wordFor(t, lang, 'site.removalMode', l.removalMode ?? '') })}</span> : null}
                {l.renamedFrom ? <span class="hint">{t('enterprise.renamed', { date: formatDate(lang, l.renamedOn), from: l.renamedFrom })}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Certificates(props: { lang: Lang; t: Translate; profile: EnterpriseProfile }): SafeHtml {
  const { lang, t, profile } = props;
  if (profile.certificates.length === 0) {
    return (
      <p class="muted">
        {t('enterprise.noCertificates')} <a href={localPath(lang, '/verify')}>{t('enterprise.verifyLink')}</a>
      </p>
    );
  }
  return (
    <div class="table-scroll">
      <table class="data-table">
        <caption class="visually-hidden">{t('enterprise.certificates')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('enterprise.column.certificate')}</th>
            <th scope="col">{t('enterprise.column.batch')}</th>
            <th scope="col">{t('enterprise.column.issuedOn')}</th>
            <th scope="col">{t('enterprise.column.validUntil')}</th>
            <th scope="col">{t('enterprise.column.status')}</th>
          </tr>
        </thead>
        <tbody>
          {profile.certificates.map((c) => (
            <tr>
              <td><a href={localPath(lang, `/verify/${encodeURIComponent(c.number)}`)}><code>{c.number}</code></a></td>
              <td><a href={localPath(lang, `/lists/${c.batchSlug}`)}>{nameIn(lang, c.batchNameZh, c.batchNameEn)}</a></td>
              <td>{formatDate(lang, c.issuedOn)}</td>
              <td>{formatDate(lang, c.validUntil)}</td>
              <td>
                <span class={`status status-${c.status}`}>{wordFor(t, lang, 'site.certificateStatus', c.status)}</span>
                {c.revokedOn ? <span class="hint">{t('enterprise.revoked', { date: formatDate(lang, c.revokedOn), reason: c.revokedReason ?? '—' })}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function EnterprisePage(props: { page: PageContext; profile: EnterpriseProfile; kpis: KpiYear[] }): SafeHtml {
  const { page, profile } = props;
  const { lang } = page;
  const t = translator(lang);
  const e = profile.enterprise;
  const current = profile.listings.filter((l) => l.status === 'listed' || l.status === 'renamed');
  const openNotices = profile.notices.filter((n) => n.status === 'open');
  return (
    <Layout page={page} title={nameIn(lang, e.nameZh, e.nameEn)} description={t('enterprise.description', { name: e.nameZh })}>
      <header class="page-header">
        <h1 lang="zh-CN">{e.nameZh}</h1>
        {e.nameEn ? <p class="subtitle" lang="en">{e.nameEn}</p> : null}
        <p>
          {current.length === 0
            ? t('enterprise.notListed')
            : t('enterprise.currentlyListed', { lists: current.map((l) => `${nameIn(lang, l.batchNameZh, l.batchNameEn)}`).join(lang === 'en' ? '; ' : '；') })}
        </p>
      </header>
      <dl class="facts">
        <div><dt>{t('enterprise.creditCode')}</dt><dd><code>{e.creditCode}</code></dd></div>
        <div><dt>{t('enterprise.region')}</dt><dd>{regionLabel(lang, e.regionCode)}</dd></div>
        <div><dt>{t('enterprise.industry')}</dt><dd>{industryLabel(lang, e.industryCode)}</dd></div>
        {e.address ? <div><dt>{t('enterprise.address')}</dt><dd lang="zh-CN">{e.address}</dd></div> : null}
      </dl>

      {openNotices.length === 0 ? null : (
        <section aria-labelledby="notice-heading" class="callout">
          <h2 id="notice-heading">{t('enterprise.onNotice')}</h2>
          <ul>
            {openNotices.map((n) => (
              <li><a href={localPath(lang, `/notices/${n.noticeId}`)}>{nameIn(lang, n.titleZh, n.titleEn)}</a> — {t('notices.period', { from: formatDate(lang, n.opensOn), to: formatDate(lang, n.closesOn) })}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="listings-heading">
        <h2 id="listings-heading">{t('enterprise.listings')}</h2>
        <Listings lang={lang} t={t} profile={profile} />
      </section>

      <section aria-labelledby="certificates-heading">
        <h2 id="certificates-heading">{t('enterprise.certificates')}</h2>
        <Certificates lang={lang} t={t} profile={profile} />
      </section>

      <section aria-labelledby="factories-heading">
        <h2 id="factories-heading">{t('enterprise.factories')}</h2>
        {profile.factories.length === 0 ? (
          <p class="muted">{t('enterprise.noFactories')}</p>
        ) : (
          <ul class="plain-list">
            {profile.factories.map((f) => (
              <li><span lang={lang === 'en' && f.nameEn ? 'en' : 'zh-CN'}>{nameIn(lang, f.nameZh, f.nameEn)}</span> <span class="muted">— {regionLabel(lang, f.regionCode)}</span></li>
            ))}
          </ul>
        )}
      </section>

      <KpiSection lang={lang} t={t} profile={profile} kpis={props.kpis} listed={profile.listings.length > 0} />

      <section aria-labelledby="news-heading">
        <h2 id="news-heading">{t('enterprise.news')}</h2>
        {profile.news.length === 0 ? (
          <p class="muted">{t('enterprise.noNews')}</p>
        ) : (
          <ul class="news-list">
            {profile.news.map((n) => (
              <li lang={n.lang}>
                <a href={localPath(lang, `/news/${n.slug}`)}>{n.title}</a>
                <span class="muted"> · {formatDate(lang, n.publishedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}
