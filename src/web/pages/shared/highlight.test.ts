import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlight, occursIn } from './highlight.ts';

test('the match is marked, case-insensitively, every time it occurs', () => {
  assert.equal(highlight('江西蓝星星火有机硅有限公司', '星火').html, '江西蓝星<mark>星火</mark>有机硅有限公司');
  assert.equal(highlight('Jiangxi Bluestar Xinghuo Organic Silicone', 'xinghuo').html, 'Jiangxi Bluestar <mark>Xinghuo</mark> Organic Silicone');
  // 星 occurs twice in 蓝星星火: both are marked, side by side.
  assert.equal(highlight('蓝星星火', '星').html, '蓝<mark>星</mark><mark>星</mark>火');
  // Full-width query letters normalise (NFKC) to the ASCII the name holds.
  assert.equal(highlight('ABC Chemicals', 'ａｂｃ').html, '<mark>ABC</mark> Chemicals');
});

test('names are escaped, and no match leaves the text unmarked', () => {
  assert.equal(highlight('<b>A&B</b>', 'a&b').html, '&lt;b&gt;<mark>A&amp;B</mark>&lt;/b&gt;');
  assert.equal(highlight('江西蓝星星火有机硅有限公司', 'xinghuo').html, '江西蓝星星火有机硅有限公司');
  assert.equal(highlight('江西', '').html, '江西');
  assert.equal(occursIn('江西蓝星星火', '星火'), true);
  assert.equal(occursIn('江西蓝星星火', 'xh'), false);
});
