import {
  type ApplicantKind,
  type DisclosureOutcome,
  type DisclosureStage,
  OUTCOMES,
  STAGE_LABELS,
} from '../../../../libs/domain/src';
import type { Locale } from '../site-shell/web/i18n';

/** The words of on-request disclosure that the application form and the lookup share, zh-CN and English. */
type Words<K extends string> = Readonly<Record<K, readonly [zh: string, en: string]>>;

export const APPLICANT_KIND_WORDS: Words<ApplicantKind> = {
  natural_person: ['自然人', 'Natural person'],
  business: ['商业企业', 'Business'],
  research: ['科研机构', 'Research institution'],
  public_welfare: ['社会公益组织', 'Public-welfare organisation'],
  legal_services: ['法律服务机构', 'Legal-services organisation'],
  other: ['其他组织', 'Other organisation'],
};

export const ID_DOCUMENT_WORDS: Words<string> = {
  resident_id: ['居民身份证', 'Resident ID card'],
  passport: ['护照', 'Passport'],
  hk_macao_permit: ['港澳居民来往内地通行证', 'Mainland travel permit (Hong Kong, Macao)'],
  taiwan_permit: ['台湾居民来往大陆通行证', 'Mainland travel permit (Taiwan)'],
  unified_social_credit_code: ['统一社会信用代码证明', 'Unified social credit code'],
  other: ['其他有效证件', 'Other identity document'],
};

export const DELIVERY_FORM_WORDS: Words<string> = {
  paper: ['纸质', 'Paper'],
  electronic: ['电子', 'Electronic'],
};

export const DELIVERY_WAY_WORDS: Words<string> = {
  post: ['邮寄', 'By post'],
  email: ['电子邮件', 'By e-mail'],
  pick_up: ['当面领取', 'Collect in person'],
  online: ['网上获取', 'Online'],
};

export const PAUSE_WORDS: Words<'third_party' | 'co_producer' | 'payment'> = {
  third_party: ['征求第三方意见', 'Third party consulted'],
  co_producer: ['征求其他机关意见', 'Co-producing agency consulted'],
  payment: ['等待缴纳信息处理费', 'Awaiting the fee'],
};

export const word = <K extends string>(words: Words<K>, key: K, locale: Locale): string =>
  words[key]?.[locale === 'zh-CN' ? 0 : 1] ?? key;

export const stageWord = (stage: DisclosureStage, locale: Locale): string =>
  STAGE_LABELS[stage][locale === 'zh-CN' ? 'zh' : 'en'];

export const outcomeWord = (outcome: DisclosureOutcome, locale: Locale): string =>
  OUTCOMES[outcome][locale === 'zh-CN' ? 'zh' : 'en'];
