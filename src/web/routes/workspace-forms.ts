/**
 * What every workspace route does the same way: sign-in first, the frame (navigation,
 * the message a redirect left), form fields and uploads read from the body, numeric path
 * parameters, and a form's command run so that a user's mistake shows the page again
 * with the message (and its status code) while a refusal or a fault goes to the error page.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserActor } from '../../domain/actors/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { localPath } from '../i18n/language.ts';
import { pageContext } from '../page-context.ts';
import type { WorkspaceFrameContext } from '../pages/workspace/shared/workspace-frame.tsx';
import { requireWebUser } from '../workspace-auth.ts';
import { sectionsFor } from '../workspace-sections.ts';

export type FormFields = Record<string, string>;

export async function frameOf(request: FastifyRequest, actor: UserActor): Promise<WorkspaceFrameContext> {
  const done = (request.query as { done?: unknown } | undefined)?.done;
  return { page: await pageContext(request), nav: sectionsFor(actor), done: typeof done === 'string' && /^[A-Za-z]+$/.test(done) ? done : undefined };
}

/** Text fields of a urlencoded or multipart (attachFieldsToBody) body; repeated names keep every value, comma-joined. */
export function fieldsOf(body: unknown): FormFields {
  const fields: FormFields = {};
  for (const [key, raw] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => (typeof v === 'string' ? v : v !== null && typeof v === 'object' && 'value' in v && typeof (v as { value: unknown }).value === 'string' ? (v as { value: string }).value : undefined)).filter((v): v is string => v !== undefined);
    if (values.length > 0) fields[key] = values.join(',');
  }
  return fields;
}

/** Every value of a repeated field (checkbox lists), as numbers. */
export function idsOf(body: unknown, name: string): number[] {
  const raw = ((body ?? {}) as Record<string, unknown>)[name];
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((v) => (typeof v === 'string' ? v : (v as { value?: unknown })?.value));
  return values.map(Number).filter((n) => Number.isInteger(n) && n > 0);
}

interface UploadedPart {
  filename?: string;
  mimetype?: string;
  toBuffer?: () => Promise<Buffer>;
}

/** The file of a multipart field, or undefined when none was chosen. */
export async function uploadedFile(body: unknown, name: string): Promise<{ bytes: Buffer; name: string; mediaType: string } | undefined> {
  const part = ((body ?? {}) as Record<string, UploadedPart | undefined>)[name];
  if (part === undefined || typeof part.toBuffer !== 'function' || !part.filename) return undefined;
  const bytes = await part.toBuffer();
  return bytes.length === 0 ? undefined : { bytes, name: part.filename, mediaType: part.mimetype ?? '' };
}

/** A numeric path parameter; anything else is no such page. */
export function idParam(request: FastifyRequest, name: string): number {
  const value = (request.params as Record<string, string | undefined>)[name];
  if (value === undefined || !/^\d{1,12}$/.test(value)) throw new AppError('NOT_FOUND', `No page at ${request.url.split('?')[0]}`);
  return Number(value);
}

export function optionalNumber(value: string | undefined): number | undefined {
  return value === undefined || value.trim() === '' || !Number.isFinite(Number(value)) ? undefined : Number(value);
}

export function here(request: FastifyRequest, path: string, done?: string): string {
  return localPath(request.lang, done === undefined ? path : `${path}${path.includes('?') ? '&' : '?'}done=${done}`);
}

/** A user's mistake in a form (shown beside it) as against a refusal or a fault (the error page). */
export function isFormMistake(error: unknown): error is AppError {
  return error instanceof AppError && error.status < 500 && !['FORBIDDEN', 'UNAUTHENTICATED', 'CSRF', 'NOT_FOUND'].includes(error.code);
}

/**
 * Signs in, runs the form's work and redirects (303) where it says; a mistake renders
 * the page again through `onMistake` with the error's status.
 */
export async function submitForm(request: FastifyRequest, reply: FastifyReply, work: (actor: UserActor) => Promise<string>, onMistake: (actor: UserActor, error: AppError) => Promise<unknown>): Promise<unknown> {
  const actor = await requireWebUser(request, reply);
  if (actor === undefined) return reply;
  try {
    return reply.redirect(await work(actor), 303);
  } catch (error) {
    if (!isFormMistake(error)) throw error;
    reply.status(error.status);
    return onMistake(actor, error);
  }
}
