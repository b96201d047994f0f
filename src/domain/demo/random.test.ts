import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom, pickOne, pickWeighted, randomInt, seedFrom } from './random.ts';

test('the same seed gives the same sequence; another seed another one', () => {
  const take = (seed: number) => {
    const random = createRandom(seed);
    return Array.from({ length: 5 }, () => random());
  };
  assert.deepEqual(take(42), take(42));
  assert.notDeepEqual(take(42), take(43));
});

test('values lie in [0, 1) and are spread evenly (fixed seed, 10 000 draws)', () => {
  const random = createRandom(7);
  const buckets = new Array<number>(10).fill(0);
  for (let i = 0; i < 10_000; i += 1) {
    const value = random();
    assert.ok(value >= 0 && value < 1);
    buckets[Math.floor(value * 10)] = (buckets[Math.floor(value * 10)] ?? 0) + 1;
  }
  // Each bucket expects 1 000; ±150 is about 5 standard deviations (σ = 30).
  for (const count of buckets) assert.ok(count > 850 && count < 1150, String(count));
});

test('randomInt covers both bounds and nothing outside them', () => {
  const random = createRandom(1);
  const seen = new Set<number>();
  for (let i = 0; i < 1000; i += 1) seen.add(randomInt(random, 3, 6));
  assert.deepEqual([...seen].sort(), [3, 4, 5, 6]);
});

test('seedFrom is FNV-1a: the empty string hashes to the offset basis', () => {
  assert.equal(seedFrom(''), 0x811c9dc5);
  // FNV-1a("a") = 0xe40c292c, the published test vector.
  assert.equal(seedFrom('a'), 0xe40c292c);
});

test('pickOne and pickWeighted', () => {
  const random = createRandom(3);
  assert.throws(() => pickOne(random, []));
  assert.equal(pickWeighted(random, [['never', 0], ['always', 1]]), 'always');
});
