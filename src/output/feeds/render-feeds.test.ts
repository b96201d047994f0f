import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { renderFeed, type FeedInput } from './render-feeds.ts';

const input: FeedInput = {
  title: '绿色制造名单',
  description: '新闻与名单',
  language: 'zh-CN',
  homeUrl: 'https://example.org/news',
  urls: { rss: 'https://example.org/feed.xml', atom: 'https://example.org/atom.xml', json: 'https://example.org/feed.json' },
  copyright: 'CC BY 4.0',
  items: [
    { url: 'https://example.org/news/a', title: '江西蓝星星火入选 <国家级>', summary: 'A & B', author: '编辑部', published: new Date('2019-10-15T02:00:00Z'), updated: new Date('2019-10-16T02:00:00Z'), categories: ['新闻'] },
    { url: 'https://example.org/lists/b', title: '第四批', summary: 'S', author: '工业和信息化部', published: new Date('2019-09-17T00:00:00Z'), updated: new Date('2019-09-17T00:00:00Z'), categories: [] },
  ],
};
const xml = new XMLParser({ ignoreAttributes: false });

test('RSS 2.0 parses back with every item, guid = URL, escaped text', () => {
  const document = xml.parse(renderFeed(input, 'rss'));
  assert.equal(document.rss['@_version'], '2.0');
  const items = document.rss.channel.item;
  assert.equal(items.length, 2);
  assert.equal(items[0].title, '江西蓝星星火入选 <国家级>');
  assert.equal(items[0].link, 'https://example.org/news/a');
  assert.equal(typeof items[0].guid === 'object' ? items[0].guid['#text'] : items[0].guid, 'https://example.org/news/a');
  assert.equal(document.rss.channel.language, 'zh-CN');
});

test('Atom 1.0 parses back; ids are URLs; the feed is updated at its newest item', () => {
  const document = xml.parse(renderFeed(input, 'atom'));
  assert.equal(document.feed['@_xmlns'], 'http://www.w3.org/2005/Atom');
  assert.equal(document.feed.updated, '2019-10-16T02:00:00.000Z');
  assert.deepEqual(document.feed.entry.map((e: { id: string }) => e.id), ['https://example.org/news/a', 'https://example.org/lists/b']);
});

test('JSON Feed 1.1: version, language, authors array, absolute ids', () => {
  const document = JSON.parse(renderFeed(input, 'json'));
  assert.equal(document.version, 'https://jsonfeed.org/version/1.1');
  assert.equal(document.language, 'zh-CN');
  assert.equal(document.feed_url, 'https://example.org/feed.json');
  assert.equal(document.items.length, 2);
  for (const item of document.items) {
    assert.match(item.id, /^https:\/\//);
    assert.equal(item.author, undefined);
    assert.equal(Array.isArray(item.authors), true);
    assert.equal(typeof item.content_text, 'string', 'JSON Feed items need content_html or content_text');
  }
  assert.equal(document.items[0].authors[0].name, '编辑部');
});
