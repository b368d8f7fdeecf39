import { diffArrays, diffChars, diffWordsWithSpace, type ChangeObject } from 'diff';

/** A run of text inside a changed block: kept, inserted or deleted. */
export interface Span {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * One article or paragraph of the comparison: kept as it was, inserted, deleted, or changed (then its
 * spans mark what was inserted and deleted inside it, by character for Chinese, by word otherwise).
 */
export type BlockChange =
  | { op: 'equal'; text: string }
  | { op: 'insert'; text: string }
  | { op: 'delete'; text: string }
  | { op: 'change'; spans: Span[] };

export interface DocumentDiff {
  blocks: BlockChange[];
  counts: { inserted: number; deleted: number; changed: number };
}

/** A line that starts an article, chapter or section: 第一条, 第十二章, 第3节 …; the lines after it belong to it. */
const HEADING = /^第[一二三四五六七八九十百千零〇两\d]+[条章节]/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/**
 * Bounds on the edit distance jsdiff explores (its `maxEditLength`): past them a block is shown as deleted
 * and re-inserted, and a whole text as replaced, so a hostile or huge draft costs bounded time.
 */
const MAX_BLOCK_EDITS = 2_000;
const MAX_CHAR_EDITS = 1_000;
/** A deleted and an inserted block this alike (share of kept characters) are one changed block. */
const SIMILAR = 0.5;
/** How many following inserted blocks a deleted block is tried against (each try is one bounded diff). */
const CANDIDATES = 4;
/** Characters all inline diffs of one comparison may cover; past it blocks are shown whole. */
const INLINE_BUDGET = 200_000;

/** Characters the two texts share as multisets: an upper bound on what any diff can keep, in O(n). */
function sharedCharacters(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const c of a) counts.set(c, (counts.get(c) ?? 0) + 1);
  let shared = 0;
  for (const c of b) {
    const left = counts.get(c) ?? 0;
    if (left === 0) continue;
    counts.set(c, left - 1);
    shared += 1;
  }
  return shared;
}

/**
 * Splits a text into articles and paragraphs: every non-empty line is a paragraph, except that the lines
 * following an article (chapter, section) heading stay with it until the next heading.
 */
export function splitBlocks(text: string): string[] {
  const blocks: string[] = [];
  let inArticle = false;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const heading = HEADING.test(line);
    if (inArticle && !heading && blocks.length > 0) blocks[blocks.length - 1] += `\n${line}`;
    else blocks.push(line);
    if (heading) inArticle = true;
  }
  return blocks;
}

function inlineDiff(before: string, after: string, budget: { left: number }): Span[] | undefined {
  // Kept characters never exceed the shared ones: blocks that cannot be alike are not diffed at all.
  const longest = Math.max(before.length, after.length);
  if (budget.left < before.length + after.length || sharedCharacters(before, after) < SIMILAR * longest)
    return undefined;
  budget.left -= before.length + after.length;
  const options = { maxEditLength: MAX_CHAR_EDITS };
  const parts: ChangeObject<string>[] | undefined =
    CJK.test(before) || CJK.test(after)
      ? diffChars(before, after, options)
      : diffWordsWithSpace(before, after, options);
  return parts?.map((p) => ({ op: p.added ? 'insert' : p.removed ? 'delete' : 'equal', text: p.value }));
}

function similarity(spans: Span[], before: string, after: string): number {
  const kept = spans.filter((s) => s.op === 'equal').reduce((n, s) => n + s.text.length, 0);
  return kept / Math.max(before.length, after.length, 1);
}

/** Pairs the deleted and inserted blocks of one hunk in order: alike ones become a changed block. */
function pairHunk(deleted: string[], inserted: string[], budget: { left: number }): BlockChange[] {
  const out: BlockChange[] = [];
  let next = 0;
  for (const before of deleted) {
    let match = -1;
    let spans: Span[] | undefined;
    for (let k = next; k < Math.min(inserted.length, next + CANDIDATES) && match < 0; k++) {
      const candidate = inlineDiff(before, inserted[k] ?? '', budget);
      if (candidate && similarity(candidate, before, inserted[k] ?? '') >= SIMILAR) [match, spans] = [k, candidate];
    }
    if (match < 0 || !spans) {
      out.push({ op: 'delete', text: before });
      continue;
    }
    for (const text of inserted.slice(next, match)) out.push({ op: 'insert', text });
    out.push({ op: 'change', spans });
    next = match + 1;
  }
  for (const text of inserted.slice(next)) out.push({ op: 'insert', text });
  return out;
}

/** Compares two texts by article/paragraph with jsdiff, then inside each changed block. Pure. */
export function diffDocuments(before: string, after: string): DocumentDiff {
  const a = splitBlocks(before);
  const b = splitBlocks(after);
  const parts = diffArrays(a, b, { maxEditLength: MAX_BLOCK_EDITS }) ?? [
    { value: a, added: false, removed: true, count: a.length },
    { value: b, added: true, removed: false, count: b.length },
  ];
  const blocks: BlockChange[] = [];
  const budget = { left: INLINE_BUDGET };
  let deleted: string[] = [];
  let inserted: string[] = [];
  const flush = (): void => {
    blocks.push(...pairHunk(deleted, inserted, budget));
    [deleted, inserted] = [[], []];
  };
  for (const part of parts) {
    if (part.removed) deleted.push(...part.value);
    else if (part.added) inserted.push(...part.value);
    else {
      flush();
      blocks.push(...part.value.map((text) => ({ op: 'equal' as const, text })));
    }
  }
  flush();
  const count = (op: BlockChange['op']): number => blocks.filter((x) => x.op === op).length;
  return { blocks, counts: { inserted: count('insert'), deleted: count('delete'), changed: count('change') } };
}
