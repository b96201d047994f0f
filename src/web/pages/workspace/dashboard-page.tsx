/**
 * `/workspace`: who I am, what waits for me in each section I may use, the deadlines of
 * the next 30 days, and the applications in my scope by stage (a server-rendered chart
 * with its numbers as a table).
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { UserActor } from '../../../domain/actors/actor.ts';
import { APPLICATION_STATES } from '../../../domain/applications/application-states.ts';
import { regionDisplayName } from '../../../domain/reference/regions.ts';
import { barChart } from '../../../output/charts/bar-chart.ts';
import type { Deadline } from '../../../store/queries/workspace/pipeline-counts.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { formatNumber, translator } from '../../i18n/catalogue.ts';
import { localPath } from '../../i18n/language.ts';
import type { WorkspaceSection } from '../../workspace-sections.ts';
import { ChartFigure } from '../shared/chart-figure.tsx';
import { DeadlineList } from './review/oversight-pages.tsx';
import { stateName } from './shared/labels.tsx';

export interface DashboardPageProps {
  page: PageContext;
  actor: UserActor;
  sections: readonly (WorkspaceSection & { count: number | null })[];
  deadlines?: readonly Deadline[];
  pipeline?: Record<string, number>;
  today?: string;
}

export function DashboardPage(props: DashboardPageProps): SafeHtml {
  const { page, actor } = props;
  const t = translator(page.lang);
  const region = (code: string | null) => (code === null || code === '000000' ? t('workspace.nationwide') : regionDisplayName(code, page.lang === 'en' ? 'en' : 'zh'));
  const pipeline = props.pipeline ?? {};
  const states = APPLICATION_STATES.filter((s) => (pipeline[s] ?? 0) > 0);
  const today = props.today ?? '';
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
      {props.deadlines !== undefined ? (
        <section aria-labelledby="deadlines">
          <h2 id="deadlines">{t('ws-dashboard.deadlines')}</h2>
          <DeadlineList lang={page.lang} t={t} deadlines={props.deadlines} today={today} />
        </section>
      ) : null}
      {states.length > 0 ? (
        <section aria-labelledby="pipeline">
          <h2 id="pipeline">{t('ws-dashboard.pipeline')}</h2>
          <ChartFigure
            t={t}
            svg={barChart({ id: 'pipeline-chart', title: t('ws-dashboard.pipeline'), description: t('ws-dashboard.pipelineDescription', { count: states.reduce((sum, s) => sum + (pipeline[s] ?? 0), 0) }), categories: states.map((s) => stateName(page.lang, s)), values: states.map((s) => pipeline[s] ?? 0), horizontal: true })}
            caption={t('ws-dashboard.pipelineCaption')}
            headers={[t('ws-dashboard.state'), t('ws-dashboard.applications')]}
            rows={states.map((s) => [stateName(page.lang, s), formatNumber(page.lang, pipeline[s] ?? 0)])}
          />
          <p><a href={localPath(page.lang, '/workspace/applications')}>{t('ws-dashboard.openQueue')}</a></p>
        </section>
      ) : null}
    </Layout>
  );
}
