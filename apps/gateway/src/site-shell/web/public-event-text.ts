import { readPublicEvent, type PublicEventType } from '../../../../../libs/domain/src';

/**
 * zh-CN words for public log entries (feeds, and any page that lists a timeline). Pure and Nest-free.
 * Summaries are built only from the entry's public `data`: they restate what the timeline already says,
 * shortened, and never add anything. Data is read defensively: old entries may lack newer fields.
 */

/** One label per event type; a missing type fails to compile. */
export const EVENT_LABELS: Record<PublicEventType, string> = {
  DecisionRegistered: '纳入决策事项目录',
  DraftPublished: '草案预公开',
  HearingNoticed: '听证会公告',
  ConsultationOpened: '征求意见',
  HearingHeld: '听证会举行',
  ChannelRecorded: '线下征求意见',
  ConsultationExtended: '征求意见延期',
  ConsultationClosed: '征求意见结束',
  FeedbackPublished: '采纳情况反馈',
  DecisionAdopted: '集体讨论通过',
  DecisionRejected: '集体讨论未通过',
  DecisionReturned: '退回修改',
  DecisionPublished: '决策公布',
  MilestonePlanned: '执行计划',
  ProgressReported: '执行进展',
  MilestoneCompleted: '里程碑完成',
  MilestoneOverdue: '里程碑逾期',
  AuditFindingPublished: '审计发现',
  RectificationReported: '整改情况',
  AccountabilityPublished: '问责情况',
  EvaluationStarted: '决策后评估启动',
  EvaluationPublished: '评估报告',
  DecisionAdjusted: '决策调整',
  DecisionSuspended: '暂停执行',
  DecisionTerminated: '终止执行',
  DecisionResumed: '恢复执行',
  DecisionClosed: '办结归档',
  DueDateRecomputed: '期限重新计算',
  AttachmentAdded: '附件公开',
  AnnualReportPublished: '年度报告公开',
};

/** English labels (the public site's second language); a missing type fails to compile. */
export const EVENT_LABELS_EN: Record<PublicEventType, string> = {
  DecisionRegistered: 'Entered in the catalogue',
  DraftPublished: 'Draft published',
  HearingNoticed: 'Hearing announced',
  ConsultationOpened: 'Consultation opened',
  HearingHeld: 'Hearing held',
  ChannelRecorded: 'Offline consultation recorded',
  ConsultationExtended: 'Consultation extended',
  ConsultationClosed: 'Consultation closed',
  FeedbackPublished: 'Adoption feedback published',
  DecisionAdopted: 'Adopted by collective decision',
  DecisionRejected: 'Rejected by collective decision',
  DecisionReturned: 'Returned for revision',
  DecisionPublished: 'Decision published',
  MilestonePlanned: 'Milestone planned',
  ProgressReported: 'Progress reported',
  MilestoneCompleted: 'Milestone completed',
  MilestoneOverdue: 'Milestone overdue',
  AuditFindingPublished: 'Audit finding',
  RectificationReported: 'Rectification reported',
  AccountabilityPublished: 'Accountability',
  EvaluationStarted: 'Evaluation started',
  EvaluationPublished: 'Evaluation report',
  DecisionAdjusted: 'Decision adjusted',
  DecisionSuspended: 'Execution suspended',
  DecisionTerminated: 'Execution terminated',
  DecisionResumed: 'Execution resumed',
  DecisionClosed: 'Closed and archived',
  DueDateRecomputed: 'Due date recomputed',
  AttachmentAdded: 'Attachment published',
  AnnualReportPublished: 'Annual report published',
};

/** The label in zh-CN (default) or English. */
export function eventLabelIn(type: string, language: 'zh-CN' | 'en'): string {
  return (
    (language === 'en' && Object.hasOwn(EVENT_LABELS_EN, type)
      ? (EVENT_LABELS_EN as Record<string, string>)[type]
      : undefined) ?? eventLabel(type)
  );
}

export function eventLabel(type: string): string {
  return Object.hasOwn(EVENT_LABELS, type) ? (EVENT_LABELS as Record<string, string>)[type]! : type;
}

const ROLE_LABELS: Record<string, string> = {
  drafter: '承办单位',
  reviewer: '审查机构',
  manager: '决策机关',
  admin: '管理员',
  system: '系统',
};
export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? role;

const CHANNEL_LABELS: Record<string, string> = {
  online: '网上征求意见',
  hearing: '听证会',
  symposium: '座谈会',
  field_visit: '实地走访',
  written: '书面征求意见',
  questionnaire: '问卷调查',
  expert: '专家咨询',
  media: '媒体沟通',
};
const SEVERITY = { low: '一般', medium: '较重', high: '严重' } as Record<string, string>;
const RECTIFICATION = { in_progress: '整改中', completed: '已整改' } as Record<string, string>;
const CONCLUSION = { continue: '继续执行', adjust: '调整', suspend: '暂停执行', terminate: '终止执行' } as Record<
  string,
  string
>;
const TRIGGER = { scheduled: '按计划', opinions: '执行阶段公众意见较多', manager: '决策机关启动' } as Record<
  string,
  string
>;
const VERDICTS = {
  adopted: '采纳',
  partially_adopted: '部分采纳',
  not_adopted: '未采纳',
  not_applicable: '不适用',
} as Record<string, string>;

const BEIJING_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai has had no daylight saving time since 1991.
export const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * An instant in Beijing time, written by `format` from its calendar fields; anything that is not an
 * instant comes back as given (a string) or empty.
 */
export function inBeijing(
  value: unknown,
  format: (d: { year: number; month: number; day: number; hh: string; mm: string }) => string,
): string {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) return typeof value === 'string' ? value : '';
  const d = new Date(ms + BEIJING_OFFSET_MS);
  return format({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hh: pad(d.getUTCHours()),
    mm: pad(d.getUTCMinutes()),
  });
}

/**
 * An instant shown in Beijing time (SPEC.md §4), e.g. `2026-11-26 16:00` — the one date format of the
 * site's pages in both languages (ADR 91); anything else as given.
 */
export function beijingTime(value: unknown): string {
  return inBeijing(value, (d) => `${d.year}-${pad(d.month)}-${pad(d.day)} ${d.hh}:${d.mm}`);
}

/** At most `max` characters (code points), whitespace runs folded, an ellipsis when cut. */
export function clip(value: unknown, max = 120): string {
  const chars = [...(typeof value === 'string' ? value : '').replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** What an event summary may name instead of a code; each answers undefined for a code it does not know (ADR 108). */
export interface EventNames {
  unit(id: string): string | undefined;
  milestone(id: string): string | undefined;
  finding(id: string): string | undefined;
}

/** Names nothing: summaries then show codes as recorded. */
export const NO_NAMES: EventNames = { unit: () => undefined, milestone: () => undefined, finding: () => undefined };

/** A unit's name, or the text as recorded (a unit typed as free text, or one without a row). */
const unitIn = (names: EventNames, value: unknown, max: number): string =>
  clip((typeof value === 'string' && names.unit(value)) || value, max);
/** 「title」 of a milestone or finding, or its code when the log has no title for it. */
export const titled = (title: string | undefined, id: string | undefined, open = '「', close = '」'): string =>
  title ? `${open}${title}${close}` : (id ?? '');

/** The public `data` of a log entry, as stored; read through the event schemas (`readPublicEvent`). */
export type Data = Record<string, unknown>;
const channels = (value: unknown): string =>
  Array.isArray(value) ? value.map((c) => CHANNEL_LABELS[String(c)] ?? String(c)).join('、') : '';
export const percent = (value: number | undefined): string =>
  value === undefined ? '' : `${Math.round(value * 10) / 10}%`;
/** Joins the non-empty sentences. */
const sentences = (...parts: Array<string | false | null | undefined>): string =>
  parts.filter((p): p is string => Boolean(p)).join('');

/** A short zh-CN description of one public log entry, from its public data only (read through its schema). */
export function summarizeEvent(type: string, data: Data, names: EventNames = NO_NAMES): string {
  switch (type as PublicEventType) {
    case 'DecisionRegistered': {
      const d = readPublicEvent('DecisionRegistered', data);
      return sentences('该事项纳入重大行政决策事项目录。', d.summary && `概要：${clip(d.summary)}`);
    }
    case 'DraftPublished': {
      const d = readPublicEvent('DraftPublished', data);
      const c = d.consultation ?? {};
      return sentences(
        `公布决策草案（第${d.version ?? 1}稿）、决策依据和起草说明。`,
        c.opensAt && `征求意见时间：${beijingTime(c.opensAt)}至${beijingTime(c.closesAt)}；`,
        channels(c.channels) && `渠道：${channels(c.channels)}。`,
        c.shortenedReason && `征求意见期限少于30日，理由：${clip(c.shortenedReason, 80)}`,
      );
    }
    case 'HearingNoticed': {
      const d = readPublicEvent('HearingNoticed', data);
      return `听证会定于${beijingTime(d.date)}在${clip(d.place, 60)}举行，参加人${(d.participants ?? []).length}名。`;
    }
    case 'ConsultationOpened': {
      const d = readPublicEvent('ConsultationOpened', data);
      return sentences(
        `征求意见开始，截止时间${beijingTime(d.closesAt)}。`,
        channels(d.channels) && `渠道：${channels(d.channels)}。`,
      );
    }
    case 'HearingHeld':
    case 'ChannelRecorded': {
      // A hearing's record is a channel record with the hearing's id and signed record.
      const d = readPublicEvent('ChannelRecorded', data);
      const channel = d.channel ?? '';
      const what = type === 'HearingHeld' ? '听证会' : (CHANNEL_LABELS[channel] ?? channel);
      return `${what}于${beijingTime(d.date)}举行，${d.participantsCount ?? 0}人参加，形成意见${d.opinionsCount ?? 0}条。`;
    }
    case 'ConsultationExtended': {
      const d = readPublicEvent('ConsultationExtended', data);
      return sentences(
        `征求意见截止时间由${beijingTime(d.previousClosesAt)}延长至${beijingTime(d.closesAt)}。`,
        d.reason && `理由：${clip(d.reason, 80)}`,
      );
    }
    case 'ConsultationClosed': {
      const d = readPublicEvent('ConsultationClosed', data);
      const counts = d.counts ?? {};
      return sentences(
        `征求意见于${beijingTime(d.closedAt)}结束。`,
        counts.received !== undefined && `共收到意见${counts.received}条，公开${counts.published ?? 0}条。`,
        d.feedbackDueAt && `采纳情况反馈应于${beijingTime(d.feedbackDueAt)}前公布。`,
      );
    }
    case 'FeedbackPublished':
      return feedbackSummary(data);
    case 'DecisionAdopted': {
      const d = readPublicEvent('DecisionAdopted', data);
      return sentences(
        `${clip(d.meeting, 60)}（${beijingTime(d.date)}）集体讨论通过。`,
        d.publicationDueAt && `决策应于${beijingTime(d.publicationDueAt)}前公布。`,
      );
    }
    case 'DecisionRejected': {
      const d = readPublicEvent('DecisionRejected', data);
      return `${clip(d.meeting, 60)}（${beijingTime(d.date)}）集体讨论未予通过。`;
    }
    case 'DecisionReturned': {
      const d = readPublicEvent('DecisionReturned', data);
      return sentences(
        `${clip(d.meeting, 60)}（${beijingTime(d.date)}）集体讨论决定退回修改。`,
        d.reason && `理由：${clip(d.reason, 80)}`,
      );
    }
    case 'DecisionPublished': {
      const d = readPublicEvent('DecisionPublished', data);
      return sentences(
        '决策文本与政策解读同步公布。',
        d.executionUnit && `执行单位：${unitIn(names, d.executionUnit, 40)}；`,
        d.evaluationDueAt && `计划评估时间：${beijingTime(d.evaluationDueAt)}。`,
      );
    }
    case 'MilestonePlanned': {
      const d = readPublicEvent('MilestonePlanned', data);
      return `执行里程碑「${clip(d.title, 60)}」，责任单位${unitIn(names, d.unit, 40)}，完成期限${beijingTime(d.dueAt)}。`;
    }
    case 'ProgressReported': {
      const d = readPublicEvent('ProgressReported', data);
      return sentences(
        `里程碑${titled(names.milestone(d.milestoneId ?? ''), d.milestoneId)}进度${percent(d.percent)}`,
        d.overallProgress !== undefined && `，总体进度${percent(d.overallProgress)}`,
        '。',
        clip(d.narrative, 80),
      );
    }
    case 'MilestoneCompleted': {
      const id = readPublicEvent('MilestoneCompleted', data).milestoneId;
      return `里程碑${titled(names.milestone(id ?? ''), id)}已完成。`;
    }
    case 'MilestoneOverdue': {
      const d = readPublicEvent('MilestoneOverdue', data);
      return `里程碑「${clip(d.title, 60)}」已逾期：完成期限${beijingTime(d.dueAt)}，进度${percent(d.percent ?? 0)}。`;
    }
    case 'AuditFindingPublished': {
      const d = readPublicEvent('AuditFindingPublished', data);
      return `审计发现（${SEVERITY[d.severity ?? ''] ?? ''}）：${clip(d.finding, 80)}；整改期限${beijingTime(d.rectificationDueAt)}。`;
    }
    case 'RectificationReported': {
      const d = readPublicEvent('RectificationReported', data);
      return `审计发现${titled(names.finding(d.findingId ?? ''), d.findingId)}${RECTIFICATION[d.status ?? ''] ?? ''}：${clip(d.action, 80)}`;
    }
    case 'AccountabilityPublished': {
      const d = readPublicEvent('AccountabilityPublished', data);
      return `问责对象：${clip(d.subject, 40)}；措施：${clip(d.measure, 80)}（${beijingTime(d.date)}）。`;
    }
    case 'EvaluationStarted': {
      const d = readPublicEvent('EvaluationStarted', data);
      return sentences(
        `决策后评估启动（${TRIGGER[d.trigger ?? ''] ?? ''}）。`,
        d.opinions !== undefined && `执行阶段收到意见${d.opinions}条。`,
        d.evaluatorUnit && `评估单位：${unitIn(names, d.evaluatorUnit, 40)}。`,
      );
    }
    case 'EvaluationPublished': {
      const d = readPublicEvent('EvaluationPublished', data);
      return sentences(`评估结论：${CONCLUSION[d.conclusion ?? ''] ?? ''}。`, clip(d.report, 80));
    }
    case 'DecisionAdjusted': {
      const d = readPublicEvent('DecisionAdjusted', data);
      return sentences(
        d.major === true ? '决策重大调整，将重新履行决策程序。' : '调整执行方案。',
        d.reason && `理由：${clip(d.reason, 80)}`,
      );
    }
    case 'DecisionSuspended':
      return `决策自${beijingTime(readPublicEvent('DecisionSuspended', data).since)}起暂停执行。`;
    case 'DecisionTerminated':
      return `决策于${beijingTime(readPublicEvent('DecisionTerminated', data).at)}终止执行。`;
    case 'DecisionResumed': {
      const d = readPublicEvent('DecisionResumed', data);
      return sentences('决策恢复执行。', d.reason && `理由：${clip(d.reason, 80)}`);
    }
    case 'DecisionClosed': {
      const d = readPublicEvent('DecisionClosed', data);
      return sentences('决策办结，过程记录归档。', d.reason && `说明：${clip(d.reason, 80)}`);
    }
    case 'DueDateRecomputed': {
      const d = readPublicEvent('DueDateRecomputed', data);
      return sentences(
        `工作日历调整后，${DEADLINES[d.deadline ?? ''] ?? ''}由${beijingTime(d.from)}改为${beijingTime(d.to)}${d.provisional === true ? '（预计）' : ''}。`,
        d.sources && `依据：${clip(d.sources.join('；'), 120)}。`,
      );
    }
    case 'AttachmentAdded': {
      const d = readPublicEvent('AttachmentAdded', data);
      return sentences(`附件：${clip(d.name, 80)}（${(d.type ?? '').toUpperCase()}，${d.size ?? 0} 字节）。`);
    }
    case 'AnnualReportPublished': {
      const d = readPublicEvent('AnnualReportPublished', data);
      return sentences(`公开${d.year ?? ''}年度政府信息公开工作年度报告。`, d.sha256 && `报告摘要：${d.sha256}。`);
    }
    default:
      return eventLabel(type);
  }
}

const DEADLINES: Record<string, string> = { feedback: '采纳情况反馈期限', publication: '决策公布期限' };

function feedbackSummary(data: Data): string {
  const d = readPublicEvent('FeedbackPublished', data);
  const statistics = d.statistics ?? {};
  const answered = statistics.answered ?? {};
  const verdicts = (Object.keys(VERDICTS) as Array<'adopted' | 'partially_adopted' | 'not_adopted' | 'not_applicable'>)
    .filter((key) => (answered[key] ?? 0) > 0)
    .map((key) => `${VERDICTS[key]}${answered[key]}条`)
    .join('，');
  const clusters = (d.clusters ?? []).length;
  return sentences(
    '公布意见采纳情况反馈。',
    statistics.received !== undefined && `共收到意见${statistics.received}条`,
    verdicts && `，其中${verdicts}`,
    statistics.received !== undefined && '。',
    clusters > 0 && `逐一答复相对集中的意见${clusters}类。`,
    d.summary && `概要：${clip(d.summary, 80)}`,
  );
}
