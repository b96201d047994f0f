/**
 * Message catalogues: src/web/i18n/<lang>/<area>.json, keys addressed as `area.key`.
 * Loaded once; a key missing in one language is a test failure (catalogue.test.ts)
 * and, at run time, shows the other language's text rather than a blank.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from './language.ts';

type Catalogue = Map<string, string>;

const directory = new URL('.', import.meta.url).pathname;

function loadCatalogue(lang: Lang): Catalogue {
  const catalogue: Catalogue = new Map();
  const folder = join(directory, lang);
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    const area = file.slice(0, -'.json'.length);
    const messages = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<string, string>;
    for (const [key, text] of Object.entries(messages)) catalogue.set(`${area}.${key}`, text);
  }
  return catalogue;
}

export const CATALOGUES: Record<Lang, Catalogue> = { 'zh-CN': loadCatalogue('zh-CN'), en: loadCatalogue('en') };

export type Params = Record<string, string | number>;

/** Looks up a message and fills `{name}` placeholders. */
export function translate(lang: Lang, key: string, params?: Params): string {
  const text = CATALOGUES[lang].get(key) ?? CATALOGUES[lang === 'en' ? 'zh-CN' : 'en'].get(key) ?? key;
  if (params === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

export type Translate = (key: string, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

/** Formats a number the way each language writes it (thousands separators). */
export function formatNumber(lang: Lang, value: number, fractionDigits = 0): string {
  return value.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 });
}
