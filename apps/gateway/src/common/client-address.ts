import { isIP, isIPv4 } from 'node:net';

/**
 * The key one client's limits are counted under (ADR 31):
 * an IPv4 address as it is (IPv4-mapped IPv6 `::ffff:a.b.c.d` folded to it), an IPv6 address by its /64
 * prefix — one subscriber gets a whole /64, so per-address keys would give them 2^64 buckets.
 * `ip` is Fastify's `request.ip`: the socket's address, or, through trusted proxies only, the
 * `X-Forwarded-For` hop before the first trusted one.
 */
export function clientKeyOf(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip) || isIP(ip) !== 6) return ip;
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped, embedded IPv4 converted), lower-case, no leading zeros. */
function expandIPv6(ip: string): string[] {
  let address = ip.split('%')[0]!.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    address = `${address.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = address.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...middle, ...right].map((group) => parseInt(group, 16).toString(16));
}

/** Whether `value` is an IP address or a CIDR block (`10.0.0.0/8`, `fd00::/8`): the form TRUSTED_PROXIES takes. */
export function isAddressOrCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}
