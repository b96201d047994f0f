/**
 * /lists at national scale holds hundreds of batches (7 national batches, 31 provinces and
 * their cities publishing yearly); the page shows the latest 12 above the entries and links
 * to all of them (`?batches=all`), which keeps the page a size people and caches handle.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { LATEST_BATCHES } from '../../src/web/pages/lists/lists-page.tsx';

const batchRows = (html: string) => {
  const section = html.slice(html.indexOf('id="batches-heading"'), html.indexOf('id="entries-heading"'));
  return [...section.matchAll(/<a href="\/(?:en\/)?lists\/([^"?]+)">/g)].map((m) => m[1]!);
};

for (const dialect of DIALECTS) {
  describe(`the batches on /lists, ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let published: number;
    before(async () => {
      t = await startTestApp(dialect, {
        prepare: async (store) => {
          await seedDemo(store, { today: '2026-11-30' });
          const template = await store.db.selectFrom('batches').selectAll().where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
          // Twenty older provincial-style batches, published 2001-01-01 … 2001-01-20.
          for (let i = 1; i <= 20; i++) {
            const { id: _id, ...rest } = template;
            await store.db.insertInto('batches').values({ ...rest, slug: `extra-${i}`, name_zh: `附加批次${i}`, name_en: `Extra batch ${i}`, year: 2001, published_on: `2001-01-${String(i).padStart(2, '0')}` }).execute();
          }
        },
      });
      published = Number((await t.store.db.selectFrom('batches').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow()).n);
    });
    after(() => t?.close());

    test('the latest 12 are shown, newest first, with a link to all of them', async () => {
      assert.ok(published > 20 && published > LATEST_BATCHES, `demo batches plus 20 extra, got ${published}`);
      const page = await t.app.inject({ method: 'GET', url: '/lists' });
      const shown = batchRows(page.body);
      assert.equal(shown.length, LATEST_BATCHES);
      // The demo's batches are all newer than 2001; the newest of the extra ones fill the rest.
      const demo = published - 20;
      assert.ok(shown.slice(0, demo).every((slug) => !slug.startsWith('extra-')), shown.join(','));
      assert.deepEqual(shown.slice(demo), Array.from({ length: LATEST_BATCHES - demo }, (_, i) => `extra-${20 - i}`));
      assert.match(page.body, new RegExp(`当前显示最近 12 个批次，查看全部 ${published} 个批次`));
      assert.match(page.body, /href="\/lists\?batches=all"/);
      const all = await t.app.inject({ method: 'GET', url: '/lists?batches=all' });
      const every = batchRows(all.body);
      assert.equal(every.length, published);
      assert.deepEqual(every.slice(-3), ['extra-3', 'extra-2', 'extra-1']);
      assert.doesNotMatch(all.body, /查看全部/);
      const english = await t.app.inject({ method: 'GET', url: '/en/lists' });
      assert.match(english.body, new RegExp(`Showing the latest 12; see all ${published} batches`));
      assert.match(english.body, /href="\/en\/lists\?batches=all"/);
    });

    test('a filter keeps its values on the link, and counts only its batches', async () => {
      const page = await t.app.inject({ method: 'GET', url: '/lists?year=2001' });
      assert.equal(batchRows(page.body).length, LATEST_BATCHES);
      assert.match(page.body, /href="\/lists\?year=2001&amp;batches=all"/);
      assert.match(page.body, /查看全部 20 个批次/);
    });
  });
}
