/** The provenance of a value, shown wherever the value is: [V] verified, [3P] secondary, [U] unverified. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { translator } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/language.ts';

export function TagBadge(props: { lang: Lang; tag: string; source?: string }): SafeHtml {
  const t = translator(props.lang);
  const kind = props.tag === 'V' ? 'verified' : props.tag === '3P' ? 'secondary' : 'unverified';
  return (
    <span class={`tag tag-${kind}`} title={props.source}>
      [{props.tag}] {t(`frameworks.tag.${kind}`)}
    </span>
  );
}
