import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_TEXTS } from './rule-texts';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Codes a lifecycle action's rule can refuse with (the files of ACTIONS and what they call). */
function ruleCodes(): string[] {
  const dir = join(ROOT, 'libs', 'domain', 'src');
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
  const text = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  return [...text.matchAll(/(?:DomainError|InvalidCommandError|ForbiddenActionError)\(\s*'([A-Z_]+)'/g)].map(
    (m) => m[1]!,
  );
}

describe('rule texts of the console', () => {
  it('explain every refusal of a calendar arrangement', () => {
    const text = readFileSync(join(ROOT, 'libs', 'domain', 'src', 'calendar', 'calendar-arrangement.ts'), 'utf8');
    const codes = [...text.matchAll(/InvalidCommandError\(\s*'([A-Z_]+)'/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(5);
    expect(codes.filter((code) => !RULE_TEXTS[code])).toEqual([]);
  });

  it('explain in both languages every code a lifecycle rule refuses with', () => {
    const codes = [...new Set([...ruleCodes(), 'ILLEGAL_TRANSITION'])];
    expect(codes.length).toBeGreaterThan(30);
    expect(codes.filter((code) => !RULE_TEXTS[code])).toEqual([]);
    for (const code of codes)
      expect(RULE_TEXTS[code]!['zh-CN'].length > 3 && RULE_TEXTS[code]!.en.length > 3).toBe(true);
  });

  it('cover the refusals of the feedback work too', () => {
    const text = sourceFiles(join(ROOT, 'libs', 'domain', 'src'))
      .filter((f) => /answers|cluster-edits/.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const codes = [...text.matchAll(/(?:DomainError|InvalidCommandError)\(\s*'([A-Z_]+)'/g)].map((m) => m[1]!);
    expect(
      codes.filter(
        (code) =>
          !RULE_TEXTS[code] && code !== 'INVALID_TARGET' && code !== 'INVALID_RECEIPT' && code !== 'INVALID_ANSWERS',
      ),
    ).toEqual([]);
  });
});
