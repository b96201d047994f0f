/**
 * `/sitemap.xml` (a sitemap index), `/sitemaps/pages.xml` (every fixed page, batch,
 * notice and news item) and `/sitemaps/enterprises-N.xml` (enterprise pages, 20,000 per
 * file so each stays under the protocol's 50,000 URLs), every URL in both languages with
 * hreflang alternates; and `/robots.txt`.
 */
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../domain/errors.ts';
import { enterpriseIdAtOffset, enterpriseIdsAfter, sitemapRecords } from '../../store/queries/sitemap-entries.ts';
import { escapeHtml } from '#jsx/jsx-runtime';
import { sendCacheable } from '../cacheable.ts';

export const ENTERPRISES_PER_SITEMAP = 20_000;
/** Fixed public pages, in both languages. */
export const FIXED_PAGES = ['/', '/lists', '/search', '/notices', '/news', '/verify', '/open-data', '/contact', '/legal', '/links'];

const XML_TYPE = 'application/xml; charset=utf-8';

function urlEntry(origin: string, path: string, lastModified?: string | null): string {
  const zh = origin + path;
  const en = origin + (path === '/' ? '/en/' : '/en' + path);
  const alternates = `<xhtml:link rel="alternate" hreflang="zh-CN" href="${escapeHtml(zh)}"/><xhtml:link rel="alternate" hreflang="en" href="${escapeHtml(en)}"/>`;
  const modified = lastModified ? `<lastmod>${escapeHtml(lastModified.slice(0, 10))}</lastmod>` : '';
  return [zh, en].map((loc) => `<url><loc>${escapeHtml(loc)}</loc>${modified}${alternates}</url>`).join('\n');
}

function urlSet(entries: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
}

export async function registerSitemapRoutes(app: FastifyInstance): Promise<void> {
  const origin = app.context.config.publicUrl.replace(/\/$/, '');
  const db = () => app.context.store.db;

  app.get('/sitemap.xml', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendCacheable(
      request,
      reply,
      async () => {
        const { enterpriseCount } = await sitemapRecords(db());
        const files = ['/sitemaps/pages.xml'];
        for (let n = 1; (n - 1) * ENTERPRISES_PER_SITEMAP < enterpriseCount; n++) files.push(`/sitemaps/enterprises-${n}.xml`);
        const body = files.map((path) => `<sitemap><loc>${escapeHtml(origin + path)}</loc></sitemap>`).join('\n');
        return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
      },
      { type: XML_TYPE },
    ),
  );

  app.get('/sitemaps/pages.xml', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendCacheable(
      request,
      reply,
      async () => {
        const records = await sitemapRecords(db());
        return urlSet([
          ...FIXED_PAGES.map((path) => urlEntry(origin, path)),
          ...records.batches.map((b) => urlEntry(origin, `/lists/${b.slug}`, b.publishedOn)),
          ...records.notices.map((n) => urlEntry(origin, `/notices/${n.id}`, n.closedAt ?? n.opensOn)),
          ...records.news.map((n) => urlEntry(origin, `/news/${n.slug}`, n.updatedAt)),
        ]);
      },
      { type: XML_TYPE },
    ),
  );

  app.get<{ Params: { file: string } }>('/sitemaps/:file', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const match = /^enterprises-(\d{1,5})\.xml$/.exec(request.params.file);
    if (match === null || Number(match[1]) < 1) throw notFound(`sitemap ${request.params.file}`);
    const n = Number(match[1]);
    return sendCacheable(
      request,
      reply,
      async () => {
        const first = await enterpriseIdAtOffset(db(), (n - 1) * ENTERPRISES_PER_SITEMAP);
        if (first === undefined) throw notFound(`sitemap ${request.params.file}`);
        const rows = await enterpriseIdsAfter(db(), first - 1, ENTERPRISES_PER_SITEMAP);
        return urlSet(rows.map((r) => urlEntry(origin, `/enterprises/${r.id}`, r.updatedAt)));
      },
      { type: XML_TYPE },
    );
  });

  app.get('/robots.txt', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(['User-agent: *', 'Allow: /', 'Disallow: /workspace', 'Disallow: /en/workspace', 'Disallow: /api/', 'Disallow: /login', 'Disallow: /search/live', '', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n')),
  );
}
