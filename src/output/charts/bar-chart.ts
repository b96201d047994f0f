/** A sorted bar chart (horizontal for long category names such as provinces and industries). */
import { CHART_INK, renderChart, type ChartMeta } from './render-chart.ts';

export interface BarChartInput extends Omit<ChartMeta, 'width' | 'height'> {
  categories: readonly string[];
  values: readonly number[];
  /** Horizontal bars, largest on top; the height grows with the number of bars. */
  horizontal?: boolean;
  width?: number;
  height?: number;
}

/** Rough rendered width of a label at 13px: CJK characters are square, Latin ones about half as wide. */
export function labelWidth(text: string): number {
  let width = 0;
  for (const character of text) width += /[\u2E80-\u9FFF\uFF00-\uFFEF]/.test(character) ? 13 : 7.2;
  return Math.ceil(width);
}

export function barChart(input: BarChartInput): string {
  const horizontal = input.horizontal ?? false;
  const width = input.width ?? 720;
  // Horizontal bars: the category axis gets the room its longest label needs, up to 45 % of the width (longer ones are cut with …).
  const labelRoom = Math.min(Math.max(...input.categories.map(labelWidth), 40) + 12, Math.floor(width * 0.45));
  const height = input.height ?? (horizontal ? Math.max(160, 40 + input.categories.length * 26) : 320);
  const axisLabel = { color: CHART_INK, fontSize: 13 };
  const category = {
    type: 'category' as const,
    data: horizontal ? [...input.categories].reverse() : [...input.categories],
    axisLabel: horizontal ? { ...axisLabel, width: labelRoom - 12, overflow: 'truncate' as const } : { ...axisLabel, interval: 0, rotate: input.categories.length > 6 ? 30 : 0 },
    axisTick: { show: false },
  };
  const value = { type: 'value' as const, minInterval: 1, axisLabel, splitLine: { lineStyle: { color: '#d5ddd8' } } };
  return renderChart(
    {
      grid: { left: horizontal ? labelRoom : 56, right: 48, top: 16, bottom: horizontal ? 28 : 72 },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: [{ type: 'bar', data: horizontal ? [...input.values].reverse() : [...input.values], barMaxWidth: 36, label: { show: true, position: horizontal ? 'right' : 'top', color: CHART_INK, fontSize: 12 } }],
    },
    { id: input.id, title: input.title, description: input.description, width, height },
  );
}
