import { ConfigError } from '../../../libs/runtime/src';
import { serveGateway } from './serve';

/**
 * The gateway process. The Temporal connection is lazy so that public reads keep working while
 * Temporal is down (staff actions then answer 503 TEMPORAL_UNAVAILABLE, or OUTCOME_UNKNOWN past the bound). SIGINT/SIGTERM close HTTP, then Temporal, then the
 * database.
 */
async function main(): Promise<void> {
  const gateway = await serveGateway(process.env);
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    gateway.log.info('gateway stopping', { signal });
    await gateway.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, (s) => void stop(s));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
