/**
 * One mapping from failures to responses: AppError by its code table, Fastify's own
 * 4xx errors (schema validation, bad JSON, size limits) to the same codes, and
 * everything else to a logged 500 that never shows a stack trace.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_CODES, type ErrorCode } from '../domain/errors.ts';
import { renderErrorPage } from '../web/pages/error-page.tsx';
import { pointerToPath } from '../domain/json-pointer.ts';

function fromFastifyError(error: FastifyError): AppError {
  if (error.validation !== undefined && error.validation.length > 0) {
    const first = error.validation[0]!;
    const params = first.params as Record<string, unknown>;
    const missing = typeof params?.missingProperty === 'string' ? params.missingProperty : undefined;
    const extra = typeof params?.additionalProperty === 'string' ? params.additionalProperty : undefined;
    const base = pointerToPath(first.instancePath ?? '');
    const leaf = missing ?? extra;
    const path = [error.validationContext ?? 'body', base, leaf].filter((p) => p !== undefined && p !== '').join('.').replace(/\.\[/g, '[');
    const reason = missing !== undefined ? 'is required' : extra !== undefined ? 'is not an accepted field' : (first.message ?? 'is invalid');
    return new AppError('VALIDATION', `${path}: ${reason}`, { path });
  }
  const status = error.statusCode ?? 500;
  const byStatus: Record<number, ErrorCode> = { 400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 406: 'BAD_REQUEST', 409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'RATE_LIMITED' };
  const code = byStatus[status];
  if (code !== undefined) return new AppError(code, error.message);
  return new AppError('INTERNAL', 'Internal error', { cause: error });
}

/**
 * A value its column cannot hold — an id beyond the integer range, an offset past 2^63 —
 * is refused by PostgreSQL (SQLSTATE class 22, data exception) and by SQLite
 * (SQLITE_MISMATCH); either way the request named something that cannot exist: a 400,
 * not a 500. Found by the fuzzer (path parameters, query strings).
 */
function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_MISMATCH') return true;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code) && (error as { severity?: unknown }).severity !== undefined;
}

function wantsHtml(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/') || request.url === '/healthz' || request.url.endsWith('.json') || request.url.endsWith('.xml')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const message = error.code === 'INTERNAL' ? `Internal error (request ${request.id})` : error.message;
  if (wantsHtml(request)) {
    return reply.status(error.status).type('text/html; charset=utf-8').send(renderErrorPage({ lang: request.lang, status: error.status, code: error.code, message }).html);
  }
  const body: { error: { code: ErrorCode; message: string; path?: string; details?: unknown } } = { error: { code: error.code, message } };
  if (error.path !== undefined) body.error.path = error.path;
  if (error.details !== undefined && error.code !== 'INTERNAL') body.error.details = error.details;
  return reply.status(error.status).send(body);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((raw, request, reply) => {
    const error = raw instanceof AppError ? raw : isDataException(raw) ? new AppError('BAD_REQUEST', 'A value is out of range or malformed / 数值超出范围或格式错误') : fromFastifyError(raw as FastifyError);
    if (error.code === 'INTERNAL' || ERROR_CODES[error.code].status >= 500) request.log.error({ err: raw }, 'request failed');
    return sendError(request, reply, error);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('NOT_FOUND', `No page or route at ${request.method} ${request.url.split('?')[0]}`)));
}
