import { z } from 'zod';
import { env, parseConfig } from '../../../libs/runtime/src';
import { parseSignerKey } from '../../../libs/transparency/src';

/** A C2SP note signer key (`PRIVATE+KEY+<origin>+<hash>+<key>`); its name is the log's origin. */
const signerKey = z.string().superRefine((value, context) => {
  try {
    parseSignerKey(value);
  } catch {
    context.addIssue({
      code: 'custom',
      message: 'must be a note signer key: PRIVATE+KEY+<origin>+<hash>+<base64 key>',
    });
  }
});

const schema = z.object({
  TEMPORAL_ADDRESS: env.temporalAddress,
  TEMPORAL_NAMESPACE: env.namespace,
  TASK_QUEUE: z.string().min(1).default('decisions'),
  DATABASE_URL: env.databaseUrl,
  DB_MIGRATE: env.bool(true),
  WORKFLOW_BUNDLE: z.string().min(1).optional().describe('path of a prebuilt workflow bundle (production images)'),
  LOG_LEVEL: env.logLevel,
  TLOG_SIGNING_KEY: signerKey.optional().describe('the transparency log key; without it no checkpoint is signed'),
  TLOG_CHECKPOINT_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Where notification mail goes; unset or empty: none is sent (the outbox waits). */
  SMTP_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')
      .optional(),
  ),
  /**
   * Running workflows kept in memory (ADR 0128); unset: sized from the heap (`workflowCacheSize`). 0 keeps none:
   * every workflow task replays its history.
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).optional(),
  MAIL_FROM: z.string().min(3).default('Open Decision <no-reply@localhost>'),
  MAIL_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
  PUBLIC_BASE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'must be an absolute http(s) URL')
    .default('http://127.0.0.1:3000')
    .describe("the gateway's public address, for the links in mail"),
});

export type WorkerConfig = z.infer<typeof schema>;

export function loadWorkerConfig(source: Record<string, string | undefined>): WorkerConfig {
  return parseConfig(schema, source);
}
