import { readFileSync } from 'node:fs';
import { generatedTables, LIFECYCLE_DOC, withTables } from './docs-lifecycle';

describe("docs/lifecycle.md's generated tables", () => {
  it('are what the code says (run `npm run docs:lifecycle` when this fails)', () => {
    const page = readFileSync(LIFECYCLE_DOC, 'utf8');
    expect(withTables(page, generatedTables())).toBe(page);
  });

  it('replace only what sits between their markers', () => {
    const page = 'before\n<!-- generated:stages (npm run docs:lifecycle) -->\nold\n<!-- /generated:stages -->\nafter\n';
    expect(withTables(page, { stages: 'new' })).toBe(
      'before\n<!-- generated:stages (npm run docs:lifecycle) -->\nnew\n<!-- /generated:stages -->\nafter\n',
    );
    expect(() => withTables('no markers', { stages: 'new' })).toThrow(/no <!-- generated:stages/);
  });
});
