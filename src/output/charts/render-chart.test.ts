import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barChart } from './bar-chart.ts';
import { lineChart } from './line-chart.ts';
import { makeAccessible } from './render-chart.ts';

test('a bar chart is SVG a strict CSP accepts and a screen reader can name', () => {
  const svg = barChart({ id: 'c1', title: '各省在册数量', description: '江西 3，湖北 5', categories: ['江西省', '湖北省'], values: [3, 5], horizontal: true });
  assert.match(svg, /^<svg class="chart-svg" role="img" aria-labelledby="c1-title c1-desc"/);
  assert.match(svg, /<title id="c1-title">各省在册数量<\/title><desc id="c1-desc">江西 3，湖北 5<\/desc>/);
  assert.doesNotMatch(svg, /<style/);
  assert.doesNotMatch(svg, / style="/);
  assert.doesNotMatch(svg, /ecmeta_/);
  assert.match(svg, /viewBox="0 0 720 /);
  for (const label of ['江西省', '湖北省']) assert.ok(svg.includes(label), label);
});

test('two line charts on one page do not share clip-path ids', () => {
  const a = lineChart({ id: 'trend-a', title: 'A', description: 'a', categories: ['2023', '2024'], series: [{ name: 'x', values: [1, 2] }] });
  const b = lineChart({ id: 'trend-b', title: 'B', description: 'b', categories: ['2023', '2024'], series: [{ name: 'x', values: [1, null] }] });
  const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
  const shared = ids(a).filter((id) => ids(b).includes(id));
  assert.deepEqual(shared, []);
  assert.ok(ids(a).some((id) => id.startsWith('trend-a-clip')), 'clip paths carry the chart id');
});

test('style attributes become presentation attributes; titles are escaped', () => {
  const svg = makeAccessible('<svg width="10" height="10" viewBox="0 0 10 10"><text style="font-size:12px;font-family:&quot;Noto Sans&quot;, sans-serif;font-weight:bold;">x</text><style>.a{}</style></svg>', { id: 'z', title: 'a<b>&', description: '"d"', width: 10, height: 10 });
  assert.equal(
    svg,
    `<svg class="chart-svg" role="img" aria-labelledby="z-title z-desc" focusable="false" viewBox="0 0 10 10"><title id="z-title">a&lt;b&gt;&amp;</title><desc id="z-desc">&quot;d&quot;</desc><text font-size="12px" font-family="'Noto Sans', sans-serif" font-weight="bold">x</text></svg>`,
  );
});
