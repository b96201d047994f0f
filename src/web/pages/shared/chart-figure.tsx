/**
 * A server-rendered chart in a figure with its caption and, for readers who cannot see
 * it (and for print), the same numbers as a table in a disclosure.
 */
import { raw, type SafeHtml } from '#jsx/jsx-runtime';
import type { Translate } from '../../i18n/catalogue.ts';

export function ChartFigure(props: { t: Translate; svg: string; caption: string; headers: readonly string[]; rows: readonly (readonly (string | number)[])[] }): SafeHtml {
  const { t } = props;
  return (
    <figure class="chart">
      <div class="chart-frame">{raw(props.svg)}</div>
      <figcaption>{props.caption}</figcaption>
      <details class="chart-data">
        <summary>{t('site.chart.showData')}</summary>
        <table class="data-table compact">
          <caption class="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>{props.headers.map((h, i) => <th scope="col" class={i > 0 ? 'number' : undefined}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>{row.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td class="number">{cell}</td>))}</tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
