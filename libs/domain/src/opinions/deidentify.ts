/**
 * De-identification (去标识化) of an opinion's public copy (SPEC.md §5; PIPL art.51, 73). Masks resident
 * ID numbers (with their checksum), mobile and landline numbers, e-mail addresses, bank card numbers
 * (Luhn), and the submitter's own name and contact where the text repeats them. Ordinary numbers —
 * years, article numbers, amounts, dates — are left alone: a number is masked only when its shape and,
 * where one exists, its check digit say it is one of the above.
 *
 * Numbers are recognised as people write them (issue 13): full-width digits (１３９…), spaces or hyphens
 * between groups or even single digits (`110105 19491231 002X`, `139-1234-5678`), and e-mail addresses
 * spelled to dodge harvesters (`li.si @ example.com`, `li.si[at]example.com`, `(at)`, ` at … dot com`).
 * The shape and checksum tests run on the folded digits; the mask replaces the text as written.
 */

export interface SubmitterContact {
  name?: string;
  phone?: string;
  email?: string;
}

export type MaskKind = 'id_number' | 'mobile' | 'landline' | 'email' | 'bank_card' | 'name' | 'contact';

/** The placeholder each kind of detail is masked with (clustering folds them: see opinion-analysis). */
export const MASK: Readonly<Record<MaskKind, string>> = {
  id_number: '[身份证号已隐去]',
  mobile: '[手机号已隐去]',
  landline: '[电话已隐去]',
  email: '[邮箱已隐去]',
  bank_card: '[银行卡号已隐去]',
  name: '[姓名已隐去]',
  contact: '[联系方式已隐去]',
};

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 checksum of an 18-character resident ID number. */
export function isResidentIdNumber(candidate: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(candidate)) return false;
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(candidate[i]), 0);
  const month = Number(candidate.slice(10, 12));
  const day = Number(candidate.slice(12, 14));
  return ID_CHECK[sum % 11] === candidate[17]!.toUpperCase() && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Luhn checksum, as bank card numbers carry. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A number directly followed by a unit of money, percent or time is an amount, not an identifier. */
const AMOUNT_AFTER = /^\s*(元|万|亿|块|%|％|年|月|日|号|条|款|项|人|户|个|次|平方|米|公里|吨)/;
const AMOUNT_BEFORE = /(¥|￥|RMB|人民币|第)\s*$/;

function isAmount(text: string, start: number, end: number): boolean {
  return AMOUNT_AFTER.test(text.slice(end, end + 4)) || AMOUNT_BEFORE.test(text.slice(Math.max(0, start - 4), start));
}

interface Rule {
  kind: MaskKind;
  pattern: RegExp;
  accept?: (match: string, text: string, start: number, end: number) => boolean;
}

/** A digit as people type it: ASCII or full-width (０–９, as Chinese input methods produce). */
const D = '[0-9\uFF10-\uFF19]';
/** Between digits of a written-out number: nothing, or spaces around at most one hyphen or dash. */
const GAP = '(?:[ \\u3000]?[-\\uFF0D\\u2010\\u2011\\u2013\\u2014]?[ \\u3000]?)';
/** Not in the middle of a longer number or word (a digit, possibly across one gap, or a Latin letter). */
const NOT_AFTER_NUMBER = `(?<!${D}${GAP})(?<![A-Za-z])`;
const NOT_BEFORE_NUMBER = `(?!${GAP}${D})(?![A-Za-z])`;

/** ASCII digits of a written-out number: full-width folded, gaps dropped (`１３８ 1234-5678` → `13812345678`). */
function digitsOf(written: string): string {
  return written
    .replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[^0-9Xx]/g, '');
}

const LOCAL = '[A-Za-z0-9._%+-]+';
const OPEN = '[\\[(\\uFF08\\u3010{<]';
const CLOSE = '[\\])\\uFF09\\u3011}>]';
/** `@`, `＠`, `[at]`, `(at)`, `（at）`, `【at】`, or the word ` at `, with spaces around. */
const AT = `(?:\\s*[@\\uFF20]\\s*|\\s*${OPEN}\\s*at\\s*${CLOSE}\\s*|\\s+at\\s+)`;
/** `.`, `．`, `。`, or `[dot]`, `(dot)`, ` dot ` with spaces around the words. */
const DOT = `(?:[.\\uFF0E\\u3002]|\\s*${OPEN}\\s*dot\\s*${CLOSE}\\s*|\\s+dot\\s+)`;
const EMAIL = `(?<![A-Za-z0-9._%+-])${LOCAL}${AT}(?:[A-Za-z0-9-]+${DOT})+[A-Za-z]{2,}(?![A-Za-z0-9])`;

/**
 * An address joined by the bare word ` at ` ("look at example.com") is taken for one only when it looks
 * deliberate: a local part with a dot, digit or underscore, or a domain spelled with `dot`.
 */
function isDeliberateEmail(match: string): boolean {
  if (/[@\uFF20]|[[(\uFF08\u3010{<]\s*at\s*[\])\uFF09\u3011}>]/i.test(match)) return true;
  const [local = '', domain = ''] = match.split(/\s+at\s+/i);
  return /[._\d]/.test(local) || /\bdot\b/i.test(domain);
}

const RULES: Rule[] = [
  { kind: 'email', pattern: new RegExp(EMAIL, 'gi'), accept: (m) => isDeliberateEmail(m) },
  {
    kind: 'id_number',
    pattern: new RegExp(
      `${NOT_AFTER_NUMBER}${D}(?:${GAP}${D}){16}${GAP}[0-9\\uFF10-\\uFF19Xx\\uFF38\\uFF58]${NOT_BEFORE_NUMBER}`,
      'g',
    ),
    accept: (m) => isResidentIdNumber(digitsOf(m)),
  },
  {
    kind: 'bank_card',
    pattern: new RegExp(`(?<!${D})(?:${D}[ \\u3000-]?){15,18}${D}(?!${D})`, 'g'),
    accept: (m, text, start, end) => passesLuhn(digitsOf(m)) && !isAmount(text, start, end),
  },
  {
    kind: 'mobile',
    pattern: new RegExp(
      `${NOT_AFTER_NUMBER}(?:[+\\uFF0B]?(?:86|\\uFF18\\uFF16)${GAP})?[1\\uFF11]${GAP}[3-9\\uFF13-\\uFF19](?:${GAP}${D}){9}${NOT_BEFORE_NUMBER}`,
      'g',
    ),
    accept: (m, text, start, end) => !isAmount(text, start, end),
  },
  {
    kind: 'landline',
    pattern: new RegExp(
      `(?<!${D})(?:[(\\uFF08][0\\uFF10]${D}{2,3}[)\\uFF09]${GAP}|[0\\uFF10]${D}{2,3}(?:[ \\u3000]*[-\\uFF0D\\u2010\\u2011\\u2013\\u2014][ \\u3000]*|[ \\u3000]+))${D}{3,4}${GAP}${D}{4}(?!${D})`,
      'g',
    ),
  },
];

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Deidentified {
  text: string;
  /** What was masked, by kind (counts only: never the values). */
  masked: Partial<Record<MaskKind, number>>;
}

export function deidentify(text: string, contact: SubmitterContact = {}): Deidentified {
  const masked: Partial<Record<MaskKind, number>> = {};
  const count = (kind: MaskKind): string => {
    masked[kind] = (masked[kind] ?? 0) + 1;
    return MASK[kind];
  };
  let result = text;
  for (const rule of RULES) {
    result = result.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
      const offset = rest.find((value) => typeof value === 'number') as number;
      if (rule.accept && !rule.accept(match, result, offset, offset + match.length)) return match;
      return count(rule.kind);
    });
  }
  const own: Array<[string | undefined, MaskKind]> = [
    [contact.name, 'name'],
    [contact.phone, 'contact'],
    [contact.email, 'contact'],
  ];
  for (const [value, kind] of own) {
    const trimmed = value?.trim();
    // A one-character "name" would mask ordinary words; names are masked from two characters.
    if (!trimmed || trimmed.length < 2) continue;
    result = result.replace(new RegExp(escapeRegExp(trimmed), 'g'), () => count(kind));
  }
  return { text: result, masked };
}
