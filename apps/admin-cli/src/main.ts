#!/usr/bin/env node
import { createInterface } from 'node:readline';
import { databaseConfigFrom, openDatabase } from '../../../libs/persistence/src';
import { ConfigError, env } from '../../../libs/runtime/src';
import { parseAdminCommandLine, USAGE } from './args';
import { createAdminProblem, createFirstAdmin } from './create-admin';

export const PASSWORD_ENV = 'OPEN_DECISION_ADMIN_PASSWORD';

/** The password from the environment, else the first line of standard input; never printed or logged. */
async function readPassword(): Promise<string> {
  const fromEnv = process.env[PASSWORD_ENV];
  if (fromEnv !== undefined) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('Password (at least 12 characters): ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

function refuse(code: string): number {
  process.stderr.write(`open-decision: refused: ${code}\n`);
  return 1;
}

/**
 * `open-decision create-admin --username <name>`: the first administrator of a deployment in production
 * mode (docs/operations.md, "The first administrator"). Migrates the database first, as the gateway does,
 * unless DB_MIGRATE=false.
 */
async function main(argv: readonly string[]): Promise<number> {
  const command = parseAdminCommandLine(argv);
  if (command.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command.kind === 'usage-error') {
    process.stderr.write(`open-decision: ${command.message}\n${USAGE.split('\n')[0]}\n`);
    return 2;
  }
  const input = { ...command.args, password: await readPassword() };
  const problem = createAdminProblem(input);
  if (problem) return refuse(problem);
  const databaseUrl = env.databaseUrl.parse(process.env['DATABASE_URL']);
  const migrate = env.bool(true).parse(process.env['DB_MIGRATE']);
  const dataSource = await openDatabase(databaseConfigFrom(databaseUrl), { migrate });
  try {
    const outcome = await createFirstAdmin(dataSource, input, new Date());
    if ('refused' in outcome) return refuse(outcome.refused);
    if ('exists' in outcome) {
      process.stdout.write(`An account named ${outcome.exists} already exists; nothing was changed.\n`);
      return 0;
    }
    const unit = outcome.unitCreated ? ` (unit ${outcome.created.unit} created)` : '';
    process.stdout.write(`Administrator ${outcome.created.username} created in unit ${outcome.created.unit}${unit}.\n`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(
      `open-decision: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
