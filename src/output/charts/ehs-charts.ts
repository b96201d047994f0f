/**
 * The EHS dashboard's twelve-month charts, rendered to SVG on the server with the shared
 * accessible renderer: Four Zero events per month (grouped bars: leaks, hazards,
 * violations, exceedances) and the emissions margin (the month's highest monitored value
 * as a percentage of its permit limit, one line per outlet and pollutant, with the limit
 * at 100 %). Each page also shows the numbers as a table.
 */
import { CHART_INK, renderChart } from './render-chart.ts';

export interface MonthlySeries {
  name: string;
  values: readonly (number | null)[];
}

export interface EhsChartInput {
  id: string;
  title: string;
  description: string;
  /** 'YYYY-MM' labels, oldest first. */
  months: readonly string[];
  series: readonly MonthlySeries[];
  width?: number;
  height?: number;
}

const axisLabel = { color: CHART_INK, fontSize: 12 };
// Unquoted family names: ECharts copies the font into a style attribute as is, and quoted
// names there break the SVG's attribute syntax (CHART_FONT quotes them).
const textStyle = { fontFamily: 'Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif', color: CHART_INK };
const splitLine = { lineStyle: { color: '#d5ddd8' } };
const shortMonth = (month: string) => (month.endsWith('-01') ? month : month.slice(5));

/** Counts per month and pillar as grouped bars (whole numbers on the axis). */
export function fourZeroTrendChart(input: EhsChartInput): string {
  return renderChart(
    {
      textStyle,
      legend: { top: 0, textStyle: { color: CHART_INK, fontSize: 12 } },
      grid: { left: 44, right: 16, top: 36, bottom: 36 },
      xAxis: { type: 'category', data: input.months.map(shortMonth), axisLabel: { ...axisLabel, interval: 0 }, axisTick: { show: false } },
      yAxis: { type: 'value', minInterval: 1, axisLabel, splitLine },
      series: input.series.map((s) => ({ type: 'bar', name: s.name, data: [...s.values], barMaxWidth: 10 })),
    },
    { id: input.id, title: input.title, description: input.description, width: input.width ?? 720, height: input.height ?? 260 },
  );
}

/** Highest value as % of the limit per month, one line per outlet/pollutant; the limit is the 100 % line. */
export function emissionMarginChart(input: EhsChartInput & { limitLabel: string }): string {
  const highest = Math.max(100, ...input.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  return renderChart(
    {
      textStyle,
      // Many outlets × pollutants: the legend goes under the chart, where it may wrap.
      legend: { bottom: 0, textStyle: { color: CHART_INK, fontSize: 12 } },
      grid: { left: 52, right: 64, top: 16, bottom: 36 + 22 * Math.ceil(input.series.length / 4) },
      xAxis: { type: 'category', data: input.months.map(shortMonth), axisLabel: { ...axisLabel, interval: 0 }, boundaryGap: false },
      yAxis: { type: 'value', min: 0, max: Math.ceil(highest / 20) * 20, axisLabel: { ...axisLabel, formatter: '{value}%' }, splitLine },
      series: input.series.map((s, index) => ({
        type: 'line',
        name: s.name,
        data: [...s.values],
        symbolSize: 6,
        connectNulls: false,
        ...(index === 0 ? { markLine: { symbol: 'none', silent: true, label: { formatter: input.limitLabel, color: '#a61b1b', fontSize: 12 }, lineStyle: { color: '#a61b1b', type: 'dashed', width: 1.5 }, data: [{ yAxis: 100 }] } } : {}),
      })),
    },
    { id: input.id, title: input.title, description: input.description, width: input.width ?? 720, height: input.height ?? 240 + 22 * Math.ceil(input.series.length / 4) },
  );
}
