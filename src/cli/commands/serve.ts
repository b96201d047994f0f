import { loadConfig } from '../../config/env.ts';
import { buildApp } from '../../http/app.ts';
import { migrate } from '../../store/migrate.ts';
import { openStore } from '../../store/store.ts';
import { seedDemoIfEmpty } from '../../commands/seed/seed-demo.ts';
import { syncFrameworks } from '../../commands/frameworks/sync-frameworks.ts';
import { bindServerSecret } from '../../commands/certificates/server-secret.ts';
import type { CliCommand } from './command.ts';
import { startJobLoop } from '../../commands/jobs/job-runner.ts';
import '../../commands/jobs/handlers.ts';
import { optionString } from '../arguments.ts';

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [--port N]',
  summary: 'migrate, load the demo data into an empty embedded database, and serve HTTP',
  async run(args) {
    const config = loadConfig(optionString(args, 'port') === undefined ? process.env : { ...process.env, PORT: optionString(args, 'port') });
    const store = openStore(config.database);
    bindServerSecret(store, config.secret);
    const migrations = await migrate(store);
    await syncFrameworks(store);
    const seeded = await seedDemoIfEmpty(store, config);
    const app = await buildApp({ config, store });
    app.log.info({ database: config.database.kind, migrations: migrations.applied, demoSeeded: seeded, secret: config.secretSource, files: config.s3 === undefined ? 'local disk' : `bucket ${config.s3.bucket}` }, 'greenlist starting');
    const stopJobs = startJobLoop(store, { onError: (error) => app.log.error({ err: error }, 'job loop failed') });
    const shutdown = async (signal: string) => {
      app.log.info({ signal }, 'shutting down');
      await stopJobs();
      await app.close();
      await store.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen({ port: config.port, host: config.host });
    return new Promise<number>(() => {});
  },
};
