/** Small helpers for HTTP tests: cookies across injected requests, form bodies, signing in. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now())) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** The value of a hidden `_csrf` input in a rendered page. */
export function csrfFromPage(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no _csrf field in the page');
  return match[1]!;
}

/** Signs in through the JSON API; returns the cookie header and CSRF token for later requests. */
export async function apiLogin(app: FastifyInstance, email: string, password = 'greenlist-demo'): Promise<{ cookie: string; csrf: string; headers: Record<string, string> }> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login ${email} failed: ${response.statusCode} ${response.body}`);
  const session = response.cookies.find((c) => c.name === 'gl_session')!;
  const cookie = `gl_session=${session.value}`;
  const csrf = response.json().csrfToken as string;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
