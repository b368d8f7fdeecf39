import { Connection } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  databaseConfigFrom,
  openDatabase,
  protectDataDirectory,
  seedDemoAccounts,
} from '../../../libs/persistence/src';
import { ConfigError, createLogger } from '../../../libs/runtime/src';
import { ensureSearchAttributes } from '../../../libs/temporal/src';
import { isLoopbackHost, loadEmbeddedConfig } from './config';
import { provisionTemporalCli, startDevServer, type DevServer } from './dev-server';
import { startMailSink, type MailSink } from './mail-sink';
import { startProcess, stopProcess, waitForHttp, type Managed } from './processes';
import { persistentSecret, transparencyKeys } from './secrets';

const REPO_ROOT = resolve(__dirname, '../../../..');
const DIST_APPS = resolve(__dirname, '../..');

/**
 * `npm start`: the whole system on one machine. Temporal dev server on a SQLite file under data/
 * (unless TEMPORAL_ADDRESS points elsewhere), search attributes, app-database migrations and demo
 * accounts, then the worker and the gateway as child processes. Ctrl-C stops them in reverse order.
 */
async function main(): Promise<void> {
  const config = loadEmbeddedConfig(process.env);
  const log = createLogger('launcher', config.LOG_LEVEL);
  const dataDir = resolve(config.DATA_DIR);
  protectDataDirectory(dataDir);
  const children: Managed[] = [];
  let temporal: DevServer | undefined;
  let mailSink: MailSink | undefined;
  let stopping = false;
  const stopAll = async (code: number): Promise<never> => {
    stopping = true;
    for (const managed of [...children].reverse()) await stopProcess(managed);
    await temporal?.stop();
    await mailSink?.close();
    log.info('stopped');
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stopAll(0));

  let temporalAddress = config.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    const cli = provisionTemporalCli(REPO_ROOT);
    log.info('starting Temporal dev server', { cli, db: join(dataDir, 'temporal.db') });
    temporal = await startDevServer({
      cli,
      port: config.TEMPORAL_PORT,
      uiPort: config.TEMPORAL_UI_PORT,
      dbFile: join(dataDir, 'temporal.db'),
      logFile: join(dataDir, 'temporal.log'),
    });
    temporalAddress = temporal.address;
  }
  const connection = await Connection.connect({ address: temporalAddress });
  await ensureSearchAttributes(connection, config.TEMPORAL_NAMESPACE);
  await connection.close();

  const databaseUrl = config.DATABASE_URL ?? join(dataDir, 'open-decision.db');
  const database = databaseConfigFrom(databaseUrl);
  const dataSource = await openDatabase(database, { migrate: true });
  const demo = database.kind === 'sqlite' && isLoopbackHost(config.HOST);
  if (demo) {
    const password = config.DEMO_PASSWORD ?? randomBytes(9).toString('base64url');
    const created = await seedDemoAccounts(dataSource, password, new Date());
    if (created.length > 0 && !config.DEMO_PASSWORD) {
      writeFileSync(join(dataDir, 'demo-accounts.txt'), `${created.map((u) => `${u}\t${password}`).join('\n')}\n`, {
        mode: 0o600,
      });
    }
  }
  await dataSource.destroy();

  // Without SMTP_URL, mail goes to a local sink that keeps each message under data/mail/ (ADR 96).
  if (!process.env['SMTP_URL']) mailSink = await startMailSink(join(dataDir, 'mail'), config.MAIL_SINK_PORT);
  const base = `http://${config.HOST}:${config.PORT}`;
  const env = {
    ...process.env,
    TEMPORAL_ADDRESS: temporalAddress,
    DATABASE_URL: databaseUrl,
    DB_MIGRATE: 'false',
    AUTH_SECRET: config.AUTH_SECRET ?? persistentSecret(join(dataDir, 'auth-secret'), 48),
    ...transparencyKeys(config.TLOG_SIGNING_KEY, dataDir, config.TLOG_ORIGIN),
    PORT: String(config.PORT),
    HOST: config.HOST,
    ...(mailSink ? { SMTP_URL: mailSink.url } : {}),
    PUBLIC_BASE_URL: process.env['PUBLIC_BASE_URL'] ?? base,
  };
  const restarts: Record<string, number[]> = {};
  /** Starts an app and restarts it when it dies (at most 5 times a minute, then everything stops). */
  const spawnApp = (name: string): Managed => {
    const managed = startProcess(name, process.execPath, [join(DIST_APPS, name, 'src', 'main.js')], {
      env,
      stdio: 'inherit',
    });
    children.push(managed);
    void managed.exited.then((code) => {
      if (stopping) return;
      children.splice(children.indexOf(managed), 1);
      const recent = (restarts[name] = [...(restarts[name] ?? []), Date.now()].filter((t) => t > Date.now() - 60_000));
      if (recent.length > 5) {
        log.error(`${name} keeps exiting; stopping everything`, { code });
        void stopAll(1);
        return;
      }
      log.error(`${name} exited unexpectedly; restarting it`, { code, signal: managed.child.signalCode });
      setTimeout(() => stopping || spawnApp(name), 1_000);
    });
    return managed;
  };
  spawnApp('worker');
  const gateway = spawnApp('gateway');
  await waitForHttp(`${base}/health/ready`, gateway, 60_000);
  const lines = [
    '',
    'Open Decision is running (Ctrl-C stops everything; data stays in ' + dataDir + '):',
    `  API            ${base}/api/v1/public/decisions/{id}`,
    `  API docs       ${base}/api/docs`,
    `  Health         ${base}/health/ready`,
    mailSink
      ? `  Mail           kept as .eml files in ${join(dataDir, 'mail')} (SMTP_URL sends it out)`
      : `  Mail           SMTP_URL`,
    temporal ? `  Temporal UI    http://127.0.0.1:${config.TEMPORAL_UI_PORT}` : `  Temporal       ${temporalAddress}`,
    demo
      ? `  Demo accounts  admin, drafter, reviewer, manager (unit-a), drafter-b (unit-b); password: ${config.DEMO_PASSWORD ? 'DEMO_PASSWORD' : join(dataDir, 'demo-accounts.txt')}`
      : database.kind === 'postgres'
        ? '  Database       PostgreSQL (no demo accounts are seeded)'
        : `  Accounts       none seeded: HOST ${config.HOST} is not loopback (seed the first admin yourself, README "Against PostgreSQL")`,
    '',
  ];
  process.stderr.write(lines.join('\n'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
