import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { createUser } from '../../../commands/users/create-user.ts';
import { listUsers } from '../../../commands/users/list-users.ts';
import { requireUser } from '../../auth.ts';

const CreateUserBody = Type.Object({
  email: Type.String({ maxLength: 200, examples: ['reviewer@jiangxi.example'] }),
  displayName: Type.String({ minLength: 2, maxLength: 100, examples: ['江西省审核员'] }),
  password: Type.String({ minLength: 10, maxLength: 200 }),
  role: Type.Union(['admin', 'national', 'province', 'city', 'evaluator', 'expert', 'enterprise'].map((r) => Type.Literal(r))),
  authorityId: Type.Optional(Type.Integer()),
  enterpriseId: Type.Optional(Type.Integer()),
  evaluatorOrgId: Type.Optional(Type.Integer()),
});

export async function registerUserRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { q?: string } }>(
    '/api/v1/users',
    { config: { access: { action: 'read-users', subject: 'authority' } }, schema: { tags: ['admin'], summary: 'Users with a role in the administrator’s region', querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }) } },
    async (request) => ({ users: await listUsers(app.context.store, await requireUser(request), request.query.q ? { query: request.query.q } : {}) }),
  );
  app.post(
    '/api/v1/users',
    { config: { access: { action: 'manage-users', subject: 'authority' } }, schema: { tags: ['admin'], summary: 'Create a user with one role in an authority, enterprise or evaluator organisation of the administrator’s region', body: CreateUserBody } },
    async (request, reply) => reply.status(201).send(await createUser(app.context.store, await requireUser(request), request.body as never)),
  );
}
