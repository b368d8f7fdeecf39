import { ConfigError } from '../../../libs/runtime/src';
import { asCosigner, formatVerifierKey, generateSignerKey, parseSignerKey } from '../../../libs/transparency/src';
import { loadGatewayConfig, siteIdentityFrom } from './config';
import { DEFAULT_CATEGORIES } from './site-shell/web/categories';

const SECRET = { AUTH_SECRET: 'x'.repeat(32) };

describe('gateway configuration', () => {
  it('builds public links on http://HOST:PORT unless PUBLIC_BASE_URL is set, never on a request', () => {
    expect(loadGatewayConfig(SECRET).PUBLIC_BASE_URL).toBe('http://127.0.0.1:3000');
    expect(loadGatewayConfig({ ...SECRET, HOST: '::1', PORT: '8080' }).PUBLIC_BASE_URL).toBe('http://[::1]:8080');
    expect(loadGatewayConfig({ ...SECRET, PUBLIC_BASE_URL: 'https://decisions.example.gov.cn/' }).PUBLIC_BASE_URL).toBe(
      'https://decisions.example.gov.cn',
    );
    expect(
      loadGatewayConfig({ ...SECRET, PUBLIC_BASE_URL: 'https://example.gov.cn/open-decision//' }).PUBLIC_BASE_URL,
    ).toBe('https://example.gov.cn/open-decision');
  });

  it.each([
    'decisions.example.gov.cn',
    'ftp://example.gov.cn',
    'https://example.gov.cn/?a=1',
    'https://example.gov.cn/#top',
    'https://user:pw@example.gov.cn',
    '',
  ])('refuses PUBLIC_BASE_URL=%j and names the variable', (value) => {
    expect(() => loadGatewayConfig({ ...SECRET, PUBLIC_BASE_URL: value })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ ...SECRET, PUBLIC_BASE_URL: value })).toThrow(/PUBLIC_BASE_URL/);
  });

  it('takes trusted proxies as addresses and CIDR blocks, none by default', () => {
    expect(loadGatewayConfig(SECRET).TRUSTED_PROXIES).toEqual([]);
    expect(
      loadGatewayConfig({ ...SECRET, TRUSTED_PROXIES: ' 10.0.0.0/8, fd00::/8 ,127.0.0.1' }).TRUSTED_PROXIES,
    ).toEqual(['10.0.0.0/8', 'fd00::/8', '127.0.0.1']);
    expect(() => loadGatewayConfig({ ...SECRET, TRUSTED_PROXIES: '10.0.0.0/8,ingress' })).toThrow(/TRUSTED_PROXIES/);
    expect(() => loadGatewayConfig({ ...SECRET, REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL/);
  });

  it('paces a client at half the event loop by default and refuses a share outside 0.1–1', () => {
    expect(loadGatewayConfig(SECRET).CLIENT_MAX_LOOP_SHARE).toBe(0.5);
    expect(loadGatewayConfig({ ...SECRET, CLIENT_MAX_LOOP_SHARE: '1' }).CLIENT_MAX_LOOP_SHARE).toBe(1);
    for (const value of ['0', '1.5', 'half', '-0.5']) {
      expect(() => loadGatewayConfig({ ...SECRET, CLIENT_MAX_LOOP_SHARE: value })).toThrow(/CLIENT_MAX_LOOP_SHARE/);
    }
  });

  it('takes witness keys in the C2SP cosignature or the plain Ed25519 form, and names a bad one', () => {
    expect(loadGatewayConfig(SECRET).TLOG_WITNESSES).toEqual([]);
    const [a, b] = ['witness.example.org/w1', 'court.example.cn/w'].map(generateSignerKey);
    const cosignerA = formatVerifierKey(asCosigner(parseSignerKey(a!.signerKey)));
    const witnesses = loadGatewayConfig({
      ...SECRET,
      TLOG_WITNESSES: ` ${cosignerA},\n${b!.verifierKey} `,
    }).TLOG_WITNESSES;
    expect(witnesses.map((w) => [w.name, w.type])).toEqual([
      ['witness.example.org/w1', 4],
      ['court.example.cn/w', 4],
    ]);
    for (const value of [`${cosignerA},${a!.verifierKey}`, 'witness.example.org/w1', cosignerA.slice(0, -4)]) {
      expect(() => loadGatewayConfig({ ...SECRET, TLOG_WITNESSES: value })).toThrow(/TLOG_WITNESSES: .*witness/);
    }
  });

  it('takes the footer identity lines, leaves out empty ones and refuses a malformed code or filing number', () => {
    expect(siteIdentityFrom(loadGatewayConfig(SECRET))).toEqual({});
    const config = loadGatewayConfig({
      ...SECRET,
      SITE_HOST_BODY: ' 某市人民政府办公室 ',
      SITE_HOST_BODY_EN: '',
      SITE_CONTACT: '010-12345678',
      SITE_ID_CODE: '1100000088',
      SITE_ICP_FILING: '京ICP备12345678号-1',
    });
    expect(siteIdentityFrom(config)).toEqual({
      hostBody: '某市人民政府办公室',
      hostBodyEn: undefined,
      contact: '010-12345678',
      siteCode: '1100000088',
      icpFiling: '京ICP备12345678号-1',
    });
    expect(() => loadGatewayConfig({ ...SECRET, SITE_ID_CODE: '12345' })).toThrow(/SITE_ID_CODE/);
    expect(() => loadGatewayConfig({ ...SECRET, SITE_ICP_FILING: 'ICP 12345678' })).toThrow(/SITE_ICP_FILING/);
    expect(() => loadGatewayConfig({ ...SECRET, SITE_CONTACT: 'a\nb' })).toThrow(/SITE_CONTACT/);
  });

  it('takes the categories from DECISION_CATEGORIES, the built-in list when unset, and refuses a malformed one', () => {
    expect(loadGatewayConfig(SECRET).DECISION_CATEGORIES).toEqual(DEFAULT_CATEGORIES);
    expect(
      loadGatewayConfig({ ...SECRET, DECISION_CATEGORIES: 'housing:住房保障:Housing; roads:道路:' })
        .DECISION_CATEGORIES,
    ).toEqual([
      { id: 'housing', name: '住房保障', nameEn: 'Housing' },
      { id: 'roads', name: '道路', nameEn: '道路' },
    ]);
    expect(() => loadGatewayConfig({ ...SECRET, DECISION_CATEGORIES: 'Housing:住房' })).toThrow(/DECISION_CATEGORIES/);
    expect(() => loadGatewayConfig({ ...SECRET, DECISION_CATEGORIES: 'a:甲;a:乙' })).toThrow(/listed twice/);
  });
});
