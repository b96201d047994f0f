/**
 * Declared and verified values side by side, every field, differences marked
 * (工信部节〔2024〕13号: the third party answers for its figures); without verified values,
 * the declared ones alone.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { annualDataComparison } from '../../../../domain/applications/annual-data-differences.ts';
import { formatNumber, type Translate } from '../../../i18n/catalogue.ts';
import type { Lang } from '../../../i18n/language.ts';

function show(lang: Lang, value: number | string | null, path: string): string {
  if (value === null) return '—';
  // A year is a name, not a quantity: no thousands separator.
  return typeof value === 'number' && path !== 'year' ? formatNumber(lang, value, 4) : String(value);
}

export function DataComparison(props: { lang: Lang; t: Translate; declared: unknown; verified?: unknown; caption: string }): SafeHtml {
  const { lang, t } = props;
  const single = props.verified === undefined;
  const rows = annualDataComparison(props.declared, single ? props.declared : props.verified);
  if (single) {
    return (
      <div class="table-scroll">
        <table class="data-table compact">
          <caption>{props.caption}</caption>
          <thead><tr><th scope="col">{t('ws-common.compare.field')}</th><th scope="col" class="number">{t('ws-common.compare.value')}</th></tr></thead>
          <tbody>{rows.map((r) => <tr><th scope="row"><code>{r.path}</code></th><td class="number">{show(lang, r.declared, r.path)}</td></tr>)}</tbody>
        </table>
      </div>
    );
  }
  const differing = rows.filter((r) => r.declared !== r.verified).length;
  return (
    <div class="table-scroll">
      <table class="data-table compact comparison">
        <caption>{props.caption} · {t('ws-common.compare.differences', { count: differing })}</caption>
        <thead><tr><th scope="col">{t('ws-common.compare.field')}</th><th scope="col" class="number">{t('ws-common.compare.declared')}</th><th scope="col" class="number">{t('ws-common.compare.verified')}</th><th scope="col" class="number">{t('ws-common.compare.change')}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr class={r.declared !== r.verified ? 'differs' : undefined}>
              <th scope="row"><code>{r.path}</code>{r.declared !== r.verified ? <span class="visually-hidden"> {t('ws-common.compare.differs')}</span> : null}</th>
              <td class="number">{show(lang, r.declared, r.path)}</td>
              <td class="number">{show(lang, r.verified, r.path)}</td>
              <td class="number">{r.relative === null ? '' : `${r.relative > 0 ? '+' : ''}${formatNumber(lang, r.relative * 100, 1)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
