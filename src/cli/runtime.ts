/** Opens the configured store for a CLI command, migrated, and closes it afterwards. */
import { loadConfig, type Config } from '../config/env.ts';
import { migrate } from '../store/migrate.ts';
import { openStore, type Store } from '../store/store.ts';
import { bindServerSecret } from '../commands/certificates/server-secret.ts';

export async function withStore<T>(work: (store: Store, config: Config) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const store = openStore(config.database);
  try {
    bindServerSecret(store, config.secret);
    if (options.migrate !== false) await migrate(store);
    return await work(store, config);
  } finally {
    await store.close();
  }
}
