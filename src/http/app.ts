/**
 * Builds the Fastify application: plugins, security headers, the error mapping, the
 * OpenAPI document, the JSON API and the server-rendered site. Handlers stay thin:
 * validate → load → authorize → command → present.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config/env.ts';
import type { Store } from '../store/store.ts';
import { fileStoreFor, type FileStore } from '../store/files/file-store.ts';
import { registerErrorHandling, sendError } from './errors.ts';
import { AppError } from '../domain/errors.ts';
import { registerApiRoutes } from './routes/index.ts';
import { registerWebRoutes } from '../web/routes/index.ts';
import { languageFromUrl, stripLanguagePrefix } from '../web/i18n/language.ts';
import { ERROR_CODE_TABLE_MARKDOWN } from './error-table.ts';
import { registerCsrfCheck } from './auth.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerAccessControl } from './access.ts';

export interface AppContext {
  config: Config;
  store: Store;
  /** Evidence files, one store per app: the configured bucket or the data directory. */
  files: FileStore;
}

declare module 'fastify' {
  interface FastifyInstance {
    context: AppContext;
  }
}

export type App = FastifyInstance;

function firstValues(text: string): Record<string, string> {
  const query: Record<string, string> = Object.create(null);
  for (const [key, value] of new URLSearchParams(text)) if (!(key in query)) query[key] = value;
  return query;
}

/** `files` defaults to the store the configuration names (fileStoreFor). */
export async function buildApp(options: Omit<AppContext, 'files'> & { files?: FileStore }): Promise<FastifyInstance> {
  const context: AppContext = { ...options, files: options.files ?? fileStoreFor(options.config) };
  const app = Fastify({
    logger: context.config.logLevel === 'silent' ? false : { level: context.config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
    // /en/… serves the same pages in English; the prefix is dropped before routing and
    // the language is read back from the original URL (web/i18n/language.ts).
    rewriteUrl: (request) => stripLanguagePrefix(request.url ?? '/'),
    ajv: { customOptions: { allErrors: false, coerceTypes: 'array', removeAdditional: false } },
    // A repeated query key keeps its first value: no route takes a list in its query
    // string, and the pages read strings (`?batch=&batch=x` was a 500; found by the fuzzer).
    routerOptions: { querystringParser: firstValues },
    // The router's own refusals (a malformed URL, a path parameter over 100 characters)
    // answer in the documented error shape, not Fastify's (found by the fuzzer).
    frameworkErrors: (_error, request, reply) => {
      request.lang = languageFromUrl(request.url ?? '/');
      return sendError(request, reply, new AppError('BAD_REQUEST', 'The address is malformed or too long / 请求地址无效或过长'));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('context', context);
  app.decorateRequest('lang', 'zh-CN');
  app.addHook('onRequest', async (request) => {
    request.lang = languageFromUrl(request.originalUrl);
  });

  registerSecurityHeaders(app);
  await app.register(cookie, { secret: context.config.secret });
  await app.register(formbody);
  await app.register(rateLimit, { global: false });
  // After the cookie parser (the access check reads the session), before any route.
  registerAccessControl(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'greenlist API',
        version: '1',
        description: 'The open platform for the green-manufacturing (绿色工厂) programme.\n\nErrors are `{ "error": { "code", "message", "path"? } }`.\n\n' + ERROR_CODE_TABLE_MARKDOWN,
      },
      servers: [{ url: context.config.publicUrl }],
      tags: [
        { name: 'system', description: 'Health and metadata' },
        { name: 'public', description: 'Lists, enterprises, batches and counts anyone may read' },
        { name: 'auth', description: 'Sign-in and sessions' },
        { name: 'admin', description: 'Users, roles and administration' },
        { name: 'certificates', description: 'Signed certificates, their verification and the published keys' },
        { name: 'ehs', description: 'The enterprise EHS register: LDAR, hidden dangers, violations, emissions monitoring and accidents ("Four Zero")' },
        { name: 'webhooks', description: 'Signed webhook subscriptions and their delivery log' },
        { name: 'engine', description: 'KPIs, scoring and the indicator frameworks (GB/T 36132-2018 and -2025)' },
      ],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    transformStaticCSP: (header) => header,
  });

  registerErrorHandling(app);
  registerCsrfCheck(app);
  app.get('/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
  await app.register(registerApiRoutes);
  await app.register(registerWebRoutes);
  return app;
}
