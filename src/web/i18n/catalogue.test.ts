/**
 * Every label comes from the catalogues: each key exists in both languages, no message is
 * empty, placeholders match, and every literal key the source code asks for exists.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUES, translate } from './catalogue.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('zh-CN and en hold the same keys with the same placeholders', () => {
  const zh = CATALOGUES['zh-CN'];
  const en = CATALOGUES.en;
  const onlyZh = [...zh.keys()].filter((k) => !en.has(k));
  const onlyEn = [...en.keys()].filter((k) => !zh.has(k));
  assert.deepEqual(onlyZh, [], `keys missing in en: ${onlyZh.join(', ')}`);
  assert.deepEqual(onlyEn, [], `keys missing in zh-CN: ${onlyEn.join(', ')}`);
  for (const [key, text] of zh) assert.deepEqual(placeholders(en.get(key)!), placeholders(text), `placeholders of ${key}`);
});

test('no Chinese message is empty', () => {
  for (const [key, text] of CATALOGUES['zh-CN']) assert.notEqual(text.trim(), '', key);
});

function sourceFiles(directory: string, out: string[] = []): string[] {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

test('every literal key used in the source exists in the catalogues', () => {
  const root = new URL('../../', import.meta.url).pathname;
  const missing: string[] = [];
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) {
      if (!CATALOGUES['zh-CN'].has(match[1]!)) missing.push(`${match[1]} (${file.slice(root.length)})`);
    }
  }
  assert.deepEqual(missing, []);
});

test('placeholders are filled and unknown keys fall back visibly', () => {
  assert.equal(translate('en', 'common.error.status', { status: 404, code: 'NOT_FOUND' }), 'Status 404 (NOT_FOUND)');
  assert.equal(translate('zh-CN', 'common.error.status', { status: 404, code: 'NOT_FOUND' }), '状态码 404（NOT_FOUND）');
  assert.equal(translate('en', 'no.such.key'), 'no.such.key');
});
