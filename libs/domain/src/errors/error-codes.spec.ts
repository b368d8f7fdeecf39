import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, isErrorCode, type ErrorCode } from './error-codes';
import type { DomainErrorKind } from './errors';

const ROOT = join(__dirname, '..', '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  malformed: 400,
  invalid: 422,
  conflict: 409,
  not_found: 404,
  forbidden: 403,
  unauthorized: 401,
  rate_limited: 429,
  unavailable: 503,
};

/** Every literal code thrown in apps, libs and workflows, with the status its error class or kind means. */
function thrownCodes(): Array<{ code: string; status: number; file: string }> {
  const pattern =
    /(?:new (DomainError|InvalidCommandError|ForbiddenActionError)|super)\(\s*'([A-Z][A-Z0-9_]*)'\s*,\s*(?:'([a-z_]+)')?/g;
  return ['apps', 'libs', 'workflows']
    .flatMap((dir) => sources(join(ROOT, dir)))
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(pattern)].map(([, klass, code, kind]) => {
        const status =
          klass === 'InvalidCommandError'
            ? 422
            : klass === 'ForbiddenActionError'
              ? 403
              : STATUS_OF_KIND[kind as DomainErrorKind];
        return { code: code!, status, file: file.slice(ROOT.length + 1) };
      }),
    );
}

describe('the error-code catalogue', () => {
  const codes = Object.keys(ERROR_CODES) as ErrorCode[];

  it('gives every code an error status and plain words in Chinese and English', () => {
    expect(codes.length).toBeGreaterThan(100);
    for (const code of codes) {
      const { status, zh, en } = ERROR_CODES[code];
      expect([code, status >= 400 && status < 600]).toEqual([code, true]);
      expect([code, /[\u4e00-\u9fff]/.test(zh), en.length > 8 && !/[\u4e00-\u9fff]/.test(en)]).toEqual([
        code,
        true,
        true,
      ]);
    }
  });

  it('names codes in upper snake case', () => {
    expect(codes.filter((code) => !/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(code))).toEqual([]);
  });

  it('holds every code the code base throws, with the status its kind means', () => {
    const thrown = thrownCodes();
    expect(thrown.length).toBeGreaterThan(140);
    expect(thrown.filter(({ code }) => !isErrorCode(code))).toEqual([]);
    expect(thrown.filter(({ code, status }) => isErrorCode(code) && ERROR_CODES[code].status !== status)).toEqual([]);
  });

  it('keeps the codes SPEC.md names', () => {
    for (const code of ['CONSULTATION_NOT_OPEN', 'ILLEGAL_TRANSITION', 'OUTCOME_UNKNOWN', 'REASON_REQUIRED'])
      expect(isErrorCode(code)).toBe(true);
  });

  it('tells a catalogued code from any other string', () => {
    expect(isErrorCode('VALIDATION_FAILED')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('NO_SUCH_CODE')).toBe(false);
  });
});
