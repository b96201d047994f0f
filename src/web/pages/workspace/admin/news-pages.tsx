/**
 * News administration: `/workspace/admin/news` (every item, both languages, and a link to
 * write one), the writing form (new or editing a published item) and its preview — the
 * item as the public page will show it, with the same values carried in hidden fields to
 * publish (or to go back and change them).
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { NewsDraft } from '../../../../commands/news/news-input.ts';
import { PROGRAMMES } from '../../../../domain/programmes/programmes.ts';
import { listProvinces } from '../../../../domain/reference/regions.ts';
import type { Row } from '../../../../store/schema.ts';
import { translator } from '../../../i18n/catalogue.ts';
import { localPath } from '../../../i18n/language.ts';
import { paragraphsOf } from '../../news/news-item-page.tsx';
import { programmeLabel } from '../../shared/labels.ts';
import { Pagination } from '../../shared/pagination.tsx';
import { formatDate } from '../shared/labels.tsx';
import { WorkspaceFrame, type WorkspaceFrameContext } from '../shared/workspace-frame.tsx';

export const NEWS_FIELDS = ['slug', 'lang', 'title', 'summary', 'body', 'author', 'publishedOn', 'programmeCode', 'provinceCode', 'enterpriseId'] as const;
export type NewsFormValues = Partial<Record<(typeof NEWS_FIELDS)[number], string>>;

export function NewsListPage(props: { frame: WorkspaceFrameContext; items: readonly Row<'news_items'>[]; total: number; page: number }): SafeHtml {
  const { frame } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  return (
    <WorkspaceFrame frame={frame} title={t('ws-admin.news.title')}>
      <p><a class="button-link" href={localPath(lang, '/workspace/admin/news/new')}>{t('ws-admin.news.new')}</a></p>
      <table class="data-table">
        <thead><tr><th scope="col">{t('ws-admin.news.headline')}</th><th scope="col">{t('ws-admin.news.lang')}</th><th scope="col">{t('ws-admin.news.published')}</th><th scope="col">{t('ws-admin.news.edit')}</th></tr></thead>
        <tbody>
          {props.items.map((item) => (
            <tr>
              <th scope="row"><a href={localPath(item.lang === 'en' ? 'en' : 'zh-CN', `/news/${item.slug}`)} lang={item.lang}>{item.title}</a>{item.is_demo === 1 ? <span class="tag">{t('ws-admin.news.demo')}</span> : null}</th>
              <td>{item.lang}</td>
              <td>{formatDate(lang, item.published_at)}</td>
              <td><a href={localPath(lang, `/workspace/admin/news/${item.slug}/edit`)}>{t('ws-admin.news.edit')}</a></td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination t={t} page={props.page} pageCount={Math.max(1, Math.ceil(props.total / 30))} href={(p) => localPath(lang, `/workspace/admin/news?page=${p}`)} />
    </WorkspaceFrame>
  );
}

function Hidden(props: { values: NewsFormValues }): SafeHtml {
  return <>{NEWS_FIELDS.map((name) => <input type="hidden" name={name} value={props.values[name] ?? ''} />)}</>;
}

export function NewsFormPage(props: { frame: WorkspaceFrameContext; values: NewsFormValues; editing: boolean; error?: string | undefined }): SafeHtml {
  const { frame, values } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const csrf = frame.page.csrfToken ?? '';
  const v = (name: (typeof NEWS_FIELDS)[number]) => values[name] ?? '';
  return (
    <WorkspaceFrame frame={frame} title={t(props.editing ? 'ws-admin.news.editTitle' : 'ws-admin.news.newTitle')} crumbs={[{ href: '/workspace/admin/news', label: t('ws-admin.news.title') }]} error={props.error}>
      <form method="post" action={localPath(lang, '/workspace/admin/news/preview')} class="stacked-form public-form news-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="editing" value={props.editing ? '1' : ''} />
        <label for="n-slug">{t('ws-admin.news.slug')}</label>
        <input id="n-slug" name="slug" value={v('slug')} required readonly={props.editing} pattern="[a-z0-9][a-z0-9-]{2,79}" />
        <span class="field-hint">{t('ws-admin.news.slugHint')}</span>
        <label for="n-lang">{t('ws-admin.news.lang')}</label>
        <select id="n-lang" name="lang"><option value="zh-CN" selected={v('lang') !== 'en'}>中文</option><option value="en" selected={v('lang') === 'en'}>English</option></select>
        <label for="n-title">{t('ws-admin.news.headline')}</label>
        <input id="n-title" name="title" value={v('title')} required />
        <label for="n-summary">{t('ws-admin.news.summary')}</label>
        <textarea id="n-summary" name="summary" rows="2" required>{v('summary')}</textarea>
        <label for="n-body">{t('ws-admin.news.body')}</label>
        <textarea id="n-body" name="body" rows="10" required>{v('body')}</textarea>
        <span class="field-hint">{t('ws-admin.news.bodyHint')}</span>
        <label for="n-author">{t('ws-admin.news.author')}</label>
        <input id="n-author" name="author" value={v('author')} required />
        <label for="n-date">{t('ws-admin.news.date')}</label>
        <input id="n-date" name="publishedOn" type="date" value={v('publishedOn')} />
        <label for="n-programme">{t('ws-admin.news.programme')}</label>
        <select id="n-programme" name="programmeCode"><option value="">—</option>{PROGRAMMES.map((p) => <option value={p.code} selected={v('programmeCode') === p.code}>{programmeLabel(lang, p.code)}</option>)}</select>
        <label for="n-province">{t('ws-admin.news.province')}</label>
        <select id="n-province" name="provinceCode"><option value="">—</option>{listProvinces().map((p) => <option value={p.code} selected={v('provinceCode') === p.code}>{lang === 'en' ? p.nameEn : p.nameZh}</option>)}</select>
        <label for="n-enterprise">{t('ws-admin.news.enterprise')}</label>
        <input id="n-enterprise" name="enterpriseId" inputmode="numeric" value={v('enterpriseId')} />
        <button type="submit" class="button-primary">{t('ws-admin.news.preview')}</button>
      </form>
    </WorkspaceFrame>
  );
}

export function NewsPreviewPage(props: { frame: WorkspaceFrameContext; draft: NewsDraft; values: NewsFormValues; editing: boolean }): SafeHtml {
  const { frame, draft } = props;
  const { lang } = frame.page;
  const t = translator(lang);
  const csrf = frame.page.csrfToken ?? '';
  return (
    <WorkspaceFrame frame={frame} title={t('ws-admin.news.previewTitle')} crumbs={[{ href: '/workspace/admin/news', label: t('ws-admin.news.title') }]}>
      <p class="callout">{t('ws-admin.news.previewNote')}</p>
      <article class="news-article news-preview" lang={draft.lang}>
        <h2>{draft.title}</h2>
        <p class="byline">{draft.author} · <time datetime={draft.publishedAt}>{formatDate(lang, draft.publishedAt)}</time></p>
        <p class="summary">{draft.summary}</p>
        {paragraphsOf(draft.body).map((p) => <p>{p}</p>)}
      </article>
      <div class="form-actions">
        <form method="post" action={localPath(lang, props.editing ? `/workspace/admin/news/${draft.slug}` : '/workspace/admin/news')} class="inline-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <Hidden values={props.values} />
          <button type="submit" class="button-primary">{t(props.editing ? 'ws-admin.news.saveChanges' : 'ws-admin.news.publish')}</button>
        </form>
        <form method="post" action={localPath(lang, '/workspace/admin/news/form')} class="inline-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="editing" value={props.editing ? '1' : ''} />
          <Hidden values={props.values} />
          <button type="submit" class="button-secondary">{t('ws-admin.news.back')}</button>
        </form>
      </div>
    </WorkspaceFrame>
  );
}
