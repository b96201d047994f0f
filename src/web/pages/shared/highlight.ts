/**
 * Marks where a search query occurs in a name: `<mark>星火</mark>`. The match is made on
 * the same normalisation as the search (NFKC, lower case); when normalising changes the
 * text's length the positions would not line up, so the name is shown unmarked.
 */
import { escapeHtml, raw, type SafeHtml } from '#jsx/jsx-runtime';
import { normaliseQuery } from '../../../domain/enterprises/search-text.ts';

export function highlight(text: string, query: string): SafeHtml {
  const needle = normaliseQuery(query);
  const haystack = text.normalize('NFKC').toLowerCase();
  if (needle === '' || haystack.length !== text.length) return raw(escapeHtml(text));
  let html = '';
  let from = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    html += escapeHtml(text.slice(from, at)) + '<mark>' + escapeHtml(text.slice(at, at + needle.length)) + '</mark>';
    from = at + needle.length;
  }
  return raw(html + escapeHtml(text.slice(from)));
}

/** True when the query occurs in the text (else the hit matched by pinyin or credit code). */
export function occursIn(text: string, query: string): boolean {
  const needle = normaliseQuery(query);
  return needle !== '' && text.normalize('NFKC').toLowerCase().includes(needle);
}
