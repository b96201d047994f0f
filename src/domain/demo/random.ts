/**
 * A small seeded PRNG (mulberry32) and helpers, so demo data and generated codes are
 * byte-identical for the same seed on every machine. Not for anything secret.
 */

/** Returns a float in [0, 1). */
export type Random = () => number;

/** mulberry32 (Tommy Ettinger's 32-bit generator): fast, full 2^32 period per seed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a 32-bit hash of a string: a stable seed derived from a key ("ent-0001/2024"). */
export function seedFrom(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** An integer in [min, max], both inclusive. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A float in [min, max). */
export function randomBetween(random: Random, min: number, max: number): number {
  return min + random() * (max - min);
}

/** One element of a non-empty list. */
export function pickOne<T>(random: Random, list: readonly T[]): T {
  if (list.length === 0) throw new RangeError('pickOne needs a non-empty list');
  return list[Math.floor(random() * list.length)] as T;
}

/** One element, chosen with probability proportional to its weight. */
export function pickWeighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = entries.at(-1);
  if (!last) throw new RangeError('pickWeighted needs a non-empty list');
  return last[0];
}

/** A shuffled copy (Fisher–Yates), the same order for the same generator state. */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
