import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { bundleWorkflows, dropDatabase, recreateDatabase, startApps, type RunningApps } from './apps';
import { startTemporalCluster, type TemporalCluster } from './temporal-cluster';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/**
 * `npm run cluster`: the production topology on this machine (ADR 51). Temporal Server as separate processes
 * (two frontends behind an nginx gRPC balancer, two history, two matching, the internal worker) on the machine's
 * PostgreSQL with SQL visibility; then two gateways and two workers on an app PostgreSQL database. Ctrl-C
 * (SIGINT) or SIGTERM stops everything in reverse order and drops the databases it created.
 *
 * Settings (environment):
 *   CLUSTER_POSTGRES_URL  admin URL of the PostgreSQL to use (default postgres://postgres@127.0.0.1:5432/postgres)
 *   CLUSTER_DB_PREFIX     prefix of the three databases it creates (default od_cluster)
 *   CLUSTER_GATEWAY_PORT  the first gateway's port; the second uses the next one (default 3101)
 *   TEMPORAL_SERVER, TEMPORAL_SQL_TOOL  the binaries (else deploy/temporal/provision.sh finds or builds them)
 */
async function main(): Promise<void> {
  const say = (message: string): void => void process.stderr.write(`cluster: ${message}\n`);
  const postgresUrl = process.env['CLUSTER_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const prefix = process.env['CLUSTER_DB_PREFIX'] ?? 'od_cluster';
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error(`CLUSTER_DB_PREFIX ${prefix}: lower-case letters, digits, _`);
  const firstPort = Number(process.env['CLUSTER_GATEWAY_PORT'] ?? 3101);
  const dir = mkdtempSync(join(tmpdir(), 'od-cluster-'));

  let temporal: TemporalCluster | undefined;
  let apps: RunningApps | undefined;
  const appDatabase = `${prefix}_app`;
  let stopping: Promise<void> | undefined;
  const stopAll = (reason: string, keepLogs = false): Promise<void> =>
    (stopping ??= (async () => {
      say(`${reason}: stopping the gateways and workers, then Temporal, and dropping the databases…`);
      await apps?.stop();
      await temporal?.stop();
      await dropDatabase(postgresUrl, appDatabase).catch(() => undefined);
      if (keepLogs) say(`the logs stay in ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
      say('stopped; nothing is left running');
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stopAll(signal).then(() => process.exit(0)));

  try {
    say('finding temporal-server and temporal-sql-tool (the first run builds them from Go modules: minutes)…');
    const provision = (tool: string): string =>
      execFileSync('bash', [join(REPO_ROOT, 'deploy', 'temporal', 'provision.sh'), tool], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      }).trim();
    const serverBinary = provision('server');
    const sqlToolBinary = provision('sql-tool');

    temporal = await startTemporalCluster({
      postgresUrl,
      databasePrefix: prefix,
      dir,
      serverBinary,
      sqlToolBinary,
      progress: say,
    });

    say(`creating the app database ${appDatabase} with its schema and the demo accounts…`);
    const databaseUrl = await recreateDatabase(postgresUrl, appDatabase);
    const password = process.env['DEMO_PASSWORD'] ?? randomBytes(9).toString('base64url');
    const dataSource = await openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 2 }, { migrate: true });
    await seedDemoAccounts(dataSource, password, new Date());
    await dataSource.destroy();
    writeFileSync(join(dir, 'demo-accounts.txt'), `admin drafter reviewer manager drafter-b\t${password}\n`, {
      mode: 0o600,
    });

    say('bundling the workflows once for both workers…');
    const workflowBundle = await bundleWorkflows(join(dir, 'workflow-bundle.js'));
    say('starting two workers and two gateways…');
    apps = await startApps({
      temporalAddress: temporal.address,
      namespace: temporal.namespace,
      databaseUrl,
      authSecret: randomBytes(32).toString('base64url'),
      gatewayPorts: [firstPort, firstPort + 1],
      workers: 2,
      taskQueue: 'decisions',
      dir,
      workflowBundle,
    });
  } catch (error) {
    say(`could not start: ${(error as Error).message}`);
    await stopAll('start-up failed', true);
    process.exit(1);
  }

  const watched = [...temporal.nodes.map((node) => temporal.child(node.name)!), ...apps.gateways, ...apps.workers];
  for (const child of watched)
    void child.exited.then(() => stopping ?? say(`${child.name} exited unexpectedly; see ${child.logFile}`));
  process.stderr.write(
    [
      '',
      'The cluster is running (Ctrl-C stops everything and drops its databases):',
      ...apps.baseUrls.map((url, n) => `  Gateway ${n + 1}      ${url}  (${url}/api/docs)`),
      `  Temporal       ${temporal.address} (nginx over ${temporal.nodes.filter((node) => node.service === 'frontend').length} frontends), namespace ${temporal.namespace}`,
      `  Temporal nodes ${temporal.nodes.map((node) => `${node.name} pid ${temporal.child(node.name)?.pid}`).join(', ')}`,
      `  Databases      ${temporal.databases.persistence}, ${temporal.databases.visibility}, ${appDatabase}`,
      `  Demo accounts  admin, drafter, reviewer, manager (unit-a), drafter-b (unit-b); password in ${join(dir, 'demo-accounts.txt')}`,
      `  Logs           ${dir}`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`cluster: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
