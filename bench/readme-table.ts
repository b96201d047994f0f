/**
 * `node --import tsx bench/readme-table.ts`: the README's "Latest figures" as a Markdown
 * table, read from bench/results/*.json (each bench writes its file when it runs), so the
 * README carries the measured numbers themselves — date, bar, baseline and verdict.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { BenchRow } from './support.ts';

interface ResultFile {
  bench: string;
  date: string;
  rows: BenchRow[];
}

const ORDER = ['store', 'engine', 'search', 'pages', 'national-pages', 'multi-process', 'publish', 'import', 'fuzz', 'soak'];
const directory = new URL('./results/', import.meta.url).pathname;
const files = readdirSync(directory)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(directory + name, 'utf8')) as ResultFile)
  .sort((a, b) => (ORDER.indexOf(a.bench) + 1 || 99) - (ORDER.indexOf(b.bench) + 1 || 99));

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const number = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 2 });

const lines = ['| bench (run date) | measured | baseline, same run | bar | verdict | note |', '|---|---|---|---|---|---|'];
for (const file of files) {
  for (const row of file.rows) {
    const ratio = row.baseline && row.baseline.value !== 0 ? ` (×${(row.value / row.baseline.value).toFixed(2)})` : '';
    lines.push(
      `| ${cell(`${file.bench}: ${row.name.trim()}`)} (${file.date.slice(0, 10)}) | ${number(row.value)} ${cell(row.unit)}${ratio} | ${row.baseline ? cell(`${row.baseline.name}: ${number(row.baseline.value)}`) : ''} | ${cell(row.bar ?? '')} | ${row.pass === undefined ? '' : row.pass ? 'pass' : '**miss**'} | ${cell(row.note ?? '')} |`,
    );
  }
}
console.log(lines.join('\n'));
