import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { temporalNodeConfig } from '../../tools/cluster/temporal-config';
import { cliAttributeType, TEMPORAL_TOPOLOGY } from '../../tools/cluster/topology';
import { SEARCH_ATTRIBUTE_KEYS } from '../../workflows/search-attributes';

/**
 * ADR 51: `npm run cluster` and the cluster tier run the Temporal configuration of tools/cluster/topology.ts;
 * deploy/ ships Temporal as compose and Helm files. This spec is the proof that both say the same thing, so
 * what ran here is what ships: one version, one SQL plugin, the same databases, namespace and retention, the
 * same search attributes, the same schema steps; production's sizes are the Helm values'.
 */
const root = join(__dirname, '..', '..');
const deploy = (...path: string[]): string => readFileSync(join(root, 'deploy', ...path), 'utf8');
const yaml = (...path: string[]): any => parseDocument(deploy(...path), { merge: true }).toJS();

const T = TEMPORAL_TOPOLOGY;
const compose = yaml('compose', 'compose.yaml') as { services: Record<string, any> };
const helm = yaml('kubernetes', 'temporal-values.yaml');
/** `${VAR:-default}` → default. */
const composeDefault = (value: string): string => /\$\{[A-Z_]+:-([^}]*)\}/.exec(value)?.[1] ?? value;

describe('the cluster topology and deploy/', () => {
  it('run one Temporal Server version: provision.sh, compose and Helm', () => {
    expect(deploy('temporal', 'provision.sh')).toContain(`SERVER_VERSION=v${T.serverVersion}\n`);
    expect(compose.services['temporal'].image).toBe(`temporalio/server:${T.serverVersion}`);
    for (const job of ['temporal-schema', 'temporal-namespace'])
      expect(compose.services[job].image).toBe(`temporalio/admin-tools:${T.adminToolsTag}`);
    expect(helm.server.image.tag).toBe(T.serverVersion);
    expect(helm.admintools.image.tag).toBe(T.adminToolsTag);
    expect(T.adminToolsTag.startsWith(`${T.serverVersion}-`)).toBe(true);
  });

  it('keep persistence and visibility in two PostgreSQL databases through the same SQL plugin', () => {
    const env = compose.services['temporal'].environment as Record<string, string>;
    expect([env['DB'], env['DBNAME'], env['VISIBILITY_DBNAME']]).toEqual([
      T.sqlPlugin,
      T.databases.persistence,
      T.databases.visibility,
    ]);
    const persistence = helm.server.config.persistence;
    expect([persistence.default.sql.driver, persistence.default.sql.database]).toEqual([
      T.sqlPlugin,
      T.databases.persistence,
    ]);
    expect([
      persistence.visibility.driver,
      persistence.visibility.sql.driver,
      persistence.visibility.sql.database,
    ]).toEqual(['sql', T.sqlPlugin, T.databases.visibility]);
    expect(helm.elasticsearch.enabled).toBe(false);
  });

  it('size production as the Helm values do: shards, pools, replicas', () => {
    expect(helm.server.config.numHistoryShards).toBe(T.numHistoryShards.production);
    const pool = ({ maxConns, maxIdleConns, maxConnLifetime }: Record<string, unknown>) => ({
      maxConns,
      maxIdleConns,
      maxConnLifetime,
    });
    expect(pool(helm.server.config.persistence.default.sql)).toEqual(T.pools.production.persistence);
    expect(pool(helm.server.config.persistence.visibility.sql)).toEqual(T.pools.production.visibility);
    for (const count of Object.values(T.replicas.production)) expect(helm.server.replicaCount).toBe(count);
  });

  it('run the same services locally as in production, with at least two of each but the internal worker', () => {
    expect(Object.keys(T.replicas.local)).toEqual(Object.keys(T.replicas.production));
    for (const service of ['frontend', 'history', 'matching'] as const)
      expect(T.replicas.local[service]).toBeGreaterThanOrEqual(2);
  });

  it('create one namespace with one retention: compose, Helm and the apps', () => {
    const job = compose.services['temporal-namespace'].environment as Record<string, string>;
    expect([composeDefault(job['NAMESPACE']!), composeDefault(job['RETENTION']!)]).toEqual([
      T.namespace.name,
      T.namespace.retention,
    ]);
    expect(composeDefault(compose.services['gateway-1'].environment.TEMPORAL_NAMESPACE)).toBe(T.namespace.name);
    expect(helm.server.config.namespaces.namespace).toEqual([
      { name: T.namespace.name, retention: T.namespace.retention },
    ]);
  });

  it('register the search attributes the workflows declare, with the same types', () => {
    expect(T.searchAttributes).toEqual(SEARCH_ATTRIBUTE_KEYS.map((key) => ({ name: key.name, type: key.type })));
    const pairs = /for pair in ([^;]+);/.exec(deploy('compose', 'scripts', 'temporal-namespace.sh'))?.[1]?.trim();
    expect(pairs?.split(/\s+/)).toEqual(T.searchAttributes.map((a) => `${a.name}:${cliAttributeType(a.type)}`));
  });

  it('migrate with the same tool, plugin and schemas as the compose schema job', () => {
    const script = deploy('compose', 'scripts', 'temporal-schema.sh');
    expect(script).toContain(`temporal-sql-tool --plugin ${T.sqlPlugin}`);
    const base = /schema=\/etc\/temporal\/schema\/(\S+)/.exec(script)?.[1];
    expect(script).toContain('"$schema/temporal/versioned"');
    expect(script).toContain('"$schema/visibility/versioned"');
    expect([`${base}/temporal`, `${base}/visibility`]).toEqual([T.schemaNames.persistence, T.schemaNames.visibility]);
  });

  it('give each local server node both stores on that plugin, SQL visibility, and its own ports', () => {
    const db = { host: '127.0.0.1', port: 5432, user: 'u', password: '', persistence: 'p', visibility: 'v' };
    const nodes = [
      { name: 'frontend-1', service: 'frontend' as const, grpcPort: 5, membershipPort: 6, httpPort: 7 },
      { name: 'history-1', service: 'history' as const, grpcPort: 3, membershipPort: 4 },
      { name: 'history-2', service: 'history' as const, grpcPort: 1, membershipPort: 2 },
    ];
    const config = temporalNodeConfig(nodes[2]!, nodes, db, 'local', '/dc.yaml', '127.0.0.1:5') as any;
    expect(config.persistence.numHistoryShards).toBe(T.numHistoryShards.local);
    expect(config.persistence.datastores.default.sql.pluginName).toBe(T.sqlPlugin);
    expect(config.persistence.datastores.visibility.sql.pluginName).toBe(T.sqlPlugin);
    expect(config.persistence.visibilityStore).toBe('visibility');
    expect(config.services).toEqual({
      frontend: { rpc: { grpcPort: 5, membershipPort: 6, httpPort: 7, bindOnLocalHost: true } },
      history: { rpc: { grpcPort: 1, membershipPort: 2, bindOnLocalHost: true } },
    });
  });
});
