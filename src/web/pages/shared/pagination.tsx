/** Previous / numbered / next page links, as a labelled navigation landmark. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { Translate } from '../../i18n/catalogue.ts';

function pagesAround(page: number, pageCount: number): number[] {
  const pages = new Set<number>([1, pageCount]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pageCount) pages.add(p);
  return [...pages].sort((a, b) => a - b);
}

export function Pagination(props: { t: Translate; page: number; pageCount: number; href: (page: number) => string }): SafeHtml {
  const { t, page, pageCount, href } = props;
  if (pageCount <= 1) return <></>;
  const pages = pagesAround(page, pageCount);
  return (
    <nav class="pagination" aria-label={t('site.pagination.label')}>
      <ul>
        {page > 1 ? <li><a href={href(page - 1)} rel="prev">{t('site.pagination.previous')}</a></li> : null}
        {pages.map((p, index) => (
          <>
            {index > 0 && p - pages[index - 1]! > 1 ? <li class="gap" aria-hidden="true">…</li> : null}
            <li>
              {p === page ? (
                <span aria-current="page">{t('site.pagination.page', { page: p })}</span>
              ) : (
                <a href={href(p)} aria-label={t('site.pagination.goTo', { page: p })}>{p}</a>
              )}
            </li>
          </>
        ))}
        {page < pageCount ? <li><a href={href(page + 1)} rel="next">{t('site.pagination.next')}</a></li> : null}
      </ul>
    </nav>
  );
}
