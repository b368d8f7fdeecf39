/**
 * Traditional → simplified Chinese for clustering (issue 16), one code point at a time. The mapping is
 * taken from the dictionaries of opencc-js (MIT code, Apache-2.0 OpenCC data): Taiwan and Hong Kong
 * variants to standard traditional, then traditional to simplified, single characters only. The library's
 * own converter costs ~200 ms to build and ~60 µs per opinion (it matches phrases in a trie); shingles
 * compare characters, so a character table does the same work for clustering at one array read per
 * character. The table (a 128 KiB Uint16Array over the BMP, 0 = unchanged) is built on first use from
 * the library's dictionary strings (~40 ms once per process, mostly loading the module).
 *
 * Phrase-level choices (乾 stays 乾 in 乾隆) are not made: a text and its copy get the same characters,
 * which is all the near-duplicate stage needs; labels read the simplified text.
 */

interface OpenccT2cn {
  Locale: { from: Record<string, string[][]>; to: Record<string, string[][]> };
}

let table: Uint16Array | undefined;

/** Single-character entries `a b|c d` of a dictionary string: a → the first candidate b. */
function characterEntries(dictionary: string, into: Map<number, number>): void {
  for (const entry of dictionary.split('|')) {
    const [from, to] = entry.split(' ');
    if (!from || !to) continue;
    const a = from.codePointAt(0)!;
    const b = to.codePointAt(0)!;
    if (a > 0xffff || b > 0xffff || from.length !== 1 || to.length !== 1) continue;
    into.set(a, b);
  }
}

function build(): Uint16Array {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const opencc = require('opencc-js/t2cn') as OpenccT2cn;
  const variants = new Map<number, number>();
  for (const region of ['tw', 'hk'])
    for (const dictionary of opencc.Locale.from[region]!.flat()) characterEntries(dictionary, variants);
  const simplified = new Map<number, number>();
  for (const dictionary of opencc.Locale.to['cn']!.flat()) characterEntries(dictionary, simplified);
  const result = new Uint16Array(0x10000);
  for (const [from, to] of simplified) result[from] = to;
  for (const [from, to] of variants) {
    const target = simplified.get(to) ?? to;
    if (target !== from) result[from] = target;
  }
  return result;
}

/** The table: simplified code point of each BMP code point, or 0 when it stays as it is. */
export function simplifiedTable(): Uint16Array {
  table ??= build();
  return table;
}

/** `text` with every traditional or variant character replaced by its simplified form (for tests, labels). */
export function toSimplified(text: string): string {
  const map = simplifiedTable();
  let out = '';
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    out += cp < 0x10000 && map[cp] !== 0 ? String.fromCharCode(map[cp]!) : char;
  }
  return out;
}
