/**
 * `/feed.xml` (RSS 2.0), `/atom.xml` (Atom 1.0) and `/feed.json` (JSON Feed 1.1): news,
 * published batches and public notices, site-wide or for one province and/or programme
 * (`?province=360000&programme=green_factory`), in Chinese or, under /en/, English.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalid } from '../../domain/errors.ts';
import { findProgramme } from '../../domain/programmes/programmes.ts';
import { findProvince } from '../../domain/reference/regions.ts';
import { listFeedEntries, type FeedEntry } from '../../store/queries/feed-entries.ts';
import { FEED_MEDIA_TYPES, renderFeed, type FeedFormat, type FeedItemInput } from '../../output/feeds/render-feeds.ts';
import { translator } from '../i18n/catalogue.ts';
import { localPath, type Lang } from '../i18n/language.ts';
import { nameIn, programmeLabel, provinceLabel } from '../pages/shared/labels.ts';
import { queryString } from './list-query.ts';
import { sendCacheable } from '../cacheable.ts';
import { openDataLicence } from './open-data.ts';

const FEED_SIZE = 50;
const PATHS: Record<FeedFormat, string> = { rss: '/feed.xml', atom: '/atom.xml', json: '/feed.json' };

function readFeedFilter(request: FastifyRequest): { province?: string; programme?: string } {
  const query = request.query as Record<string, unknown>;
  const province = typeof query.province === 'string' && query.province !== '' ? query.province : undefined;
  const programme = typeof query.programme === 'string' && query.programme !== '' ? query.programme : undefined;
  if (province !== undefined && findProvince(province) === undefined) throw invalid('province', `unknown GB/T 2260 province code "${province}" / 未知省级行政区划代码`);
  if (programme !== undefined && findProgramme(programme) === undefined) throw invalid('programme', `unknown programme "${programme}" / 未知名单类型`);
  return { ...(province === undefined ? {} : { province }), ...(programme === undefined ? {} : { programme }) };
}

function itemOf(entry: FeedEntry, lang: Lang, origin: string): FeedItemInput {
  const t = translator(lang);
  const url = (path: string) => origin + localPath(lang, path);
  switch (entry.kind) {
    case 'news':
      return { url: url(`/news/${entry.slug}`), title: entry.title, summary: entry.summary, author: entry.author, published: new Date(entry.publishedAt), updated: new Date(entry.updatedAt > entry.publishedAt ? entry.updatedAt : entry.publishedAt), categories: [t('feeds.kind.news'), ...(entry.programmeCode ? [programmeLabel(lang, entry.programmeCode)] : [])] };
    case 'batch': {
      const name = nameIn(lang, entry.nameZh, entry.nameEn);
      const date = new Date(`${entry.publishedOn}T00:00:00+08:00`);
      return { url: url(`/lists/${entry.slug}`), title: t('feeds.batchTitle', { name }), summary: t('feeds.batchSummary', { name, authority: nameIn(lang, entry.authorityNameZh, entry.authorityNameEn), number: entry.noticeNumber ?? '—' }), author: nameIn(lang, entry.authorityNameZh, entry.authorityNameEn), published: date, updated: date, categories: [t('feeds.kind.batch'), programmeLabel(lang, entry.programmeCode)] };
    }
    case 'notice': {
      const title = nameIn(lang, entry.titleZh, entry.titleEn);
      const date = new Date(`${entry.opensOn}T00:00:00+08:00`);
      return { url: url(`/notices/${entry.id}`), title, summary: t('feeds.noticeSummary', { title, from: entry.opensOn, to: entry.closesOn }), author: nameIn(lang, entry.authorityNameZh, entry.authorityNameEn), published: date, updated: date, categories: [t('feeds.kind.notice'), programmeLabel(lang, entry.programmeCode)] };
    }
  }
}

export async function registerFeedRoutes(app: FastifyInstance): Promise<void> {
  const origin = app.context.config.publicUrl.replace(/\/$/, '');
  for (const format of ['rss', 'atom', 'json'] as const) {
    app.get(PATHS[format], { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const filter = readFeedFilter(request);
      reply.header('access-control-allow-origin', '*');
      return sendCacheable(
        request,
        reply,
        async () => {
          const lang = request.lang;
          const t = translator(lang);
          const db = app.context.store.db;
          const [entries, licence] = await Promise.all([listFeedEntries(db, { lang, provinceCode: filter.province, programmeCode: filter.programme, limit: FEED_SIZE }), openDataLicence(db)]);
          const scope = [filter.province ? provinceLabel(lang, filter.province) : undefined, filter.programme ? programmeLabel(lang, filter.programme) : undefined].filter(Boolean).join(' · ');
          const query = queryString(filter);
          const self = (path: string) => origin + (lang === 'en' ? '/en' : '') + path + query;
          return renderFeed(
            {
              title: scope === '' ? t('feeds.title') : t('feeds.titleScoped', { scope }),
              description: t('feeds.description'),
              language: lang,
              homeUrl: origin + localPath(lang, '/news'),
              urls: { rss: self(PATHS.rss), atom: self(PATHS.atom), json: self(PATHS.json) },
              copyright: licence.text,
              items: entries.map((entry) => itemOf(entry, lang, origin)),
            },
            format,
          );
        },
        { type: FEED_MEDIA_TYPES[format] },
      );
    });
  }
}
