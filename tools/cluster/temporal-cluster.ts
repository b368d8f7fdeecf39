import { Client, Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client as PgClient } from 'pg';
import { ensureSearchAttributes } from '../../libs/temporal/src';
import { freeMembershipPort, freePort, startChild, waitFor, type Child } from './processes';
import {
  TEMPORAL_DYNAMIC_CONFIG,
  temporalNodeConfig,
  type TemporalDatabases,
  type TemporalNode,
} from './temporal-config';
import { TEMPORAL_TOPOLOGY, type Sizing, type TemporalService } from './topology';

const run = promisify(execFile);

export interface TemporalClusterOptions {
  /** The machine's PostgreSQL as an admin URL, e.g. `postgres://postgres@127.0.0.1:5432/postgres`. */
  postgresUrl: string;
  /** Prefix of the two databases: `<prefix>_temporal`, `<prefix>_temporal_visibility`. */
  databasePrefix: string;
  /** Configuration files and logs go here. */
  dir: string;
  serverBinary: string;
  sqlToolBinary: string;
  /** Default: `local`. */
  sizing?: Sizing;
  /** The nginx that balances gRPC over the frontends (Debian's; NGINX_PATH overrides). */
  nginx?: string;
  progress?: (message: string) => void;
}

export interface TemporalCluster {
  /** host:port of the balancer in front of every frontend: what clients use, as behind a Kubernetes Service. */
  address: string;
  namespace: string;
  databases: TemporalDatabases;
  /** Every server node by name (`frontend-1`, `history-2`, …). */
  nodes: TemporalNode[];
  /** The running process of a node, if it runs. */
  child(name: string): Child | undefined;
  /** Starts a node (again) on its own ports; resolves once it serves (a frontend) or is up (the others). */
  startNode(name: string): Promise<void>;
  /** SIGKILL (or `signal`) to one node; resolves once it has exited. */
  killNode(name: string, signal?: NodeJS.Signals): Promise<void>;
  /** Stops every node and the balancer; drops the databases unless `keepDatabases`. Never throws. */
  stop(options?: { keepDatabases?: boolean }): Promise<void>;
}

/**
 * Temporal as in production (ADR 51), on this machine: the persistence and visibility databases created and
 * migrated on the machine's PostgreSQL by temporal-sql-tool; every service as its own temporal-server process
 * with its own ports (two frontends, two history, two matching, the internal worker by default); an nginx gRPC
 * balancer in front of the frontends; the namespace with its retention and our search attributes. When start-up
 * fails, what was started is stopped before the error is thrown.
 */
export async function startTemporalCluster(options: TemporalClusterOptions): Promise<TemporalCluster> {
  const progress = options.progress ?? (() => undefined);
  const sizing = options.sizing ?? 'local';
  const admin = new URL(options.postgresUrl);
  const databases: TemporalDatabases = {
    host: admin.hostname,
    port: Number(admin.port || 5432),
    user: decodeURIComponent(admin.username || 'postgres'),
    password: decodeURIComponent(admin.password),
    persistence: `${options.databasePrefix}_${TEMPORAL_TOPOLOGY.databases.persistence}`,
    visibility: `${options.databasePrefix}_${TEMPORAL_TOPOLOGY.databases.visibility}`,
  };
  mkdirSync(options.dir, { recursive: true });
  const children = new Map<string, Child>();
  let balancer: Child | undefined;

  const stop = async ({ keepDatabases = false } = {}): Promise<void> => {
    await Promise.all([...children.values()].map((child) => child.stop('SIGTERM', 10_000)));
    await balancer?.stop('SIGQUIT', 5_000);
    if (!keepDatabases) await dropDatabases(options.postgresUrl, databases).catch(() => undefined);
  };

  try {
    progress(`creating and migrating ${databases.persistence} and ${databases.visibility} with temporal-sql-tool…`);
    await dropDatabases(options.postgresUrl, databases); // a leftover of a run that could not clean up
    await migrate(options.sqlToolBinary, databases);

    const nodes: TemporalNode[] = [];
    for (const [service, count] of Object.entries(TEMPORAL_TOPOLOGY.replicas[sizing]) as Array<
      [TemporalService, number]
    >)
      for (let n = 1; n <= count; n += 1)
        nodes.push({
          name: `${service}-${n}`,
          service,
          grpcPort: await freePort(),
          membershipPort: await freeMembershipPort(),
          ...(service === 'frontend' ? { httpPort: await freePort() } : {}),
        });
    const frontends = nodes.filter((node) => node.service === 'frontend');
    const dynamicConfig = join(options.dir, 'dynamicconfig.yaml');
    writeFileSync(dynamicConfig, TEMPORAL_DYNAMIC_CONFIG);
    for (const node of nodes) {
      mkdirSync(join(options.dir, node.name, 'config'), { recursive: true });
      const config = temporalNodeConfig(
        node,
        nodes,
        databases,
        sizing,
        dynamicConfig,
        `127.0.0.1:${frontends[0]!.grpcPort}`,
      );
      writeFileSync(join(options.dir, node.name, 'config', 'production.yaml'), JSON.stringify(config, null, 2));
    }

    const startNode = async (name: string): Promise<void> => {
      const node = nodes.find((candidate) => candidate.name === name);
      if (!node) throw new Error(`no node ${name}`);
      if (children.get(name)?.running()) throw new Error(`${name} is running`);
      const startedAt = new Date(Date.now() - 1_000);
      const child = startChild(
        name,
        options.serverBinary,
        [
          '--root',
          join(options.dir, name),
          '--config',
          'config',
          '--env',
          'production',
          '--allow-no-auth',
          'start',
          '--service',
          node.service,
        ],
        { logFile: join(options.dir, `${name}.log`) },
      );
      children.set(name, child);
      const exited = (): Error | undefined =>
        child.running() ? undefined : new Error(`${name} exited; the end of ${child.logFile}:\n${child.tail()}`);
      if (node.service === 'frontend') {
        await waitFor(`${name} serves`, () => serves(`127.0.0.1:${node.grpcPort}`), {
          timeoutMs: 90_000,
          intervalMs: 500,
          giveUp: exited,
        });
      } else {
        // Up: it heartbeats in the membership table under its membership port, since this start.
        await waitFor(`${name} joins the membership`, () => joined(databases, node.membershipPort, startedAt), {
          timeoutMs: 90_000,
          intervalMs: 500,
          giveUp: exited,
        });
      }
    };

    progress(
      `starting ${nodes.length} temporal-server processes: ${nodes.map((node) => `${node.name} :${node.grpcPort}`).join(', ')}…`,
    );
    // The first node writes the cluster's metadata record; nodes starting together race to insert it.
    const [first, ...rest] = nodes.filter((node) => node.service !== 'frontend').concat(frontends);
    await startNode(first!.name);
    await Promise.all(rest.map((node) => startNode(node.name)));

    const port = await freePort();
    progress(`starting the gRPC balancer (nginx) on 127.0.0.1:${port} in front of ${frontends.length} frontends…`);
    balancer = startBalancer(options, port, frontends);
    const address = `127.0.0.1:${port}`;
    await waitFor('the balancer serves', () => serves(address), {
      timeoutMs: 30_000,
      giveUp: () => (balancer!.running() ? undefined : new Error(`nginx exited:\n${balancer!.tail()}`)),
    });

    const { name: namespace, retention } = TEMPORAL_TOPOLOGY.namespace;
    progress(`registering the namespace ${namespace} (retention ${retention}) and the search attributes…`);
    await registerNamespace(address, namespace, retention);

    return {
      address,
      namespace,
      databases,
      nodes,
      child: (name) => children.get(name),
      startNode,
      async killNode(name, signal = 'SIGKILL') {
        const child = children.get(name);
        if (!child) throw new Error(`no node ${name}`);
        await child.stop(signal, 5_000);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function migrate(sqlTool: string, db: TemporalDatabases): Promise<void> {
  const tool = (database: string, ...args: string[]): Promise<unknown> =>
    run(
      sqlTool,
      [
        '--plugin',
        TEMPORAL_TOPOLOGY.sqlPlugin,
        '--ep',
        db.host,
        '-p',
        String(db.port),
        '-u',
        db.user,
        ...(db.password ? ['--pw', db.password] : []),
        '--db',
        database,
        ...args,
      ],
      { env: { PATH: process.env['PATH'] ?? '' } },
    ).catch((error: { stderr?: string; message: string }) => {
      throw new Error(`temporal-sql-tool ${args.join(' ')} on ${database}: ${error.stderr ?? error.message}`);
    });
  const schemas: Array<[string, string]> = [
    [db.persistence, TEMPORAL_TOPOLOGY.schemaNames.persistence],
    [db.visibility, TEMPORAL_TOPOLOGY.schemaNames.visibility],
  ];
  // The same steps as deploy/compose/scripts/temporal-schema.sh, in the same order.
  for (const [database, schemaName] of schemas) {
    await tool(database, 'create');
    await tool(database, 'setup-schema', '-v', '0.0');
    await tool(database, 'update-schema', '--schema-name', schemaName);
  }
}

async function dropDatabases(postgresUrl: string, db: TemporalDatabases): Promise<void> {
  const pg = new PgClient({ connectionString: postgresUrl });
  await pg.connect();
  try {
    for (const name of [db.persistence, db.visibility])
      await pg.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await pg.end();
  }
}

/** The frontend (or the balancer) at `address` answers GetSystemInfo. */
async function serves(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 2_000 });
  try {
    await connection.workflowService.getSystemInfo({});
    return true;
  } finally {
    await connection.close();
  }
}

/** The node with this membership port heartbeats in `cluster_membership` in a session begun after `since`. */
async function joined(db: TemporalDatabases, membershipPort: number, since: Date): Promise<boolean> {
  const pg = new PgClient({
    host: db.host,
    port: db.port,
    user: db.user,
    password: db.password,
    database: db.persistence,
  });
  await pg.connect();
  try {
    const { rows } = await pg.query(
      'SELECT 1 FROM cluster_membership WHERE rpc_port = $1 AND session_start >= $2 AND last_heartbeat >= $2',
      [membershipPort, since],
    );
    return rows.length > 0;
  } finally {
    await pg.end();
  }
}

function startBalancer(options: TemporalClusterOptions, port: number, frontends: TemporalNode[]): Child {
  const dir = join(options.dir, 'nginx');
  mkdirSync(dir, { recursive: true });
  // gRPC is HTTP/2 POST: nginx passes a call to the next frontend only when the first could not be reached
  // (the call was not sent), never after it was, so no call runs twice. Long polls last up to 70 s.
  const config = `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream frontends { ${frontends.map((node) => `server 127.0.0.1:${node.grpcPort} max_fails=1 fail_timeout=2s;`).join(' ')} keepalive 32; }
  server {
    listen 127.0.0.1:${port} http2;
    http2_max_concurrent_streams 1024;
    client_max_body_size 0;
    location / {
      grpc_pass grpc://frontends;
      grpc_read_timeout 300s;
      grpc_send_timeout 300s;
      grpc_connect_timeout 2s;
      grpc_next_upstream error timeout;
    }
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), config);
  const nginx = options.nginx ?? process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';
  return startChild('nginx', nginx, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], {
    logFile: join(options.dir, 'nginx.log'),
  });
}

async function registerNamespace(address: string, namespace: string, retention: string): Promise<void> {
  const days = Number(/^(\d+)d$/.exec(retention)?.[1]);
  if (!Number.isInteger(days)) throw new Error(`retention ${retention}: expected <days>d`);
  const connection = await Connection.connect({ address });
  try {
    await connection.workflowService
      .registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs(days * 86_400_000) })
      .catch((error: { code?: number }) => {
        if (error.code !== 6) throw error; // ALREADY_EXISTS
      });
    await waitFor(
      `search attributes on ${namespace}`,
      async () => (await ensureSearchAttributes(connection, namespace), true),
      { timeoutMs: 60_000, intervalMs: 1_000 },
    );
    // Every history and matching node learns of a new namespace on its next cache refresh (10 s): wait until a
    // run can start and be listed, which also proves the SQL visibility store answers.
    const client = new Client({ connection, namespace });
    await waitFor(
      `a first run on ${namespace}`,
      async () => {
        const handle = await client.workflow.start('cluster-probe', {
          taskQueue: 'cluster-probe',
          workflowId: `cluster-probe-${Date.now()}`,
        });
        await handle.terminate('probe');
        return true;
      },
      { timeoutMs: 60_000, intervalMs: 1_000 },
    );
    await client.workflow.count(`WorkflowType = 'cluster-probe'`);
  } finally {
    await connection.close();
  }
}
