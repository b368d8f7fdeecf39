import { parseCommandLine } from './args';

describe('the verifier command line', () => {
  it('reads a base URL, an optional decision id and the flags', () => {
    expect(parseCommandLine(['verify', 'https://od.example.gov.cn/', 'd1', '--json', '--timeout', '5'])).toEqual({
      kind: 'verify',
      options: { baseUrl: 'https://od.example.gov.cn', decisionId: 'd1', json: true, timeoutMs: 5000 },
    });
  });

  it('keeps the path of a deployment that lives under one', () => {
    expect(parseCommandLine(['verify', 'http://127.0.0.1:3000/od//'])).toMatchObject({
      options: { baseUrl: 'http://127.0.0.1:3000/od', decisionId: undefined, json: false, timeoutMs: 30_000 },
    });
  });

  it('answers --help before anything else', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['verify', '-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], 'missing command: verify'],
    [['check', 'http://x'], 'unknown command: check'],
    [['verify'], 'missing <base-url>'],
    [['verify', 'ftp://x'], 'not an http(s) URL: ftp://x'],
    [['verify', 'http://x?page=2'], 'not an http(s) URL: http://x?page=2'],
    [['verify', 'http://x', 'd1', 'd2'], 'unexpected argument: d2'],
    [['verify', 'http://x', '--timeout', '0'], '--timeout must be a positive number of seconds: 0'],
  ])('refuses %j: %s', (argv, message) => {
    expect(parseCommandLine(argv)).toEqual({ kind: 'usage-error', message, json: false });
  });

  it('refuses an unknown flag, remembering whether JSON was asked for', () => {
    expect(parseCommandLine(['verify', 'http://x', '--jsn', '--json'])).toMatchObject({
      kind: 'usage-error',
      json: true,
    });
  });
});
