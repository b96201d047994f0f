/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 from one feed description, with the `feed`
 * package. Item ids are absolute URLs (the package's Atom writer requires it). The
 * package writes JSON Feed 1.0; the 1.1 changes (version URL, `authors` array,
 * `language`) are applied here (https://www.jsonfeed.org/version/1.1/).
 */
import { Feed } from 'feed';

export interface FeedItemInput {
  /** Absolute URL: the item's permanent id and its link. */
  url: string;
  title: string;
  summary: string;
  author: string;
  published: Date;
  updated: Date;
  categories: readonly string[];
}

export interface FeedInput {
  title: string;
  description: string;
  /** BCP 47 language tag of the feed, e.g. zh-CN or en. */
  language: string;
  homeUrl: string;
  urls: { rss: string; atom: string; json: string };
  copyright: string;
  items: readonly FeedItemInput[];
}

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_MEDIA_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/**
 * Atom's `type="html"` title and summary and RSS's description are HTML to a feed
 * reader: a name is escaped there, so `<script>` in it stays text. RSS titles and JSON
 * Feed fields are plain text and stay as they are.
 */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function build(input: FeedInput, format: FeedFormat): Feed {
  const updated = input.items.reduce((latest, item) => (item.updated > latest ? item.updated : latest), new Date(0));
  const feed = new Feed({
    id: input.urls.atom,
    title: input.title,
    description: input.description,
    link: input.homeUrl,
    language: input.language,
    updated: input.items.length === 0 ? new Date(0) : updated,
    copyright: input.copyright,
    generator: 'greenlist',
    feedLinks: { rss: input.urls.rss, atom: input.urls.atom, json: input.urls.json },
  });
  for (const item of input.items) {
    feed.addItem({
      id: item.url,
      guid: item.url,
      link: item.url,
      title: format === 'atom' ? escapeHtml(item.title) : item.title,
      description: format === 'json' ? item.summary : escapeHtml(item.summary),
      date: item.updated,
      published: item.published,
      author: [{ name: item.author }],
      category: item.categories.map((name) => ({ name })),
    });
  }
  return feed;
}

function jsonFeed11(feed: Feed, input: FeedInput): string {
  const document = JSON.parse(feed.json1()) as Record<string, unknown> & { items: Record<string, unknown>[] };
  document.version = 'https://jsonfeed.org/version/1.1';
  document.language = input.language;
  for (const item of document.items) {
    if (item.author !== undefined) {
      item.authors = [item.author];
      delete item.author;
    }
    // No full text is published in feeds: the summary is the content, as plain text.
    if (typeof item.content_html === 'string') {
      item.content_text = item.content_html;
      delete item.content_html;
    }
  }
  return JSON.stringify(document, null, 2);
}

export function renderFeed(input: FeedInput, format: FeedFormat): string {
  const feed = build(input, format);
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  return jsonFeed11(feed, input);
}
