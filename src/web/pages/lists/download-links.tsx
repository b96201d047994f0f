/** CSV · JSON · XLSX links for one open-data resource, each named for screen readers. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { Translate } from '../../i18n/catalogue.ts';

export function DownloadLinks(props: { t: Translate; base: string; label: string; formats?: readonly ('csv' | 'json' | 'xlsx')[] }): SafeHtml {
  const formats = props.formats ?? ['csv', 'json', 'xlsx'];
  return (
    <span class="download-links">
      {formats.map((format, index) => (
        <>
          {index > 0 ? ' · ' : ''}
          <a href={`${props.base}.${format}`} download aria-label={props.t('site.download', { what: props.label, format: format.toUpperCase() })}>{format.toUpperCase()}</a>
        </>
      ))}
    </span>
  );
}
