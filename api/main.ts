import { configFromEnv } from './config';
import { createApp } from './index';

/** The only module that reads process.env, listens and exits. */
async function main(): Promise<void> {
  const app = await createApp(configFromEnv(process.env));
  const url = await app.listen();
  app.logger.info({ url, graphql: `${url}/graphql`, database: app.config.databaseUrl ? 'postgres' : app.config.sqlitePath }, 'Backstory is listening');
  app.logger.info({ url: `${app.config.publicUrl}/examples/news-page/` }, 'example news page embedding a box');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down: finishing in-flight requests');
    app.close().then(
      () => process.exit(0),
      (error) => {
        app.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error) => {
  // pino may not exist yet: the store could not open.
  console.error('[backstory] failed to start:', error);
  process.exit(1);
});
