import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startTemporalCluster, type TemporalCluster } from '../../../tools/cluster/temporal-cluster';
import { CLUSTER_ENV } from './cluster-env';

declare global {
  var odCluster: { cluster: TemporalCluster; control: Server } | undefined;
}

/**
 * The cluster tier's global setup (ADR 52): one Temporal cluster of tools/cluster for the whole tier, on the
 * machine's PostgreSQL (TEST_DATABASE_URL's server; databases `od_t_cluster_<hex>_*`, which .ci/run drops if
 * a run dies). The server processes belong to this (jest's parent) process; test files kill and start nodes
 * through a small HTTP control endpoint on 127.0.0.1, so every node ends with the run whatever a test does.
 */
export default async function clusterSetup(): Promise<void> {
  const root = resolve(__dirname, '..', '..', '..');
  const base = process.env['TEST_DATABASE_URL'];
  if (!base) throw new Error('the cluster tier needs TEST_DATABASE_URL (a PostgreSQL server; .ci/run sets it)');
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const provision = (tool: string): string =>
    execFileSync('bash', [join(root, 'deploy', 'temporal', 'provision.sh'), tool], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
  const started = Date.now();
  const cluster = await startTemporalCluster({
    postgresUrl: admin.toString(),
    databasePrefix: `od_t_cluster_${randomBytes(4).toString('hex')}`,
    dir: mkdtempSync(join(tmpdir(), 'od-cluster-tier-')),
    serverBinary: provision('server'),
    sqlToolBinary: provision('sql-tool'),
    progress: (message) => void process.stderr.write(`cluster tier: ${message}\n`),
  });
  process.stderr.write(`cluster tier: up in ${Math.round((Date.now() - started) / 1000)} s at ${cluster.address}\n`);

  const control = createServer((request, response) => {
    const [, verb, name] = /^\/(kill|start|pid)\/([a-z]+-\d+)$/.exec(request.url ?? '') ?? [];
    const done = (status: number, body: unknown): void =>
      void response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (!verb || !name || request.method !== 'POST') return done(404, { error: 'POST /kill|start|pid/<node>' });
    const action =
      verb === 'kill'
        ? cluster.killNode(name, 'SIGKILL')
        : verb === 'start'
          ? cluster.startNode(name)
          : Promise.resolve();
    action.then(
      () => done(200, { name, pid: cluster.child(name)?.running() ? cluster.child(name)?.pid : null }),
      (error: Error) => done(500, { error: error.message }),
    );
  });
  await new Promise<void>((listening) => control.listen(0, '127.0.0.1', listening));
  const address = control.address();
  globalThis.odCluster = { cluster, control };
  process.env[CLUSTER_ENV.address] = cluster.address;
  process.env[CLUSTER_ENV.namespace] = cluster.namespace;
  process.env[CLUSTER_ENV.control] = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  process.env[CLUSTER_ENV.databases] = JSON.stringify([cluster.databases.persistence, cluster.databases.visibility]);
  process.env[CLUSTER_ENV.nodes] = JSON.stringify(cluster.nodes.map((node) => node.name));
}
