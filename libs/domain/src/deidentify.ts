/**
 * De-identification (去标识化) of an opinion's public copy (SPEC.md §5; PIPL art.51, 73). Masks resident
 * ID numbers (with their checksum), mobile and landline numbers, e-mail addresses, bank card numbers
 * (Luhn), and the submitter's own name and contact where the text repeats them. Ordinary numbers —
 * years, article numbers, amounts, dates — are left alone: a number is masked only when its shape and,
 * where one exists, its check digit say it is one of the above.
 */

export interface SubmitterContact {
  name?: string;
  phone?: string;
  email?: string;
}

export type MaskKind = 'id_number' | 'mobile' | 'landline' | 'email' | 'bank_card' | 'name' | 'contact';

const MASK: Record<MaskKind, string> = {
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

const digitsOf = (s: string): string => s.replace(/[\s-]/g, '');

const RULES: Rule[] = [
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  { kind: 'id_number', pattern: /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, accept: (m) => isResidentIdNumber(m) },
  {
    kind: 'bank_card',
    pattern: /(?<!\d)(?:\d[ -]?){15,18}\d(?!\d)/g,
    accept: (m, text, start, end) => passesLuhn(digitsOf(m)) && !isAmount(text, start, end),
  },
  { kind: 'mobile', pattern: /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g, accept: (m, text, start, end) => !isAmount(text, start, end) },
  { kind: 'landline', pattern: /(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3}[ -])\d{7,8}(?!\d)/g },
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
