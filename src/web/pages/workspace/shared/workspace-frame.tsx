/**
 * The frame of every workspace page: the site layout, the user's sections as a side
 * navigation (the current one marked), breadcrumbs back to the dashboard, and the message
 * a form left after it redirected (`?done=…`).
 */
import type { Child, SafeHtml } from '#jsx/jsx-runtime';
import { Layout, type PageContext } from '../../../components/layout.tsx';
import { CATALOGUES, translator } from '../../../i18n/catalogue.ts';
import { localPath } from '../../../i18n/language.ts';
import type { WorkspaceSection } from '../../../workspace-sections.ts';

export interface WorkspaceFrameContext {
  page: PageContext;
  nav: readonly WorkspaceSection[];
  /** The key of a `ws-common.done.*` message to show once. */
  done?: string | undefined;
}

export function WorkspaceFrame(props: { frame: WorkspaceFrameContext; title: string; crumbs?: readonly { href: string; label: string }[]; error?: string | undefined; children?: Child }): SafeHtml {
  const { page, nav } = props.frame;
  const t = translator(page.lang);
  const bare = page.path.split('?')[0]!;
  const doneKey = props.frame.done === undefined ? undefined : `ws-common.done.${props.frame.done}`;
  return (
    <Layout page={page} title={props.title}>
      <div class="workspace">
        <nav class="workspace-nav" aria-label={t('ws-common.nav')}>
          <ul>
            <li><a href={localPath(page.lang, '/workspace')} aria-current={bare === '/workspace' ? 'page' : undefined}>{t('workspace.title')}</a></li>
            {nav.map((s) => (
              <li><a href={localPath(page.lang, s.href)} aria-current={bare === s.href || bare.startsWith(`${s.href}/`) ? 'page' : undefined}>{t(s.titleKey)}</a></li>
            ))}
          </ul>
        </nav>
        <div class="workspace-main">
          <p class="breadcrumb">
            <a href={localPath(page.lang, '/workspace')}>{t('workspace.title')}</a>
            {(props.crumbs ?? []).map((c) => <> <span aria-hidden="true">›</span> <a href={localPath(page.lang, c.href)}>{c.label}</a></>)}
          </p>
          <h1>{props.title}</h1>
          {doneKey !== undefined && CATALOGUES[page.lang].has(doneKey) ? <p class="form-success" role="status">{t(doneKey)}</p> : null}
          {props.error ? <p class="form-error" role="alert">{props.error}</p> : null}
          {props.children}
        </div>
      </div>
    </Layout>
  );
}
