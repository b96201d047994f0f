/** `/workspace`: who I am, and what waits for me in each section I may use. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { UserActor } from '../../../domain/actors/actor.ts';
import { regionDisplayName } from '../../../domain/reference/regions.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { formatNumber, translator } from '../../i18n/catalogue.ts';
import { localPath } from '../../i18n/language.ts';
import type { WorkspaceSection } from '../../workspace-sections.ts';

export function DashboardPage(props: { page: PageContext; actor: UserActor; sections: readonly (WorkspaceSection & { count: number | null })[] }): SafeHtml {
  const { page, actor } = props;
  const t = translator(page.lang);
  const region = (code: string | null) => (code === null || code === '000000' ? t('workspace.nationwide') : regionDisplayName(code, page.lang === 'en' ? 'en' : 'zh'));
  return (
    <Layout page={page} title={t('workspace.title')}>
      <h1>{t('workspace.title')}</h1>
      <p class="lead">{t('workspace.greeting', { name: actor.displayName })}</p>
      <ul class="role-list">
        {actor.memberships.map((m) => (
          <li>
            <span class="role-badge">{t(`workspace.role.${m.role}`)}</span> {m.authorityId !== null ? region(m.regionCode) : ''}
          </li>
        ))}
      </ul>
      <h2>{t('workspace.sections')}</h2>
      {props.sections.length === 0 ? (
        <p class="muted">{t('workspace.noSections')}</p>
      ) : (
        <ul class="card-list section-grid">
          {props.sections.map((s) => (
            <li class="card">
              <h3>
                <a href={localPath(page.lang, s.href)}>{t(s.titleKey)}</a>
                {s.count !== null && s.count > 0 ? <span class="count-badge" aria-label={t('workspace.waiting', { count: s.count })}>{formatNumber(page.lang, s.count)}</span> : null}
              </h3>
              <p class="muted">{t(s.descriptionKey)}</p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
