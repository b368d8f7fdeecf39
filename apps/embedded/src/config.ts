import { z } from 'zod';
import { isIP } from 'node:net';
import { env, parseConfig } from '../../../libs/runtime/src';
import { staffPasswordProblem } from '../../../libs/domain/src/accounts/staff-password';
import { DEMO_ACCOUNTS } from '../../../libs/persistence/src/accounts/demo-seed';

/** DEMO_PASSWORD follows the staff password rule for every demo username (admin included). */
const demoPassword = z.string().superRefine((password, context) => {
  const problem = DEMO_ACCOUNTS.map(({ username }) => staffPasswordProblem(username, password)).find(
    (found) => found !== undefined,
  );
  if (problem)
    context.addIssue({
      code: 'custom',
      message: `refused by the staff password rule (${problem}): at least 12 characters, not common, not made from a username`,
    });
});

/** Whether the launcher binds to this machine only: the only case demo accounts are seeded (they are known to everyone). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
}

const schema = z.object({
  PORT: env.port(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  /** When set, the apps use this Temporal and no dev server is started. */
  TEMPORAL_ADDRESS: env.hostPort.optional(),
  TEMPORAL_NAMESPACE: env.namespace,
  TEMPORAL_PORT: env.port(7233),
  TEMPORAL_UI_PORT: env.port(8233),
  /** The local mail sink's port when SMTP_URL is not set (0: any free port). */
  MAIL_SINK_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
  DATABASE_URL: z.string().min(1).optional(),
  DEMO_PASSWORD: demoPassword.optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: env.logLevel,
  /** The transparency log's key; by default generated once into DATA_DIR/tlog-signing-key. */
  TLOG_SIGNING_KEY: z.string().min(1).optional(),
  /** The origin (key name) of a generated transparency log key: a schema-less URL naming this log. */
  TLOG_ORIGIN: z
    .string()
    .regex(/^[^\s+]+$/, 'must have no spaces or plus signs')
    .default('open-decision.local/log'),
});

export type EmbeddedConfig = z.infer<typeof schema>;

export function loadEmbeddedConfig(source: Record<string, string | undefined>): EmbeddedConfig {
  return parseConfig(schema, source);
}
