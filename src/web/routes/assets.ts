/** The stylesheet and htmx, served with long-lived caching and a content hash in the ETag. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

function asset(path: string, type: string) {
  const body = readFileSync(path);
  return { body, type, etag: '"' + createHash('sha256').update(body).digest('base64url').slice(0, 16) + '"' };
}

export async function registerAssetRoutes(app: FastifyInstance): Promise<void> {
  const assets: Record<string, ReturnType<typeof asset>> = {
    'site.css': asset(new URL('../assets/site.css', import.meta.url).pathname, 'text/css; charset=utf-8'),
    'htmx.min.js': asset(require.resolve('htmx.org/dist/htmx.min.js'), 'text/javascript; charset=utf-8'),
    'workspace-upload.js': asset(new URL('../assets/workspace-upload.js', import.meta.url).pathname, 'text/javascript; charset=utf-8'),
  };
  app.get<{ Params: { name: string } }>('/assets/:name', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    // Own names only: `/assets/toString` once found the object's prototype (a 500; found by the fuzzer).
    const found = Object.hasOwn(assets, request.params.name) ? assets[request.params.name] : undefined;
    if (found === undefined) return reply.callNotFound();
    reply.header('cache-control', 'public, max-age=3600').header('etag', found.etag).type(found.type);
    if (request.headers['if-none-match'] === found.etag) return reply.status(304).send();
    return reply.send(found.body);
  });
}
