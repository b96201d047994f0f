import type { FastifyRequest } from 'fastify';

/** Actions whose body is all optional may be posted without one: validate it as `{}`. */
export async function emptyBodyAsObject(request: FastifyRequest): Promise<void> {
  request.body ??= {};
}
