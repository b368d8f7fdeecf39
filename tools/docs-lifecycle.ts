import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ACTIONS, LIFECYCLE } from '../libs/domain/src';

/**
 * Writes docs/lifecycle.md's tables from the code (`npm run docs:lifecycle`): the stage changes from
 * LIFECYCLE, who may take each action where from ACTION_RULES. They sit between `<!-- generated:NAME -->`
 * and `<!-- /generated:NAME -->`; the rest of the page is prose. docs-lifecycle.spec.ts fails when the
 * checked-in tables differ from these.
 */
/** The repository's root: the nearest folder up with a package.json (tools/ from source, dist/tools/ compiled). */
function repositoryRoot(from: string): string {
  const up = dirname(from);
  return existsSync(join(from, 'package.json')) || up === from ? from : repositoryRoot(up);
}

export const LIFECYCLE_DOC = join(repositoryRoot(__dirname), 'docs', 'lifecycle.md');

const cell = (text: string): string => text.replace(/\|/g, '\\|');

export function generatedTables(): Record<string, string> {
  const stages = [
    '| From | On | To | Public log |',
    '|---|---|---|---|',
    ...LIFECYCLE.map(
      (row) =>
        `| ${row.from} | ${cell(row.on.startsWith('timer:') ? row.on : `\`${row.on}\``)} | ${row.to} | ${cell(row.publicEvent)} |`,
    ),
  ].join('\n');
  const actions = [
    '| Action | Who | In stage | What it does |',
    '|---|---|---|---|',
    ...ACTIONS.map(
      (action) =>
        `| \`${action.name}\` | ${action.roles.join(', ')} | ${action.stages.join(', ')} | ${cell(action.summary)} |`,
    ),
  ].join('\n');
  return { stages, actions };
}

/** `page` with each generated block replaced by `tables[name]`; throws when a block's markers are missing. */
export function withTables(page: string, tables: Record<string, string>): string {
  return Object.entries(tables).reduce((text, [name, table]) => {
    const open = `<!-- generated:${name} (npm run docs:lifecycle) -->`;
    const close = `<!-- /generated:${name} -->`;
    const start = text.indexOf(open);
    const end = text.indexOf(close);
    if (start < 0 || end < start) throw new Error(`docs/lifecycle.md has no ${open} … ${close} block.`);
    return `${text.slice(0, start + open.length)}\n${table}\n${text.slice(end)}`;
  }, page);
}

if (require.main === module) {
  writeFileSync(LIFECYCLE_DOC, withTables(readFileSync(LIFECYCLE_DOC, 'utf8'), generatedTables()));
  process.stdout.write(`wrote the generated tables of ${LIFECYCLE_DOC}\n`);
}
