import pino from 'pino';
import { configFromEnv } from './config';
import { createApp } from './index';

/** The only module that reads process.env, listens and exits. */
async function main(): Promise<void> {
  const app = await createApp(configFromEnv(process.env));
  // Ours from before the first request: a SIGTERM must never find the default handler, which exits at once.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down: finishing in-flight requests');
    // Past the grace period, closing the store cannot take long; a hang here must not outlive the deploy.
    setTimeout(() => {
      app.logger.error('shutdown did not finish in time');
      process.exit(1);
    }, app.config.shutdownGraceMs + 5_000).unref();
    app.close().then(
      // The last lines may still be on their way to a slow reader of stdout.
      () => app.logger.flush(() => process.exit(0)),
      (error) => {
        app.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  const url = await app.listen();
  const where = {
    api: `${url}/graphql`,
    example: `${app.config.publicUrl}/examples/news-page/`,
    explorer: `${app.config.publicUrl}/explorer`,
  };
  app.logger.info({ url, graphql: where.api, database: app.config.databaseUrl ? 'postgres' : app.config.sqlitePath }, 'Backstory is listening');
  app.logger.info({ url: where.example }, 'example news page embedding a box');
  if (app.config.explorer) app.logger.info({ url: where.explorer }, 'GraphQL explorer');
  // Someone at a terminal gets the addresses plainly; a log collector gets only the JSON lines.
  if (process.stdout.isTTY) {
    const explorer = app.config.explorer ? where.explorer : `off (EXPLORER=true or NODE_ENV=development serves it at ${where.explorer})`;
    const lines = `\nBackstory is running.\n  API       ${where.api}\n  Example   ${where.example}\n  Explorer  ${explorer}\n\n`;
    // Through pino's own stream, so that they come after the log lines it may still be holding.
    (app.logger as unknown as Record<symbol, { write(text: string): void }>)[pino.symbols.streamSym].write(lines);
  }
}

main().catch((error) => {
  // pino may not exist yet: the store could not open.
  console.error('[backstory] failed to start:', error);
  process.exit(1);
});
