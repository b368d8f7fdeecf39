import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth';
import { loggableUrl } from './log-redaction';
import { isStaffPath } from './response-headers';

describe('the JSON depth limit', () => {
  it('counts nesting of objects and arrays, not brackets inside strings or escaped quotes', () => {
    expect(jsonDepthExceeds('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonDepthExceeds('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(jsonDepthExceeds(`{"text":"${'['.repeat(5000)}"}`)).toBe(false);
    expect(jsonDepthExceeds(`{"text":"\\"${'{'.repeat(5000)}"}`)).toBe(false);
    expect(jsonDepthExceeds(`{"a":"\\\\"${',{"b":'.repeat(40)}1${'}'.repeat(41)}`, 32)).toBe(true);
  });
});

describe('request URLs as logged', () => {
  it.each([
    ['/receipts?receipt=OD-7K3M-9QX2-H4TR-5', '/receipts?receipt=*'],
    ['/receipts?receipt=OD-7K3M-9QX2-H4TR-5&sent=1&lang=en', '/receipts?receipt=*&sent=1&lang=en'],
    ['/api/v1/public/opinions/OD-7K3M-9QX2-H4TR-5', '/api/v1/public/opinions/*'],
    ['/decisions?q=%E5%BC%A0%E4%B8%89&page=2', '/decisions?q=*&page=2'],
    ['/console?token=eyJhbGciOi.eyJzdWIi.sig', '/console?token=*'],
    ['/x?eyJhbGciOiJIUzI1NiJ9.e30.sig', '/x?*=*'],
    ['/decisions/abc/timeline', '/decisions/abc/timeline'],
    ['/decisions?lang=<script>', '/decisions?lang=*'],
    ['/follow/unsubscribe?token=Zm9sbG93LXRva2VuLW9mLTMyLWNoYXJz&lang=en', '/follow/unsubscribe?token=*&lang=en'],
    ['/follow/confirm?token=Zm9sbG93LXRva2VuLW9mLTMyLWNoYXJz', '/follow/confirm?token=*'],
  ])('%s is logged as %s', (url, logged) => {
    expect(loggableUrl(url)).toBe(logged);
  });
});

describe('staff paths (no-store)', () => {
  it.each([
    ['/api/v1/auth/login', true],
    ['/api/v1/decisions', true],
    ['/api/v1/admin/accounts', true],
    ['/console', true],
    ['/console/login', true],
    ['/api/v1/public/decisions', false],
    ['/api/docs', false],
    ['/decisions', false],
    ['/consoles', false],
  ])('%s → %s', (path, staff) => {
    expect(isStaffPath(path)).toBe(staff);
  });
});
