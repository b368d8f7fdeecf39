import { MASK, type MaskKind } from '../../domain/src';

/**
 * Personal details as clustering sees them (issue 16). Clustering reads an opinion's public copy, which
 * `deidentify` has already masked when it was received (ID numbers with their check digit, phones,
 * e-mail, Luhn-valid card numbers, the submitter's own name and contact from the opinion record). Here:
 * - each mask (`[手机号已隐去]`, six letters) becomes one private-use character, so a greeting's masks
 *   weigh one letter each instead of a dozen shingles;
 * - a clause that is only a greeting with personal details (`我是[姓名]`, `身份证号：[ID]`, `电话[P]`:
 *   a mask and at most 8 other letters) or only a self-introduction by name (`我是王建国`, `本人李四`)
 *   is dropped, so "name, ID, phone, then the letter" reads as the letter.
 * A text that is nothing but such clauses becomes empty (a placeholder: see placeholders.ts).
 */

const KINDS = Object.keys(MASK) as MaskKind[];
/** First private-use code point; kind k is PLACEHOLDER + k. */
export const PLACEHOLDER = 0xe000;
const MASKS = new RegExp(KINDS.map((kind) => MASK[kind].replace(/[[\]]/g, '\\$&')).join('|'), 'g');
const CHARACTER_OF = new Map(KINDS.map((kind, k) => [MASK[kind], String.fromCharCode(PLACEHOLDER + k)]));
const CLAUSE_END = /[，,。；;！!？?\n\r]+/;
const INTRODUCTION = /(?:我是|本人|我叫|姓名|署名)[:：\s]*(?:[\p{Script=Han}]{2,3}|\p{Co})$/u;
const INTRODUCTION_HINT = /我是|本人|我叫|姓名|署名/;
const MAX_GREETING_LETTERS = 8;
const LETTERS = /[\p{L}\p{N}]/gu;

function isGreeting(clause: string): boolean {
  if (/\p{Co}/u.test(clause)) {
    const letters = clause.match(LETTERS)?.length ?? 0;
    const masks = clause.match(/\p{Co}/gu)?.length ?? 0;
    return letters - masks <= MAX_GREETING_LETTERS;
  }
  return INTRODUCTION.test(clause.trim());
}

/** The public copy with masks folded and greeting clauses dropped (see the module comment). */
export function foldPersonalDetails(text: string): string {
  const masked = text.includes('已隐去]');
  if (!masked && !INTRODUCTION_HINT.test(text)) return text;
  const folded = masked ? text.replace(MASKS, (mask) => CHARACTER_OF.get(mask)!) : text;
  const clauses = folded.split(CLAUSE_END).filter((clause) => clause.trim() !== '');
  const kept = clauses.filter((clause) => !isGreeting(clause));
  return kept.length === clauses.length ? folded : kept.join('，');
}
