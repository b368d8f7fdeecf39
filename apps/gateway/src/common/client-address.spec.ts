import { clientKeyOf, isAddressOrCidr } from './client-address';

describe('client key', () => {
  it('keys IPv6 clients per /64, so one subscriber does not get 2^64 buckets', () => {
    expect(clientKeyOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKeyOf('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(clientKeyOf('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(clientKeyOf('::1')).toBe('0:0:0:0::/64');
    expect(clientKeyOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('keys IPv4 (and IPv4-mapped IPv6) per address', () => {
    expect(clientKeyOf('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKeyOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKeyOf(undefined)).toBe('unknown');
  });

  it('accepts addresses and CIDR blocks as trusted proxies and nothing else', () => {
    for (const ok of ['10.0.0.1', '10.0.0.0/8', 'fd00::/8', '::1', '127.0.0.1/32'])
      expect(isAddressOrCidr(ok)).toBe(true);
    for (const bad of ['10.0.0.0/33', 'fd00::/129', 'proxy.local', '10.0.0.1/8/1', '', '*', '10.0.0/8'])
      expect(isAddressOrCidr(bad)).toBe(false);
  });
});
