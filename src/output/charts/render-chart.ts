/**
 * Apache ECharts rendered to SVG on the server (no canvas, no browser script), made fit
 * for a strict CSP page and for screen readers:
 * - the `<style>` block and `style=""` attributes ECharts writes become SVG presentation
 *   attributes (inline styles are blocked by the site's CSP);
 * - ids get a per-chart prefix so two charts on one page do not share clip paths;
 * - the root gets `role="img"`, a `<title>` and a `<desc>` (WAI-ARIA graphics), and
 *   fixed width/height give way to the viewBox so the chart scales with the page.
 * Renders are memoised by their option text: a chart is redrawn only when its data change.
 */
import * as echarts from 'echarts';

export interface ChartMeta {
  /** Unique on the page: used for ids. Letters, digits and dashes. */
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
}

export const CHART_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
export const CHART_COLOURS = ['#16774e', '#a61b1b', '#1f4e8c', '#6b4a00', '#5b3a8c'];
export const CHART_INK = '#1b1f1d';

const cache = new Map<string, string>();
const CACHE_SIZE = 200;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** `style="font-size:12px;font-family:x"` → `font-size="12px" font-family="x"`. */
function styleToAttributes(style: string): string {
  return style
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => declaration !== '')
    .map((declaration) => {
      const colon = declaration.indexOf(':');
      const name = declaration.slice(0, colon).trim();
      const value = declaration.slice(colon + 1).trim();
      return /^[a-z-]+$/.test(name) ? `${name}="${value.replace(/"/g, "'")}"` : '';
    })
    .join(' ');
}

export function makeAccessible(svg: string, meta: ChartMeta): string {
  const prefix = meta.id;
  const titleId = `${prefix}-title`;
  const descId = `${prefix}-desc`;
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_whole, style: string) => ' ' + styleToAttributes(style.replace(/&quot;/g, "'")))
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/zr\d+-c(\d+)/g, `${prefix}-clip$1`)
    .replace(/^<svg width="\d+" height="\d+"/, `<svg class="chart-svg" role="img" aria-labelledby="${titleId} ${descId}" focusable="false"`)
    .replace(/(<svg[^>]*>)/, `$1<title id="${titleId}">${escapeXml(meta.title)}</title><desc id="${descId}">${escapeXml(meta.description)}</desc>`);
}

/** Renders an ECharts option to accessible SVG markup (trusted: every text is escaped by ECharts or here). */
export function renderChart(option: echarts.EChartsCoreOption, meta: ChartMeta): string {
  const key = JSON.stringify([option, meta]);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: meta.width, height: meta.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT, color: CHART_INK }, color: CHART_COLOURS, ...option });
    const svg = makeAccessible(chart.renderToSVGString(), meta);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, svg);
    return svg;
  } finally {
    chart.dispose();
  }
}
