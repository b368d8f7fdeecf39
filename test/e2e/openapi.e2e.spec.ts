import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, isErrorCode } from '../../libs/domain/src/errors/error-codes';
import { ACTIONS } from '../../libs/domain/src';
import { openDatabase, seedDemoAccounts } from '../../libs/persistence/src';
import { startSystem, type TestSystem } from '../support/apps';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { aRegistration } from '../support/decisions';
import { call, login, type Reply } from '../support/http';
import { uniqueTaskQueue } from '../support/temporal';

type Schema = Record<string, any>;
type Operation = {
  operationId: string;
  summary?: string;
  security?: unknown[];
  requestBody?: any;
  responses: Record<string, any>;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const PASSWORD = 'e2e-password';

/**
 * The JSON Schema subset the document uses (OpenAPI 3.0: type, nullable, enum, required, properties,
 * items, anyOf, $ref); returns the paths that do not match.
 */
function mismatches(document: Schema, schema: Schema, value: unknown, at = '$'): string[] {
  if (schema['$ref'])
    return mismatches(document, document.components.schemas[(schema['$ref'] as string).split('/').pop()!], value, at);
  if (value === null) return schema['nullable'] ? [] : [`${at}: null`];
  if (schema['anyOf'])
    return (schema['anyOf'] as Schema[]).some((s) => mismatches(document, s, value, at).length === 0)
      ? []
      : [`${at}: matches no anyOf`];
  if (schema['enum'] && !(schema['enum'] as unknown[]).includes(value))
    return [`${at}: ${JSON.stringify(value)} not in enum`];
  switch (schema['type']) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
      const record = value as Record<string, unknown>;
      const missing = ((schema['required'] ?? []) as string[])
        .filter((key) => !(key in record))
        .map((key) => `${at}.${key}: missing`);
      const members = Object.entries((schema['properties'] ?? {}) as Record<string, Schema>).flatMap(([key, s]) =>
        key in record ? mismatches(document, s, record[key], `${at}.${key}`) : [],
      );
      return [...missing, ...members];
    }
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((item, index) => mismatches(document, schema['items'] as Schema, item, `${at}[${index}]`))
        : [`${at}: not an array`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: not an integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: not a number`];
    case 'string':
    case 'boolean':
      return typeof value === schema['type'] ? [] : [`${at}: not a ${schema['type'] as string}`];
    default:
      return [];
  }
}

function operations(document: Schema): Array<{ path: string; method: string; operation: Operation }> {
  return Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method]! })),
  );
}

/** The codes a lifecycle rule refuses with (libs/domain's action files and what they call). */
function lifecycleRuleCodes(): string[] {
  const dir = join(__dirname, '..', '..', 'libs', 'domain', 'src');
  const files = [
    'lifecycle/actions-drafting.ts',
    'lifecycle/actions-consultation.ts',
    'lifecycle/actions-deciding.ts',
    'lifecycle/actions-execution.ts',
    'lifecycle/actions-review.ts',
    'lifecycle/decision-action.ts',
    'opinions/feedback-report.ts',
    'lifecycle/reviews.ts',
  ];
  const text = files.map((file) => readFileSync(join(dir, file), 'utf8')).join('\n');
  return [
    ...new Set(
      [...text.matchAll(/(?:DomainError|InvalidCommandError|ForbiddenActionError)\(\s*'([A-Z_]+)'/g)].map((m) => m[1]!),
    ),
  ];
}

describe('the OpenAPI document the gateway serves', () => {
  let db: TestDatabase;
  let system: TestSystem;
  let document: Schema;
  let drafter: string;
  let api: (method: string, path: string, options?: Parameters<typeof call>[3]) => Promise<Reply>;

  /** The documented response of an operation for a status, and whether the body matches its schema. */
  function checkAgainstDocument(path: string, method: string, reply: Reply): string[] {
    const operation = (document.paths[path] as Record<string, Operation>)[method]!;
    const response = operation.responses[String(reply.status)];
    if (!response) return [`${method} ${path}: status ${reply.status} is not documented`];
    const media = reply.status >= 400 ? 'application/problem+json' : 'application/json';
    if (reply.status >= 400 && !(response.description as string).includes(`\`${reply.body.code as string}\``))
      return [`${method} ${path}: code ${reply.body.code as string} is not documented`];
    return mismatches(document, response.content[media].schema as Schema, reply.body);
  }

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    const dataSource = await openDatabase(db.config, { migrate: true });
    await seedDemoAccounts(dataSource, PASSWORD, new Date());
    await dataSource.destroy();
    system = await startSystem({ databaseUrl: db.url, taskQueue: uniqueTaskQueue('e2e-openapi') });
    api = (method, path, options) => call(system.baseUrl, method, path, options);
    drafter = await login(system.baseUrl, 'drafter', PASSWORD);
    document = (await api('GET', '/api/docs-json')).body as Schema;
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it('gives every operation a summary, a security requirement and a schema for each request body and each answer with a body', () => {
    const all = operations(document);
    expect(all.length).toBeGreaterThan(35);
    const gaps: string[] = [];
    for (const { path, method, operation } of all) {
      const name = `${method.toUpperCase()} ${path}`;
      if (!operation.summary) gaps.push(`${name}: no summary`);
      if (!Array.isArray(operation.security)) gaps.push(`${name}: no security`);
      if (
        operation.requestBody &&
        !Object.values(operation.requestBody.content as Record<string, { schema?: unknown }>).every(
          (media) => media.schema,
        )
      )
        gaps.push(`${name}: request without schema`);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (status === '204' || status === '304') continue;
        const media = Object.values((response.content ?? {}) as Record<string, { schema?: unknown }>);
        if (media.length === 0 || !media.every((m) => m.schema)) gaps.push(`${name} ${status}: no schema`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('documents every error status as problem+json with the Problem schema, and only codes of the catalogue at their status', () => {
    const problems: string[] = [];
    for (const { path, method, operation } of operations(document)) {
      const errors = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
      if (!errors.some(([status]) => status.startsWith('4'))) problems.push(`${method} ${path}: no 4xx`);
      for (const [status, response] of errors) {
        if (response.content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/Problem')
          problems.push(`${method} ${path} ${status}: not the Problem schema`);
        for (const code of [...(response.description as string).matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!)) {
          if (!isErrorCode(code) || String(ERROR_CODES[code].status) !== status)
            problems.push(`${method} ${path} ${status}: ${code}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(document.components.schemas.Problem.properties.code.enum).toEqual(Object.keys(ERROR_CODES));
  });

  it('validates each documented example against its schema', () => {
    let count = 0;
    const invalid: string[] = [];
    for (const { path, method, operation } of operations(document)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const media of Object.values(
          (response.content ?? {}) as Record<
            string,
            { schema: Schema; examples?: Record<string, { value: unknown } | { $ref: string }> }
          >,
        )) {
          for (const [name, entry] of Object.entries(media.examples ?? {})) {
            const example =
              '$ref' in entry
                ? (document.components.examples[(entry.$ref as string).split('/').pop()!] as { value: unknown })
                : entry;
            count += 1;
            invalid.push(
              ...mismatches(document, media.schema, example.value).map(
                (m) => `${method} ${path} ${status} ${name}: ${m}`,
              ),
            );
            if (Number(status) >= 400)
              expect([name, (example.value as { status: number }).status]).toEqual([name, Number(status)]);
          }
        }
      }
    }
    expect(count).toBeGreaterThan(300);
    expect(invalid).toEqual([]);
  });

  it('documents a body for every lifecycle action and every code its rules refuse with', () => {
    const act = document.paths['/api/v1/decisions/{id}/{action}'].post as Operation;
    const bodies = (act.requestBody.content['application/json'].schema.anyOf as Array<{ $ref: string }>).map((s) =>
      s.$ref.split('/').pop(),
    );
    expect(bodies).toEqual(ACTIONS.map((action) => `ActionBody.${action.name}`));
    expect(document.components.schemas['ActionBody.consultation-plan'].required).toEqual([
      'channels',
      'opensAt',
      'closesAt',
    ]);
    const documented = Object.values(act.responses).flatMap((response) =>
      [...(response.description as string).matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!),
    );
    expect(lifecycleRuleCodes().filter((code) => !documented.includes(code))).toEqual([]);
  });

  it('answers as documented: success bodies match their schemas, refusals carry a documented code', async () => {
    const created = await api('POST', '/api/v1/decisions', { token: drafter, json: aRegistration() });
    expect(created.status).toBe(201);
    expect(checkAgainstDocument('/api/v1/decisions', 'post', created)).toEqual([]);
    const id = created.body.decisionId as string;
    const draft = { draft: 'Draft text', basis: 'Basis', explanation: 'Why' };
    const acted = await api('POST', `/api/v1/decisions/${id}/draft-versions`, { token: drafter, json: draft });
    expect(acted.status).toBe(200);
    expect(checkAgainstDocument('/api/v1/decisions/{id}/{action}', 'post', acted)).toEqual([]);
    const refused = await api('POST', `/api/v1/decisions/${id}/close`, {
      token: drafter,
      json: { reason: 'too early' },
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect(checkAgainstDocument('/api/v1/decisions/{id}/{action}', 'post', refused)).toEqual([]);
    const unknown = await api('POST', `/api/v1/decisions/${id}/no-such-action`, { token: drafter, json: {} });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'UNKNOWN_ACTION']);
    expect(checkAgainstDocument('/api/v1/decisions/{id}/{action}', 'post', unknown)).toEqual([]);
    const invalid = await api('POST', '/api/v1/decisions', { token: drafter, json: { title: '' } });
    expect(invalid.status).toBe(422);
    expect(checkAgainstDocument('/api/v1/decisions', 'post', invalid)).toEqual([]);
    for (const path of ['/api/v1/decisions', `/api/v1/decisions/${id}`]) {
      const reply = await api('GET', path, { token: drafter });
      expect(reply.status).toBe(200);
      expect(checkAgainstDocument(path.replace(id, '{id}'), 'get', reply)).toEqual([]);
    }
    const missing = await api('GET', '/api/v1/public/decisions/no-such-decision');
    expect([missing.status, missing.body.code]).toEqual([404, 'DECISION_NOT_FOUND']);
    expect(checkAgainstDocument('/api/v1/public/decisions/{id}', 'get', missing)).toEqual([]);
    const publicList = await api('GET', '/api/v1/public/decisions');
    expect(checkAgainstDocument('/api/v1/public/decisions', 'get', publicList)).toEqual([]);
    const calendar = await api('GET', '/api/v1/public/calendar');
    expect(calendar.status).toBe(200);
    expect(checkAgainstDocument('/api/v1/public/calendar', 'get', calendar)).toEqual([]);
    const answers = await api('GET', `/api/v1/decisions/${id}/answers`, { token: drafter });
    expect(answers.status).toBe(200);
    expect(checkAgainstDocument('/api/v1/decisions/{id}/answers', 'get', answers)).toEqual([]);
    const live = await api('GET', '/health/live');
    expect(checkAgainstDocument('/health/live', 'get', live)).toEqual([]);
  });
});
