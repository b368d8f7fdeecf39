#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseCommandLine, USAGE } from './args';
import { FetchError } from './deployment';
import { formatLine, formatSummary, toJsonReport } from './report';
import { exitCodeOf, verifyDeployment } from './verify';
import { runWitness } from './witness';

/**
 * `open-decision verify <base-url> [decision-id]`: anyone's check of a deployment's public log
 * (SPEC.md §6) over plain HTTP, with nothing of ours but libs/domain. Results on stdout, usage and
 * network errors on stderr (or in the JSON document with `--json`); the exit status is the verdict.
 */
async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'create-admin') return runAdminCommand(argv);
  if (argv[0] === 'witness') return runWitness(argv.slice(1));
  const command = parseCommandLine(argv);
  if (command.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command.kind === 'usage-error') {
    if (command.json) process.stdout.write(`${JSON.stringify({ ok: false, exitCode: 2, error: command.message })}\n`);
    process.stderr.write(`open-decision: ${command.message}\n${USAGE.split('\n')[0]}\nMore: open-decision --help\n`);
    return 2;
  }
  const { options } = command;
  try {
    const results = await verifyDeployment(options, (result) => {
      if (!options.json) process.stdout.write(`${formatLine(result)}\n`);
    });
    const exitCode = exitCodeOf(results);
    process.stdout.write(
      options.json
        ? `${JSON.stringify(toJsonReport(options, results, exitCode), null, 2)}\n`
        : `${formatSummary(options, results)}\n`,
    );
    return exitCode;
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    if (options.json)
      process.stdout.write(
        `${JSON.stringify({ baseUrl: options.baseUrl, ok: false, exitCode: 2, error: error.message })}\n`,
      );
    process.stderr.write(`open-decision: ${error.message}\n`);
    return 2;
  }
}

/**
 * `open-decision create-admin …` needs the database, which the verifier must never import: it runs the
 * separate admin command (apps/admin-cli, built next to this file) as a child process with the same
 * standard streams and environment, and exits with its status.
 */
function runAdminCommand(argv: readonly string[]): number {
  const adminMain = join(__dirname, '..', '..', 'admin-cli', 'src', 'main.js');
  const child = spawnSync(process.execPath, [adminMain, ...argv], { stdio: 'inherit' });
  if (child.error) throw child.error;
  return child.status ?? 2;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`open-decision: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
