import { parseArgs } from 'node:util';

export const USAGE = `Usage: open-decision create-admin --username <name> [--unit <id>] [--unit-name <zh>] [--unit-name-en <en>]

Creates the first administrator of a deployment (PostgreSQL or SQLite, DATABASE_URL as the gateway),
with its unit when the unit does not exist yet. The password is read from the environment variable
OPEN_DECISION_ADMIN_PASSWORD, else from the first line of standard input; at least 12 characters, not
derived from the username. A second run with the same username says so and changes nothing.
创建首个管理员账号：密码从环境变量 OPEN_DECISION_ADMIN_PASSWORD 或标准输入读取。

  --username <name>      a-z, 0-9, ".", "_", "-" (2–64)
  --unit <id>            default "admin"
  --unit-name <zh>       default "系统管理"
  --unit-name-en <en>    default "System administration"
  -h, --help             this text

Exit status: 0 created, or the account already exists; 1 refused (weak password, bad name); 2 usage.
`;

export interface CreateAdminArgs {
  username: string;
  unit: { id: string; name: string; nameEn: string };
}

export type AdminCommandLine =
  | { kind: 'help' }
  | { kind: 'create-admin'; args: CreateAdminArgs }
  | { kind: 'usage-error'; message: string };

/** Reads `create-admin --username … [--unit …]`; never throws. */
export function parseAdminCommandLine(argv: readonly string[]): AdminCommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        username: { type: 'string' },
        unit: { type: 'string', default: 'admin' },
        'unit-name': { type: 'string', default: '系统管理' },
        'unit-name-en': { type: 'string', default: 'System administration' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { kind: 'usage-error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [command, ...rest] = positionals;
  if (command !== 'create-admin')
    return { kind: 'usage-error', message: command ? `unknown command: ${command}` : 'missing command: create-admin' };
  if (rest.length > 0) return { kind: 'usage-error', message: `unexpected argument: ${rest[0]}` };
  if (!values.username) return { kind: 'usage-error', message: 'missing --username' };
  return {
    kind: 'create-admin',
    args: {
      username: values.username,
      unit: { id: values.unit, name: values['unit-name'], nameEn: values['unit-name-en'] },
    },
  };
}
