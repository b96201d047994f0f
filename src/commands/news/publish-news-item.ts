/**
 * An administrator publishes a news item or press release (after its preview): it appears
 * on /news and in the feeds at once. Slugs are unique across languages.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Row } from '../../store/schema.ts';
import { now, type Executor, type Store } from '../../store/store.ts';
import { checkNewsInput, type NewsInput } from './news-input.ts';

async function checkEnterprise(db: Executor, enterpriseId: number | null): Promise<void> {
  if (enterpriseId === null) return;
  const found = await db.selectFrom('enterprises').select('id').where('id', '=', enterpriseId).executeTakeFirst();
  if (found === undefined) throw notFound(`enterprise ${enterpriseId}`);
}

export async function publishNewsItem(store: Store, actor: Actor, input: NewsInput): Promise<Row<'news_items'>> {
  const at = now();
  const draft = checkNewsInput(input, at);
  return store.transaction(async (trx) => {
    authorize(actor, 'publish', { type: 'news-item' });
    await checkEnterprise(trx, draft.enterpriseId);
    if ((await trx.selectFrom('news_items').select('id').where('slug', '=', draft.slug).executeTakeFirst()) !== undefined) {
      throw new AppError('CONFLICT', `A news item ${draft.slug} exists already / 网址标识已被使用`, { path: 'slug' });
    }
    const item = await trx
      .insertInto('news_items')
      .values({ slug: draft.slug, lang: draft.lang, title: draft.title, summary: draft.summary, body: draft.body, author: draft.author, published_at: draft.publishedAt, enterprise_id: draft.enterpriseId, province_code: draft.provinceCode, programme_code: draft.programmeCode, is_demo: 0, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'news.published', subjectType: 'news-item', subjectId: item.slug, enterpriseId: null, data: { lang: item.lang, title: item.title, publishedAt: item.published_at } });
    return item;
  });
}

/** Edits a published item in place (the slug stays: links to it keep working). */
export async function updateNewsItem(store: Store, actor: Actor, input: NewsInput): Promise<Row<'news_items'>> {
  const at = now();
  return store.transaction(async (trx) => {
    authorize(actor, 'update', { type: 'news-item' });
    const existing = await store.capabilities.forUpdate(trx.selectFrom('news_items').selectAll().where('slug', '=', (input.slug ?? '').trim().toLowerCase())).executeTakeFirst();
    if (existing === undefined) throw notFound(`news item ${input.slug}`);
    const draft = checkNewsInput(input, existing.published_at);
    await checkEnterprise(trx, draft.enterpriseId);
    const item = await trx
      .updateTable('news_items')
      .set({ lang: draft.lang, title: draft.title, summary: draft.summary, body: draft.body, author: draft.author, published_at: draft.publishedAt, enterprise_id: draft.enterpriseId, province_code: draft.provinceCode, programme_code: draft.programmeCode, updated_at: at })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'news.updated', subjectType: 'news-item', subjectId: item.slug, enterpriseId: null, data: { title: item.title } });
    return item;
  });
}

/** The items for the administrators' list, newest first, both languages. */
export async function listNewsItems(store: Store, actor: Actor, options: { limit?: number; offset?: number } = {}): Promise<{ items: Row<'news_items'>[]; total: number }> {
  authorize(actor, 'update', { type: 'news-item' });
  const [items, count] = await Promise.all([
    store.db.selectFrom('news_items').selectAll().orderBy('published_at', 'desc').orderBy('id', 'desc').limit(options.limit ?? 50).offset(options.offset ?? 0).execute(),
    store.db.selectFrom('news_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function readNewsItem(store: Store, actor: Actor, slug: string): Promise<Row<'news_items'>> {
  authorize(actor, 'update', { type: 'news-item' });
  const item = await store.db.selectFrom('news_items').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (item === undefined) throw notFound(`news item ${slug}`);
  return item;
}
