import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoEnterprises, SILICONE_PLANT_KEY } from './demo-enterprises.ts';
import { demoNews } from './demo-news.ts';

const news = demoNews();

test('every story exists in Chinese and English, with unique slugs', () => {
  assert.equal(new Set(news.map((n) => n.slug)).size, news.length);
  const byKey = new Map<string, string[]>();
  for (const item of news) byKey.set(item.translationKey, [...(byKey.get(item.translationKey) ?? []), item.lang]);
  for (const [key, langs] of byKey) assert.deepEqual(langs.sort(), ['en', 'zh-CN'], key);
  assert.ok(byKey.size >= 3);
});

test('every item is plainly marked as demo content', () => {
  for (const item of news) {
    assert.equal(item.isDemo, true);
    assert.match(item.title, item.lang === 'en' ? /\(demo\)$/ : /（示例）$/);
    assert.match(item.body, item.lang === 'en' ? /^\[Demo content\]/ : /^【示例内容】/);
  }
});

test('the listing press release points at the silicone plant', () => {
  const release = news.filter((n) => n.enterpriseKey === SILICONE_PLANT_KEY);
  assert.equal(release.length, 2);
  assert.equal(demoEnterprises(1)[0]?.key, SILICONE_PLANT_KEY);
  for (const item of release) assert.match(item.body, /Four Zero|四零/);
});

test('dates carry the Shanghai offset and the list is newest first', () => {
  for (const item of news) assert.match(item.publishedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  const times = news.map((n) => Date.parse(n.publishedAt));
  assert.deepEqual([...times].sort((a, b) => b - a), times);
});

test('bodies are paragraphs separated by blank lines, deterministic', () => {
  for (const item of news) assert.ok(item.body.split('\n\n').length >= 2);
  assert.equal(JSON.stringify(demoNews()), JSON.stringify(news));
});
