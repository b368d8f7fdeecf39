import type { CaseDeadline, CaseEventType, IntakeChannel } from '../../../../../libs/domain/src';
import type { Locale } from '../../site-shell/web/i18n';

type Words = { zh: string; en: string };
const say = (words: Words, locale: Locale): string => (locale === 'en' ? words.en : words.zh);

const CHANNELS: Record<IntakeChannel, Words> = {
  online: { zh: '网上申请', en: 'Online' },
  fax: { zh: '传真', en: 'Fax' },
  in_person: { zh: '当面提交', en: 'In person' },
  registered_post: { zh: '挂号信', en: 'Registered post' },
  ordinary_post: { zh: '平信', en: 'Ordinary post' },
};

const EVENTS: Record<CaseEventType, Words> = {
  RequestReceived: { zh: '收到申请', en: 'Request received' },
  StageMoved: { zh: '进入下一阶段', en: 'Stage moved' },
  CorrectionRequested: { zh: '告知补正', en: 'Correction asked' },
  CorrectionReceived: { zh: '收到补正', en: 'Correction received' },
  ConsultationStarted: { zh: '征求意见', en: 'Consultation started' },
  ConsultationAnswered: { zh: '收到意见', en: 'Consultation answered' },
  ConsultationLapsed: { zh: '征求意见期满', en: 'Consultation lapsed' },
  ExtensionGranted: { zh: '批准延期', en: 'Extension granted' },
  CustomPeriodSet: { zh: '另行确定期限', en: 'Custom period set' },
  FeeNoticed: { zh: '发出收费通知', en: 'Fee noticed' },
  FeePaid: { zh: '已缴费', en: 'Fee paid' },
  ReplyDrafted: { zh: '起草答复', en: 'Reply drafted' },
  ReplyReviewed: { zh: '审核答复', en: 'Reply reviewed' },
  Replied: { zh: '发出答复', en: 'Reply issued' },
  Abandoned: { zh: '视为放弃申请', en: 'Abandoned' },
  ReplyOverdue: { zh: '答复逾期', en: 'Reply overdue' },
  Archived: { zh: '归档', en: 'Archived' },
};

const DEADLINES: Record<CaseDeadline['kind'], Words> = {
  correction_notice: { zh: '补正告知期限', en: 'Correction notice window' },
  correction_period: { zh: '申请人补正期限', en: 'Applicant’s correction period' },
  consultation: { zh: '征求意见期限', en: 'Consultation period' },
  payment: { zh: '缴费期限', en: 'Payment period' },
  reply: { zh: '答复期限', en: 'Reply due' },
};

export const channelName = (channel: string, locale: Locale): string =>
  channel in CHANNELS ? say(CHANNELS[channel as IntakeChannel], locale) : channel;
export const eventName = (type: CaseEventType, locale: Locale): string => say(EVENTS[type], locale);
export const deadlineName = (kind: CaseDeadline['kind'], locale: Locale): string => say(DEADLINES[kind], locale);

const DELIVERY: Record<string, Words> = {
  paper: { zh: '纸质', en: 'paper' },
  electronic: { zh: '电子', en: 'electronic' },
  post: { zh: '邮寄', en: 'by post' },
  email: { zh: '电子邮件', en: 'by e-mail' },
  pick_up: { zh: '自行领取', en: 'picked up' },
  online: { zh: '网上获取', en: 'online' },
};

/** The form and way of delivery in words (art.29(3)). */
export const deliveryName = (form: string, way: string, locale: Locale): string =>
  [form, way].map((v) => (DELIVERY[v] ? say(DELIVERY[v], locale) : v)).join(locale === 'en' ? ', ' : '，');
