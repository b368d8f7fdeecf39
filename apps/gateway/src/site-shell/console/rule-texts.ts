import { ERROR_CODES, type ErrorCode } from '../../../../../libs/domain/src/errors/error-codes';

/**
 * The rule behind each refusal a console form can meet, in plain words (zh-CN, English): the error-code
 * catalogue's words (libs/domain error-codes.ts, ADR 0040), keyed by locale. `rule-texts.spec.ts`
 * checks the codes the rules throw against it.
 */
export const RULE_TEXTS: Readonly<Partial<Record<string, { 'zh-CN': string; en: string }>>> = Object.fromEntries(
  (Object.keys(ERROR_CODES) as ErrorCode[]).map((code) => [
    code,
    { 'zh-CN': ERROR_CODES[code].zh, en: ERROR_CODES[code].en },
  ]),
);
