import { z } from 'zod';
import { env, parseConfig } from '../../../libs/runtime/src';

const schema = z.object({
  TEMPORAL_ADDRESS: env.temporalAddress,
  TEMPORAL_NAMESPACE: env.namespace,
  TASK_QUEUE: z.string().min(1).default('decisions'),
  DATABASE_URL: env.databaseUrl,
  DB_MIGRATE: env.bool(true),
  WORKFLOW_BUNDLE: z.string().min(1).optional().describe('path of a prebuilt workflow bundle (production images)'),
  LOG_LEVEL: env.logLevel,
});

export type WorkerConfig = z.infer<typeof schema>;

export function loadWorkerConfig(source: Record<string, string | undefined>): WorkerConfig {
  return parseConfig(schema, source);
}
