/**
 * The workspace's catalogues (src/web/i18n/<lang>/ws-*.json): the shared catalogue test
 * cannot see keys of hyphenated areas (its pattern stops at '-'), so this one checks them —
 * every literal `ws-…` key the source asks for exists in both languages, every message a
 * form's redirect announces (`here(…, 'done')`) exists, and every application action has a label.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUES } from '../../src/web/i18n/catalogue.ts';
import { APPLICATION_ACTIONS } from '../../src/domain/applications/transition-table.ts';

const root = new URL('../../src/', import.meta.url).pathname;

function sources(directory: string, out: string[] = []): string[] {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const texts = sources(root).map((file) => ({ file: file.slice(root.length), text: readFileSync(file, 'utf8') }));

test('every literal ws-* key exists in zh-CN and en', () => {
  const missing: string[] = [];
  let checked = 0;
  for (const { file, text } of texts) {
    for (const match of text.matchAll(/'(ws-[a-z]+\.[A-Za-z0-9_.-]+)'/g)) {
      checked++;
      for (const lang of ['zh-CN', 'en'] as const) if (!CATALOGUES[lang].has(match[1]!)) missing.push(`${lang} ${match[1]} (${file})`);
    }
  }
  assert.deepEqual(missing, []);
  assert.ok(checked > 300, `checked ${checked}`);
});

test('every message a redirect announces, and every action, has words', () => {
  const done = new Set(texts.flatMap(({ text }) => [...text.matchAll(/here\(request, [^;]*, '([A-Za-z]+)'\);/g)].map((m) => m[1]!)));
  assert.ok(done.size >= 25, `found ${done.size}`);
  for (const key of done) assert.ok(CATALOGUES['zh-CN'].has(`ws-common.done.${key}`) && CATALOGUES.en.has(`ws-common.done.${key}`), key);
  for (const action of APPLICATION_ACTIONS) assert.ok(CATALOGUES['zh-CN'].has(`ws-application.action.${action}`) && CATALOGUES.en.has(`ws-application.actionHint.${action}`), action);
});
