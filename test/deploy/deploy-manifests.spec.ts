import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadGatewayConfig } from '../../apps/gateway/src/config';
import { loadWorkerConfig } from '../../apps/worker/src/config';
import { ConfigError } from '../../libs/runtime/src';
import { SEARCH_ATTRIBUTE_KEYS } from '../../workflows/search-attributes';

/**
 * Static checks of the deployment artefacts under deploy/ (there is no Docker engine or cluster on the
 * CI machines): every YAML parses, compose and Kubernetes carry what the apps need to start, images are
 * pinned, probes hit real gateway routes, and the image is glibc-based.
 */
const root = join(__dirname, '..', '..');
const deployDir = join(root, 'deploy');

type Yaml = Record<string, unknown>;

function filesUnder(dir: string, accept: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, accept);
    return accept(entry.name) ? [path] : [];
  });
}

/** All documents of a YAML file; YAML 1.1 merge keys (`<<: *anchor`) as Docker Compose reads them. */
function loadYaml(path: string): Yaml[] {
  return parseAllDocuments(readFileSync(path, 'utf8'), { merge: true }).map((document) => {
    if (document.errors.length > 0)
      throw new Error(`${relative(root, path)}: ${document.errors.map((e) => e.message).join('; ')}`);
    return document.toJS() as Yaml;
  });
}

/** Keys an app refuses to start without: what its zod config reports missing from an empty environment. */
function requiredKeys(load: (env: Record<string, string | undefined>) => unknown): string[] {
  try {
    load({});
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((problem) => problem.slice(0, problem.indexOf(':')));
  }
}

/** Compose variable interpolation (`${VAR}`, `${VAR:-default}`, `${VAR:?message}`) from an env file. */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (_match, name: string, op?: string, arg?: string) => {
    const found = vars[name];
    if (found !== undefined && found !== '') return found;
    if (op === '-') return arg ?? '';
    throw new Error(`compose variable ${name} is not set in env.example`);
  });
}

function parseEnvFile(path: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) vars[match[1]!] = match[2]!;
  }
  return vars;
}

/** GET routes of the gateway, from its controllers' decorators. */
function gatewayGetRoutes(): Set<string> {
  const routes = new Set<string>();
  for (const file of filesUnder(join(root, 'apps', 'gateway', 'src'), (name) => name.endsWith('.controller.ts'))) {
    const source = readFileSync(file, 'utf8');
    const prefix = /@Controller\(\s*'([^']*)'/.exec(source)?.[1] ?? '';
    for (const match of source.matchAll(/@Get\(\s*(?:'([^']*)')?\s*\)/g)) {
      routes.add(`/${[prefix, match[1] ?? ''].filter(Boolean).join('/')}`.replace(/\/+/g, '/'));
    }
  }
  return routes;
}

const yamlFiles = filesUnder(deployDir, (name) => /\.ya?ml$/.test(name));
const composePath = join(deployDir, 'compose', 'compose.yaml');
const kubernetesDir = join(deployDir, 'kubernetes');

describe('deploy/ manifests', () => {
  it('finds the compose file, the Kubernetes manifests and the Helm values', () => {
    const names = yamlFiles.map((file) => relative(deployDir, file));
    expect(names).toEqual(
      expect.arrayContaining([
        'compose/compose.yaml',
        'kubernetes/gateway.yaml',
        'kubernetes/worker.yaml',
        'kubernetes/temporal-values.yaml',
      ]),
    );
  });

  it.each(yamlFiles.map((file) => [relative(root, file), file]))('%s parses as YAML', (_name, file) => {
    expect(loadYaml(file).length).toBeGreaterThan(0);
  });

  it('pins every image in YAML to a version (no `latest`, no bare name)', () => {
    const images: string[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'image' && typeof value === 'string') images.push(value);
          else if (key === 'image' && value && typeof value === 'object' && 'tag' in value)
            images.push(`${String((value as Yaml).repository)}:${String((value as Yaml).tag)}`);
          else collect(value);
        }
      }
    };
    for (const file of yamlFiles) loadYaml(file).forEach(collect);
    expect(images.length).toBeGreaterThan(5);
    for (const image of images) {
      // The Kubernetes manifests name the app image `open-decision`; kustomization.yaml sets its tag.
      if (image === 'open-decision') continue;
      expect(image).toMatch(/:[^:/]+$/);
      expect(image).not.toMatch(/:latest$/);
    }
    const kustomization = loadYaml(join(kubernetesDir, 'kustomization.yaml'))[0] as {
      images: { name: string; newTag?: string }[];
    };
    expect(kustomization.images.find((image) => image.name === 'open-decision')?.newTag).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('compose', () => {
  const compose = loadYaml(composePath)[0] as { services: Record<string, Yaml> };
  const services = compose.services;
  const vars = parseEnvFile(join(deployDir, 'compose', 'env.example'));
  const appEnv = (name: string): Record<string, string> =>
    Object.fromEntries(
      Object.entries((services[name]?.environment ?? {}) as Record<string, unknown>).map(([key, value]) => [
        key,
        interpolate(String(value), vars),
      ]),
    );

  it('runs PostgreSQL, Temporal and its UI, two gateways and two workers', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining([
        'postgres',
        'temporal',
        'temporal-ui',
        'temporal-schema',
        'temporal-namespace',
        'gateway-1',
        'gateway-2',
        'worker-1',
        'worker-2',
      ]),
    );
    expect(String(services.postgres?.image)).toMatch(/^postgres:16/);
    expect(String(services.temporal?.image)).toMatch(/^temporalio\/server:1\.(29|[3-9]\d)\./);
  });

  it.each(['gateway-1', 'gateway-2'])(
    '%s has every variable the gateway config requires and the config parses',
    (name) => {
      const env = appEnv(name);
      const required = requiredKeys(loadGatewayConfig);
      expect(required).toContain('AUTH_SECRET');
      for (const key of required) expect(env).toHaveProperty(key);
      const config = loadGatewayConfig(env);
      expect(config.DATABASE_URL).toMatch(/^postgres:\/\//);
      expect(config.TEMPORAL_ADDRESS).toBe('temporal:7233');
      expect(config.HOST).toBe('0.0.0.0');
      expect(services[name]?.command).toEqual(['node', 'dist/apps/gateway/src/main.js']);
      // Healthy while it can serve (the database), whatever Temporal's state (issue 12).
      expect((services[name]?.healthcheck as { test?: unknown } | undefined)?.test).toEqual([
        'CMD',
        'node',
        'deploy/docker/healthcheck.js',
        '/health/ready',
      ]);
    },
  );

  it.each(['worker-1', 'worker-2'])(
    '%s has every variable the worker config requires and the config parses',
    (name) => {
      const env = appEnv(name);
      for (const key of requiredKeys(loadWorkerConfig)) expect(env).toHaveProperty(key);
      const config = loadWorkerConfig(env);
      expect(config.DATABASE_URL).toMatch(/^postgres:\/\//);
      expect(config.WORKFLOW_BUNDLE).toBe('/app/build/workflow-bundle.js');
      expect(services[name]?.command).toEqual(['node', 'dist/apps/worker/src/main.js']);
    },
  );

  it('starts the apps only after PostgreSQL is healthy and the namespace job completed', () => {
    for (const name of ['gateway-1', 'gateway-2', 'worker-1', 'worker-2']) {
      const dependsOn = services[name]?.depends_on as Record<string, { condition: string }>;
      expect(dependsOn.postgres?.condition).toBe('service_healthy');
      expect(dependsOn['temporal-namespace']?.condition).toBe('service_completed_successfully');
    }
    expect((services.temporal?.depends_on as Record<string, { condition: string }>)['temporal-schema']?.condition).toBe(
      'service_completed_successfully',
    );
  });

  it('registers exactly the search attributes the workflows declare', () => {
    const script = readFileSync(join(deployDir, 'compose', 'scripts', 'temporal-namespace.sh'), 'utf8');
    const pairs = /for pair in ([^;]+);/.exec(script)?.[1]?.trim().split(/\s+/) ?? [];
    const declared = SEARCH_ATTRIBUTE_KEYS.map((key) => `${key.name}:${key.type}`.toLowerCase());
    expect(pairs.map((pair) => pair.toLowerCase()).sort()).toEqual([...declared].sort());
  });
});

describe('Kubernetes', () => {
  const objects = filesUnder(
    kubernetesDir,
    (name) => name.endsWith('.yaml') && name !== 'temporal-values.yaml' && name !== 'kustomization.yaml',
  ).flatMap((file) =>
    loadYaml(file).map((object) => ({
      file: relative(root, file),
      object: object as { apiVersion?: string; kind?: string; metadata?: { name?: string }; spec?: Yaml },
    })),
  );
  const deployments = objects.filter(({ object }) => object.kind === 'Deployment');
  type Container = {
    command?: string[];
    readinessProbe?: Yaml;
    livenessProbe?: Yaml;
    startupProbe?: Yaml;
    env?: { name: string }[];
    envFrom?: unknown[];
  };
  const containerOf = (name: string): Container => {
    const deployment = deployments.find(({ object }) => object.metadata?.name === name)?.object;
    return (
      ((deployment?.spec?.template as Yaml | undefined)?.spec as { containers: Container[] } | undefined)
        ?.containers[0] ?? {}
    );
  };

  it('every object has apiVersion, kind and metadata.name', () => {
    expect(objects.length).toBeGreaterThan(4);
    for (const { file, object } of objects) {
      expect({
        file,
        apiVersion: typeof object.apiVersion,
        kind: typeof object.kind,
        name: typeof object.metadata?.name,
      }).toEqual({ file, apiVersion: 'string', kind: 'string', name: 'string' });
    }
  });

  it('kustomization lists only files that exist', () => {
    const kustomization = loadYaml(join(kubernetesDir, 'kustomization.yaml'))[0] as { resources: string[] };
    const present = readdirSync(kubernetesDir);
    for (const resource of kustomization.resources) expect(present).toContain(resource);
  });

  it('runs at least two gateways and two workers', () => {
    expect(deployments.map(({ object }) => object.metadata?.name).sort()).toEqual([
      'open-decision-gateway',
      'open-decision-worker',
    ]);
    for (const { object } of deployments) expect(Number(object.spec?.replicas)).toBeGreaterThanOrEqual(2);
  });

  it('probes the gateway on routes it serves: readiness /health/ready, liveness /health/live', () => {
    const routes = gatewayGetRoutes();
    const gateway = containerOf('open-decision-gateway');
    const path = (probe?: Yaml): string => String((probe?.httpGet as Yaml | undefined)?.path);
    expect(path(gateway.readinessProbe)).toBe('/health/ready');
    expect(path(gateway.livenessProbe)).toBe('/health/live');
    for (const probe of [gateway.readinessProbe, gateway.livenessProbe, gateway.startupProbe].filter(Boolean))
      expect(routes).toContain(path(probe));
    // A Temporal outage must not take every gateway out of service (issue 12): no probe asks Temporal.
    expect(routes).toContain('/health/temporal');
    for (const probe of [gateway.readinessProbe, gateway.livenessProbe, gateway.startupProbe].filter(Boolean))
      expect(path(probe)).not.toBe('/health/temporal');
  });

  it('gives each app the variables its config requires (ConfigMap or Secret)', () => {
    const configMap = objects.find(({ object }) => object.kind === 'ConfigMap')?.object as {
      data: Record<string, string>;
    };
    for (const [deployment, load] of [
      ['open-decision-gateway', loadGatewayConfig],
      ['open-decision-worker', loadWorkerConfig],
    ] as const) {
      const container = containerOf(deployment);
      expect(container.envFrom).toEqual([{ configMapRef: { name: 'open-decision-config' } }]);
      const keys = new Set([...Object.keys(configMap.data), ...(container.env ?? []).map((variable) => variable.name)]);
      for (const key of requiredKeys(load)) expect([...keys]).toContain(key);
      expect([...keys]).toContain('DATABASE_URL');
    }
    expect(loadWorkerConfig(configMap.data).TEMPORAL_ADDRESS).toMatch(/:7233$/);
  });

  it('Helm values use an external PostgreSQL for persistence and visibility', () => {
    const values = loadYaml(join(kubernetesDir, 'temporal-values.yaml'))[0] as {
      server: { config: { persistence: Record<string, { driver?: string; sql?: { driver: string } }> } };
      postgresql: { enabled: boolean };
      cassandra: { enabled: boolean };
    };
    for (const store of ['default', 'visibility'])
      expect(values.server.config.persistence[store]?.sql?.driver).toBe('postgres12');
    expect(values.postgresql.enabled).toBe(false);
    expect(values.cassandra.enabled).toBe(false);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(deployDir, 'docker', 'Dockerfile'), 'utf8');

  it('builds on glibc (the Temporal core bridge has no musl build)', () => {
    const bases = [...dockerfile.matchAll(/^ARG NODE_IMAGE=(\S+)/gm)].map((match) => match[1]!);
    expect(bases).toEqual(['node:20-bookworm-slim']);
    const instructions = dockerfile
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join('\n');
    expect(instructions).not.toMatch(/alpine|musl/i);
    for (const match of dockerfile.matchAll(/^FROM\s+(\S+)/gm))
      expect(match[1]).toMatch(/^(\$\{NODE_IMAGE\}|toolchain)$/);
  });

  it('prebuilds the workflow bundle, runs as a non-root user and checks gateway liveness', () => {
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/bundle-workflows\.js dist\/workflows build\/workflow-bundle\.js/);
    expect(dockerfile).toMatch(/WORKFLOW_BUNDLE=\/app\/build\/workflow-bundle\.js/);
    expect(dockerfile).toMatch(/^USER 1000:1000$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(readFileSync(join(deployDir, 'docker', 'healthcheck.js'), 'utf8')).toContain('/health/live');
    expect(gatewayGetRoutes()).toContain('/health/live');
  });
});
