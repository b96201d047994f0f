/**
 * The page language: Chinese by default, English with `?lang=en` or a `/en/…` prefix.
 * The prefix is stripped before routing, so one route serves both.
 */
export type Lang = 'zh-CN' | 'en';

export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
  }
}

export function stripLanguagePrefix(url: string): string {
  if (url === '/en' || url.startsWith('/en?')) return '/' + url.slice(3);
  if (url.startsWith('/en/')) return url.slice(3);
  return url;
}

export function languageFromUrl(url: string): Lang {
  if (url === '/en' || url.startsWith('/en/') || url.startsWith('/en?')) return 'en';
  const query = url.indexOf('?');
  if (query >= 0 && /(?:^|&)lang=en(?:&|$)/.test(url.slice(query + 1))) return 'en';
  return 'zh-CN';
}

/** A site path in the given language: `/lists` → `/en/lists` for English. */
export function localPath(lang: Lang, path: string): string {
  return lang === 'en' ? (path === '/' ? '/en/' : '/en' + path) : path;
}
