/**
 * The server secret seals certificate signing keys and webhook secrets at rest. Commands
 * receive a Store, and domain-event subscribers run inside someone else's command, so the
 * secret is bound to the store once at boot (`bindServerSecret`, done by the HTTP app when
 * it registers the certificate routes). A store nobody bound — a CLI command, a test that
 * publishes without an app — falls back to the process configuration, read the same way
 * the server reads it at boot (GREENLIST_SECRET, else data/secret).
 */
import { loadConfig } from '../../config/env.ts';
import type { Store } from '../../store/store.ts';

const BOUND = new WeakMap<Store, string>();
let fromEnvironment: string | undefined;

export function bindServerSecret(store: Store, secret: string): void {
  BOUND.set(store, secret);
}

export function serverSecretOf(store: Store): string {
  const bound = BOUND.get(store);
  if (bound !== undefined) return bound;
  fromEnvironment ??= loadConfig().secret;
  return fromEnvironment;
}
