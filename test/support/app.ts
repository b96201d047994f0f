/** A running application over a fresh test store, for HTTP tests (Fastify inject or a real port). */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import type { Config } from '../../src/config/env.ts';
import type { TestDialect, TestStore } from './stores.ts';

export interface TestApp {
  app: FastifyInstance;
  store: TestStore;
  config: Config;
  close(): Promise<void>;
}

export function testConfig(store: TestStore, overrides: Partial<Config> = {}): Config {
  return {
    database: store.config,
    port: 0,
    host: '127.0.0.1',
    secret: 'test-secret-test-secret-test-secret-0123',
    secretSource: 'environment',
    logLevel: 'silent',
    dataDirectory: '/tmp',
    demo: false,
    publicUrl: 'http://localhost:3000',
    ...overrides,
  };
}

export async function startTestApp(dialect: TestDialect, options: { prepare?: (store: TestStore) => Promise<void>; config?: Partial<Config> } = {}): Promise<TestApp> {
  const store = await dialect.open();
  try {
    await options.prepare?.(store);
    const config = testConfig(store, options.config);
    const app = await buildApp({ config, store });
    await app.ready();
    return {
      app,
      store,
      config,
      async close() {
        await app.close();
        await store.dispose();
      },
    };
  } catch (error) {
    await store.dispose();
    throw error;
  }
}
