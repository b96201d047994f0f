/** A trend line chart over years, one line per series; missing years stay gaps. */
import { CHART_INK, renderChart, type ChartMeta } from './render-chart.ts';

export interface LineChartInput extends Omit<ChartMeta, 'width' | 'height'> {
  categories: readonly string[];
  series: readonly { name: string; values: readonly (number | null)[] }[];
  width?: number;
  height?: number;
}

export function lineChart(input: LineChartInput): string {
  const axisLabel = { color: CHART_INK, fontSize: 13 };
  return renderChart(
    {
      legend: { top: 0, textStyle: { color: CHART_INK, fontSize: 13 } },
      grid: { left: 72, right: 32, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: [...input.categories], axisLabel, boundaryGap: false },
      yAxis: { type: 'value', axisLabel, splitLine: { lineStyle: { color: '#d5ddd8' } } },
      series: input.series.map((s) => ({ type: 'line', name: s.name, data: [...s.values], symbolSize: 7, connectNulls: false, lineStyle: { width: 2 } })),
    },
    { id: input.id, title: input.title, description: input.description, width: input.width ?? 640, height: input.height ?? 280 },
  );
}
