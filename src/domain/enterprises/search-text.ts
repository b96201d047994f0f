/**
 * The text an enterprise is found by: its Chinese and English names, its credit code,
 * and the pinyin of its Chinese name in full and as initials, so `星火`, `xinghuo`,
 * `xh`, `Bluestar` and a credit-code fragment all find 江西蓝星星火有机硅有限公司.
 * Lower-cased once here, so every search compares lower case with lower case.
 */
import { pinyin } from 'pinyin-pro';

export function searchTextOf(enterprise: { nameZh: string; nameEn: string; creditCode: string }): string {
  const syllables = pinyin(enterprise.nameZh, { toneType: 'none', type: 'array', nonZh: 'removed' });
  const full = syllables.join('');
  const initials = syllables.map((s) => s.charAt(0)).join('');
  return [enterprise.nameZh, enterprise.nameEn, enterprise.creditCode, full, initials].map((part) => part.trim().toLowerCase()).join(' | ');
}

/** Normalises a search query the same way: trimmed, lower-cased, inner spaces collapsed. */
export function normaliseQuery(query: string): string {
  return query.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

const HAN = /\p{Script=Han}/u;

/** True for a query of one or two Chinese characters: the index of short grams answers it. */
export function isShortHanQuery(needle: string): boolean {
  const characters = [...needle];
  return characters.length >= 1 && characters.length <= 2 && characters.every((c) => HAN.test(c));
}

/**
 * The one- and two-character grams of a Chinese name (each once), for queries too short
 * for a trigram index: 星火 → 星, 火, 星火. Only runs of Chinese characters make grams.
 */
export function shortGramsOf(nameZh: string): string[] {
  const characters = [...nameZh];
  const grams = new Set<string>();
  for (let i = 0; i < characters.length; i++) {
    const c = characters[i]!;
    if (!HAN.test(c)) continue;
    grams.add(c);
    const next = characters[i + 1];
    if (next !== undefined && HAN.test(next)) grams.add(c + next);
  }
  return [...grams];
}
