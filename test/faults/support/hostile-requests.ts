import type { HostileRequest } from './hostile-http';

/** mulberry32: a small seeded PRNG, so a failing request can be generated again from the seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One route of the gateway: `{name}` placeholders are path parameters. */
export interface Route {
  method: string;
  template: string;
  /** Who the route is for: the JSON API (public or staff) or a page (public site or console). */
  door: 'api' | 'page';
}

/** What the generator may use besides garbage: real ids and credentials, so requests get past the first check. */
export interface FuzzContext {
  decisionId: string;
  receipt: string;
  staffTokens: string[];
  consoleCookie: string;
  publicBaseUrl: string;
}

/** The page routes (the OpenAPI document lists only the JSON API). */
export const PAGE_ROUTES: Route[] = [
  ...[
    '/',
    '/decisions',
    '/decisions/{id}',
    '/decisions/{id}/timeline',
    '/decisions/{id}/progress.svg',
    '/decisions/{id}/verify',
    '/verify',
    '/receipts',
    '/assets/{name}',
    '/feeds/decisions.atom',
    '/feeds/decisions/{id}.atom',
    '/disclosure/apply',
    '/disclosure/lookup',
  ].map((template) => ({ method: 'GET', template, door: 'page' as const })),
  { method: 'POST', template: '/decisions/{id}', door: 'page' },
  { method: 'POST', template: '/disclosure/apply', door: 'page' },
  { method: 'POST', template: '/disclosure/lookup', door: 'page' },
  ...[
    '/console',
    '/console/login',
    '/console/logout',
    '/console/decisions/new',
    '/console/decisions/{id}',
    '/console/decisions/{id}/opinions',
    '/console/decisions/{id}/act/{action}',
    '/console/decisions/{id}/answers',
    '/console/decisions/{id}/answer-templates',
    '/console/decisions/{id}/clusters/{edit}',
    '/console/{rest}',
  ].map((template) => ({ method: 'GET', template, door: 'page' as const })),
  ...[
    '/console/login',
    '/console/logout',
    '/console/decisions/new',
    '/console/decisions/{id}/act/{action}',
    '/console/decisions/{id}/answers',
    '/console/decisions/{id}/answer-templates',
    '/console/decisions/{id}/opinions/withhold',
    '/console/decisions/{id}/clusters/merge',
    '/console/decisions/{id}/clusters/split',
    '/console/decisions/{id}/clusters/relabel',
    '/console/decisions/{id}/clusters/confirm-label',
  ].map((template) => ({ method: 'POST', template, door: 'page' as const })),
];

/** Every operation of the OpenAPI document as a route. */
export function apiRoutes(document: { paths: Record<string, Record<string, unknown>> }): Route[] {
  const methods = ['get', 'post', 'put', 'patch', 'delete'];
  return Object.entries(document.paths).flatMap(([template, operations]) =>
    Object.keys(operations)
      .filter((m) => methods.includes(m))
      .map((m) => ({ method: m.toUpperCase(), template, door: 'api' as const })),
  );
}

const HOSTILE_SEGMENTS = [
  '..%2F..%2Fetc%2Fpasswd',
  '..',
  '%2e%2e',
  '%00',
  '%ZZ',
  '%',
  '%E4%B8%AD%E6%96%87',
  '%C0%AF',
  '%FF%FE',
  "'%20OR%201=1--",
  '%3Cscript%3E',
  '$%7Bjndi:ldap%7D',
  '-1',
  '0',
  '1e309',
  'NaN',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'OD-0000-0000-0000-0',
  'A'.repeat(3000),
  '%E2%80%AE',
  '%F0%9F%98%80'.repeat(40),
  'x;y=z',
  'a.atom',
];
const HOSTILE_VALUES = [
  ...HOSTILE_SEGMENTS,
  '',
  '%20',
  '1',
  '2',
  '99999999999999999999',
  'true',
  'en',
  'zh-CN',
  'consultation',
  '%5B%5D',
  '%7B%7D',
];
const QUERY_NAMES = [
  'page',
  'pageSize',
  'lang',
  'q',
  'stage',
  'unit',
  'year',
  'receipt',
  'decision',
  'opinions',
  'next',
  'done',
  'overdue',
  'format',
  'cluster',
  'sent',
  '__proto__',
  'constructor[prototype][x]',
  'a[]',
  'a[b]',
  'x'.repeat(200),
];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];
const ACTIONS = [
  'draft-versions',
  'consultation-plan',
  'submit-for-publication',
  'approve',
  'withdraw',
  'record-decision',
  'publish',
  'nope',
  '__proto__',
];
const BODY_WORDS: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  '',
  '意见',
  'x'.repeat(6000),
  '\u202Egpj.exe',
  'a\u0000b',
  [],
  {},
  ['a'],
  { $ne: null },
  { __proto__: { admin: true } },
  '2026-13-45T99:99:99Z',
  'OD-7K3M-9QX2-H4TR-5',
];
const FIELDS = [
  'text',
  'section',
  'contact',
  'name',
  'phone',
  'email',
  'username',
  'password',
  'selection',
  'reason',
  'verdict',
  'answers',
  'target',
  'clusters',
  'receipts',
  'title',
  'summary',
  'unit',
  'role',
  'label',
  'into',
  'opinions',
  'draft',
  'opensAt',
  'closesAt',
  'templateId',
  '__proto__',
  'constructor',
];

/** The API's sign-out: it writes (revokes the session) with nothing but the credentials. */
const SIGN_OUT = '/api/v1/auth/logout';

export interface Generated {
  request: HostileRequest;
  route: Route;
  /** The method may write (anything but GET, HEAD, OPTIONS): such a request must be refused. */
  mutating: boolean;
}

/**
 * One hostile request. Writes that could in principle succeed are never generated: a mutating request
 * that carries real credentials and the real decision's id has a body broken at the parser (depth,
 * syntax, encoding, media type); bodies for the public intake always break its DTO or form. So every
 * write the fuzz sends must be refused, and any row it leaves behind is a finding.
 */
export function generateRequest(random: () => number, routes: Route[], context: FuzzContext): Generated {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number): boolean => random() < p;
  const route = pick(routes);
  const method = chance(0.85) ? route.method : pick(METHODS);
  const realId = chance(0.5);
  const path = route.template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name === 'id' || name === 'decisionId') return realId ? context.decisionId : pick(HOSTILE_SEGMENTS);
    if (name === 'receipt') return chance(0.5) ? context.receipt : pick(HOSTILE_SEGMENTS);
    if (name === 'action') return pick([...ACTIONS, ...HOSTILE_SEGMENTS]);
    if (name === 'name') return pick(['site.css', 'verify.js', 'favicon.svg', ...HOSTILE_SEGMENTS]);
    return pick(['merge', 'split', 'relabel', 'opinions', ...HOSTILE_SEGMENTS]);
  });
  const query = chance(0.5)
    ? ''
    : `?${Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
        const name = encodeURIComponent(pick(QUERY_NAMES)).replace(/%5B/g, '[').replace(/%5D/g, ']');
        return chance(0.3)
          ? `${name}=${pick(HOSTILE_VALUES)}&${name}=${pick(HOSTILE_VALUES)}`
          : `${name}=${pick(HOSTILE_VALUES)}`;
      }).join('&')}`;
  const headers: Record<string, string> = {};
  const drawn = pick(['none', 'none', 'staff', 'staff', 'console', 'forged', 'garbage'] as const);
  // Sign-out writes (it revokes the session) with nothing but real credentials: it only ever gets forged ones.
  const credentials = route.template === SIGN_OUT && drawn === 'staff' ? 'forged' : drawn;
  if (credentials === 'staff') headers['authorization'] = `Bearer ${pick(context.staffTokens)}`;
  if (credentials === 'console') {
    headers['cookie'] = context.consoleCookie;
    headers['origin'] = context.publicBaseUrl;
  }
  if (credentials === 'forged')
    headers['authorization'] =
      `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"acc-admin","role":"admin"}').toString('base64url')}.`;
  if (credentials === 'garbage')
    headers[pick(['authorization', 'cookie'])] = pick([
      'Bearer',
      'Bearer ' + 'A'.repeat(5000),
      'Basic YWRtaW46YWRtaW4=',
      'od_console=garbage; __Host-od_console=x.y.z',
      'Bearer a.b.c',
    ]);
  if (chance(0.1)) headers['x-forwarded-for'] = '203.0.113.7, 10.0.0.1';
  if (chance(0.1)) headers['accept-language'] = pick(['en', 'zh-CN;q=0.9,en;q=0.8', 'x'.repeat(500), '*;q=2']);
  const mutating = !['GET', 'HEAD', 'OPTIONS'].includes(method);
  let body: Buffer | undefined;
  if (mutating || chance(0.05)) {
    const trusted = realId && (credentials === 'staff' || credentials === 'console');
    const built = hostileBody(random, pick, route, trusted);
    body = built.body;
    if (built.contentType !== undefined) headers['content-type'] = built.contentType;
  }
  return { request: { method, path: `${path}${query}`, headers, body }, route, mutating };
}

function deepJson(depth: number, random: () => number): string {
  const open = random() < 0.5 ? '{"a":'.repeat(depth) : '['.repeat(depth);
  const close = open.startsWith('{') ? '}'.repeat(depth) : ']'.repeat(depth);
  return `${open}1${close}`;
}

/** A body broken before any handler runs: too deep, not JSON, not UTF-8, or a media type the door refuses. */
function parserBrokenBody(
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
  route: Route,
): { body: Buffer; contentType?: string } {
  switch (Math.floor(random() * 6)) {
    case 0:
      return { body: Buffer.from(deepJson(33 + Math.floor(random() * 6000), random)), contentType: 'application/json' };
    case 1:
      return {
        body: Buffer.from(
          pick(['{"text": ', '{"a":1}}', "{'a':1}", '{"a":1} x', '[', 'nul', '{"a":01}', '{"a":"\\u12"}']),
        ),
        contentType: 'application/json',
      };
    case 2:
      return {
        body: Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xff, 0xfe, 0xc0, 0xaf]), Buffer.from('"}')]),
        contentType: 'application/json; charset=utf-8',
      };
    case 3:
      return route.door === 'api'
        ? {
            body: Buffer.from('text=hello&username=admin'),
            contentType: pick(['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']),
          }
        : { body: Buffer.from('{"text":"hello"}'), contentType: 'application/json' };
    case 4:
      return {
        body: Buffer.from('text=hello'),
        contentType: pick(['text/plain', 'application/xml', 'application/octet-stream', 'application/json-patch+json']),
      };
    default:
      return route.door === 'api'
        ? { body: Buffer.from(deepJson(33 + Math.floor(random() * 100), random)), contentType: 'application/json' }
        : { body: Buffer.from('{"_csrf":"x"}'), contentType: 'application/json' };
  }
}

/** A JSON object that no DTO accepts (an unknown or null field) and no form accepts (no usable text). */
function brokenObject(random: () => number, pick: <T>(items: readonly T[]) => T): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 4); i > 0; i -= 1) object[pick(FIELDS)] = pick(BODY_WORDS);
  if (random() < 0.5) object[pick(FIELDS)] = null;
  else object[`unknown_${Math.floor(random() * 100)}`] = pick(BODY_WORDS);
  return object;
}

function hostileBody(
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
  route: Route,
  trusted: boolean,
): { body: Buffer; contentType?: string } {
  if (trusted || random() < 0.4) return parserBrokenBody(random, pick, route);
  if (route.door === 'page') {
    // A form whose text is missing, empty, given twice or too long: never an acceptable opinion.
    const text = pick([
      '',
      'text=',
      'text=a&text=b',
      `text=${'x'.repeat(5001)}`,
      'text=%20%20',
      `text=%E2%80%AE${'%F0%9F%98%80'.repeat(5001)}`,
    ]);
    const extra = pick([
      '',
      '&section=%ZZ',
      '&name=%00&phone=%FF',
      '&_csrf=forged',
      '&key=' + 'k'.repeat(300),
      '&__proto__[x]=1',
    ]);
    return { body: Buffer.from(`${text}${extra}`), contentType: 'application/x-www-form-urlencoded' };
  }
  const shape = Math.floor(random() * 4);
  const value: unknown = shape === 0 ? null : shape === 1 ? [brokenObject(random, pick)] : brokenObject(random, pick);
  return {
    body: Buffer.from(JSON.stringify(value)),
    contentType: pick(['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON']),
  };
}
