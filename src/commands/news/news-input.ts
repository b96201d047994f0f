/**
 * A news item as an administrator writes it: checked once here for publishing, editing and
 * the preview, so the preview shows exactly what publishing would store. The body is plain
 * paragraphs separated by blank lines, as the public page prints it.
 */
import { AppError, invalid } from '../../domain/errors.ts';
import { findProgramme } from '../../domain/programmes/programmes.ts';
import { findProvince } from '../../domain/reference/regions.ts';

export interface NewsInput {
  slug: string;
  lang: string;
  title: string;
  summary: string;
  body: string;
  author: string;
  /** YYYY-MM-DD (Beijing), or empty for now. */
  publishedOn?: string;
  programmeCode?: string;
  provinceCode?: string;
  enterpriseId?: number | null;
}

export interface NewsDraft {
  slug: string;
  lang: 'zh-CN' | 'en';
  title: string;
  summary: string;
  body: string;
  author: string;
  publishedAt: string;
  programmeCode: string | null;
  provinceCode: string | null;
  enterpriseId: number | null;
}

const SLUG = /^[a-z0-9][a-z0-9-]{2,79}$/;

function text(value: string | undefined, path: string, min: number, max: number): string {
  const trimmed = (value ?? '').trim();
  const length = [...trimmed].length;
  if (length < min) throw invalid(path, `must be at least ${min} characters / 至少需要${min}个字符`);
  if (length > max) throw invalid(path, `must be at most ${max} characters / 不得超过${max}个字符`);
  return trimmed;
}

/** Checks every field; `at` is the publishing instant when no day is given. */
export function checkNewsInput(input: NewsInput, at: string): NewsDraft {
  const slug = (input.slug ?? '').trim().toLowerCase();
  if (!SLUG.test(slug)) throw invalid('slug', 'use 3–80 lower-case letters, digits and dashes / 网址标识须为3至80位小写字母、数字或连字符');
  if (input.lang !== 'zh-CN' && input.lang !== 'en') throw invalid('lang', "must be 'zh-CN' or 'en' / 请选择语言");
  const programmeCode = input.programmeCode?.trim() || null;
  if (programmeCode !== null && findProgramme(programmeCode) === undefined) throw invalid('programmeCode', `unknown programme "${programmeCode}"`);
  const provinceCode = input.provinceCode?.trim() || null;
  if (provinceCode !== null && findProvince(provinceCode) === undefined) throw invalid('provinceCode', `unknown province "${provinceCode}"`);
  let publishedAt = at;
  const day = input.publishedOn?.trim();
  if (day) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T09:00:00+08:00`))) throw invalid('publishedOn', 'must be a date YYYY-MM-DD / 日期格式须为 YYYY-MM-DD');
    publishedAt = new Date(`${day}T09:00:00+08:00`).toISOString();
  }
  if (input.enterpriseId != null && (!Number.isInteger(input.enterpriseId) || input.enterpriseId < 1)) throw new AppError('VALIDATION', 'enterpriseId: must be an enterprise id', { path: 'enterpriseId' });
  return {
    slug,
    lang: input.lang,
    title: text(input.title, 'title', 4, 200),
    summary: text(input.summary, 'summary', 10, 500),
    body: text(input.body, 'body', 20, 20_000),
    author: text(input.author, 'author', 2, 100),
    publishedAt,
    programmeCode,
    provinceCode,
    enterpriseId: input.enterpriseId ?? null,
  };
}
