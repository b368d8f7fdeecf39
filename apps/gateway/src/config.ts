import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { env, parseConfig } from '../../../libs/runtime/src';
import { NoteError, parseCosignerKey, type NoteVerifier } from '../../../libs/transparency/src';
import { isAddressOrCidr } from './common/client-address';
import { MAX_ATTACHMENT_BYTES } from '../../../libs/domain/src';
import { DEFAULT_CATEGORIES, parseCategories } from './site-shell/web/categories';
import type { SiteIdentity } from './site-shell/web/site-identity';

/** Where the public reaches the gateway: absolute links (feeds) are built on it, never on a request's Host. */
const publicBaseUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return ['http:', 'https:'].includes(url.protocol) && !url.search && !url.hash && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL without query, fragment or credentials, e.g. https://decisions.example.gov.cn')
  .transform((value) => value.replace(/\/+$/, ''));

/** `http://{HOST}:{PORT}`: right for a local gateway; set PUBLIC_BASE_URL whenever it is exposed. */
const defaultBaseUrl = (host: string, port: number): string =>
  `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

/** Comma-separated addresses/CIDRs of the reverse proxies in front of the gateway (ADR 31); empty: none. */
const trustedProxies = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .refine(
    (entries) => entries.every(isAddressOrCidr),
    'must be a comma-separated list of IP addresses or CIDR blocks, e.g. 10.0.0.0/8,fd00::/8',
  );

/** `redis://…` or `rediss://…`: the shared rate-limit store (ADR 31); unset: the app database. */
const redisUrl = z
  .string()
  .trim()
  .refine(
    (value) => /^rediss?:\/\/[^\s]+$/.test(value),
    'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379',
  )
  .optional();

/**
 * The witnesses whose cosignatures the deployment accepts and serves (ADR 61): their verifier keys,
 * separated by commas or whitespace, each `<name>+<hash>+base64(0x04 ‖ key)` (C2SP tlog-cosignature) or
 * the plain Ed25519 form (0x01) of the same key; empty: none.
 */
const tlogWitnesses = z
  .string()
  .default('')
  .transform((value, context): NoteVerifier[] => {
    const witnesses: NoteVerifier[] = [];
    for (const vkey of value.split(/[\s,]+/u).filter((entry) => entry !== '')) {
      try {
        const witness = parseCosignerKey(vkey);
        if (witnesses.some((w) => w.name === witness.name && w.keyHash === witness.keyHash))
          throw new NoteError('given twice');
        witnesses.push(witness);
      } catch (error) {
        const reason = error instanceof NoteError ? error.message : String(error);
        context.addIssue({
          code: 'custom',
          message: `${JSON.stringify(vkey.slice(0, 80))}: ${reason}; give witness verifier keys <name>+<hash>+<base64 key>, separated by commas`,
        });
        return z.NEVER;
      }
    }
    return witnesses;
  });

/** A footer line (ADR 91): plain text on one line, at most 100 characters; empty: left out. */
const footerText = z
  .string()
  .trim()
  .max(100, 'must be at most 100 characters')
  .refine((value) => !/\p{Cc}/u.test(value), 'must be one line of plain text')
  .transform((value) => value || undefined)
  .optional();

const schema = z
  .object({
    PORT: env.port(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    TEMPORAL_ADDRESS: env.temporalAddress,
    TEMPORAL_NAMESPACE: env.namespace,
    TASK_QUEUE: z.string().min(1).default('decisions'),
    DATABASE_URL: env.databaseUrl,
    DB_MIGRATE: env.bool(true),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (sign staff tokens)'),
    AUTH_TOKEN_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(86_400 * 7)
      .default(8 * 3600),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(256 * 1024),
    OPINION_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    OPINION_BURST: z.coerce.number().int().min(1).default(10),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_MAX_FAILURES_PER_CLIENT: z.coerce.number().int().min(1).default(50),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(20),
    LOGIN_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(86_400)
      .default(15 * 60),
    TRUSTED_PROXIES: trustedProxies,
    REDIS_URL: redisUrl,
    CLIENT_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(1000).default(2),
    /** Share of the event loop one client may hold while others are served (ADR 35); 1: no pacing. */
    CLIENT_MAX_LOOP_SHARE: z.coerce
      .number()
      .min(0.1, 'must be between 0.1 and 1 (1 turns pacing off)')
      .max(1, 'must be between 0.1 and 1 (1 turns pacing off)')
      .default(0.5),
    LOG_LEVEL: env.logLevel,
    /** Memory for public timelines served again while provably current (ADR 0126); 0 reads every one from the database. */
    PUBLIC_TIMELINE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
    STAFF_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    TEMPORAL_RPC_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
    PUBLIC_BASE_URL: publicBaseUrl.optional(),
    /** The transparency log's public key (C2SP vkey), published at /api/v1/public/transparency/key. */
    TLOG_VERIFIER_KEY: z
      .string()
      .regex(/^[^\s+]+\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/, 'must be a note verifier key: <origin>+<hash>+<base64 key>')
      .optional(),
    TLOG_WITNESSES: tlogWitnesses,
    COSIGNATURE_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    COSIGNATURE_BURST: z.coerce.number().int().min(1).default(30),
    /**
     * The deployment secret that peppers identity numbers' hashes (ADR 68) and seals an online application's
     * lookup secret for retries (ADR 98); kept outside the database. Unset: derived from AUTH_SECRET.
     */
    DISCLOSURE_ID_PEPPER: z.string().min(16, 'must be at least 16 characters (a deployment secret)').optional(),
    /** Per client, for the disclosure application and, separately, for the lookup (guessing secrets). */
    DISCLOSURE_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(6),
    DISCLOSURE_BURST: z.coerce.number().int().min(1).default(10),
    FOLLOW_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(2),
    FOLLOW_BURST: z.coerce.number().int().min(1).default(5),
    /** Where attached files are kept (ADR 74, 87): `database` (the app database) or `directory:<path>`. */
    ATTACHMENT_STORE: z
      .string()
      .trim()
      .regex(/^(database|directory:.+)$/, 'must be "database" or "directory:<path>", e.g. directory:/var/lib/od/files')
      .default('database'),
    /** The largest attachment accepted, in bytes (the upload's body limit follows it). */
    ATTACHMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(512 * 1024 * 1024)
      .default(MAX_ATTACHMENT_BYTES),
    /** The CJK font of the disclosure reply document's PDF (ADR 103): a .ttf, .otf or .ttc file. */
    DISCLOSURE_PDF_FONT: z.string().trim().min(1).default('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
    /** The face inside a font collection (.ttc) given by DISCLOSURE_PDF_FONT; ignored for a single font. */
    DISCLOSURE_PDF_FONT_FACE: z.string().trim().min(1).default('NotoSansCJKsc-Regular'),
    /** The footer of every page (ADR 91): 主办单位 in Chinese and English, a public contact. */
    SITE_HOST_BODY: footerText,
    SITE_HOST_BODY_EN: footerText,
    SITE_CONTACT: footerText,
    /** 网站标识码: ten letters or digits, as assigned by the government website census. */
    SITE_ID_CODE: z
      .string()
      .trim()
      .regex(/^([0-9A-Za-z]{10})?$/, 'must be the ten-character site identification code (网站标识码), e.g. 1100000088')
      .transform((value) => value || undefined)
      .optional(),
    /** The catalogue's categories (ADR 109): `id:中文名:English name;…`; unset: the built-in list. */
    DECISION_CATEGORIES: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value.trim() === '') return DEFAULT_CATEGORIES;
        const parsed = parseCategories(value);
        if (typeof parsed === 'string') {
          ctx.addIssue({ code: 'custom', message: parsed });
          return z.NEVER;
        }
        return parsed;
      }),
    /** ICP filing number, e.g. 京ICP备12345678号-1. */
    SITE_ICP_FILING: z
      .string()
      .trim()
      .regex(
        /^(\p{Script=Han}ICP备\d{4,12}号(-\d{1,4})?)?$/u,
        'must be an ICP filing number: <province>ICP备<digits>号, optionally -<n>, e.g. 京ICP备12345678号-1',
      )
      .transform((value) => value || undefined)
      .optional(),
  })
  .transform((config) => ({
    ...config,
    PUBLIC_BASE_URL: config.PUBLIC_BASE_URL ?? defaultBaseUrl(config.HOST, config.PORT),
  }));

export type GatewayConfig = z.infer<typeof schema>;

/** The footer's identity lines, from the `SITE_*` settings. */
export function siteIdentityFrom(config: GatewayConfig): SiteIdentity {
  return {
    hostBody: config.SITE_HOST_BODY,
    hostBodyEn: config.SITE_HOST_BODY_EN,
    contact: config.SITE_CONTACT,
    siteCode: config.SITE_ID_CODE,
    icpFiling: config.SITE_ICP_FILING,
  };
}

/**
 * The identity pepper (ADR 68): `DISCLOSURE_ID_PEPPER`, or when unset one derived from AUTH_SECRET (also a
 * secret kept outside the database). Trap: with the derived pepper, rotating AUTH_SECRET breaks the link
 * between an applicant's earlier and later requests and the retry of an application in flight.
 */
export function disclosurePepper(config: GatewayConfig): string {
  return (
    config.DISCLOSURE_ID_PEPPER ?? createHmac('sha256', config.AUTH_SECRET).update('disclosure-id-pepper').digest('hex')
  );
}

export function loadGatewayConfig(source: Record<string, string | undefined>): GatewayConfig {
  return parseConfig(schema, source);
}

/** Whether a kept cosignature is by a witness `TLOG_WITNESSES` still names (same name and key hash). */
export function isConfiguredWitness(
  config: GatewayConfig,
  cosignature: { witnessName: string; keyHash: string },
): boolean {
  return config.TLOG_WITNESSES.some(
    (w) => w.name === cosignature.witnessName && w.keyHash.toString(16).padStart(8, '0') === cosignature.keyHash,
  );
}
