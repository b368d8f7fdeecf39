import type { FastifyInstance } from 'fastify';

/**
 * What a Chinese government website states in its footer (ADR 91): the hosting body (主办单位), a public
 * contact, the site identification code (网站标识码) and the ICP filing number. Each line is shown only
 * when set; nothing here is personal (an office's public telephone or mailbox, never a person's).
 */
export interface SiteIdentity {
  /** 主办单位 as written on Chinese pages. */
  hostBody?: string;
  /** The hosting body's English name; English pages fall back to `hostBody`. */
  hostBodyEn?: string;
  /** A public contact: an office telephone number or mailbox. */
  contact?: string;
  /** 网站标识码: ten letters and digits, e.g. `1100000088`. */
  siteCode?: string;
  /** ICP filing number, e.g. `京ICP备12345678号-1`; linked to beian.miit.gov.cn. */
  icpFiling?: string;
}

/** Where the filing number links to: the MIIT filing system, as the filing rules require. */
export const ICP_FILING_URL = 'https://beian.miit.gov.cn/';

const KEY = 'openDecisionSiteIdentity';

/** Makes the identity available to every page rendered by this server (set once, at start). */
export function provideSiteIdentity(fastify: FastifyInstance, identity: SiteIdentity): void {
  fastify.decorate(KEY, identity);
}

/** The identity given to `provideSiteIdentity`, or none (every footer line is then left out). */
export function siteIdentityOf(fastify: FastifyInstance | undefined): SiteIdentity {
  const identity = (fastify as unknown as Record<string, unknown> | undefined)?.[KEY];
  return typeof identity === 'object' && identity !== null ? identity : {};
}
