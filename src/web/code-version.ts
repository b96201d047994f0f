/**
 * A digest of the code and reviewed data this server runs (every file under src/ and
 * frameworks/, by path and content). Pages' ETags include it, so new code means new
 * validators, while processes and servers running the same release agree on them: a
 * revalidation that a load balancer sends to another process still gets its 304.
 * Computed once, on first use (about 600 files, a few milliseconds).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIRECTORIES = ['src', 'frameworks'];

function filesUnder(directory: string, out: string[]): string[] {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) filesUnder(path, out);
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

let digest: string | undefined;

export function codeVersion(): string {
  if (digest === undefined) {
    const hash = createHash('sha256');
    const files = DIRECTORIES.flatMap((name) => filesUnder(join(ROOT, name), [])).sort();
    for (const file of files) hash.update(relative(ROOT, file)).update('\u0000').update(readFileSync(file)).update('\u0000');
    digest = hash.digest('base64url').slice(0, 16);
  }
  return digest;
}
