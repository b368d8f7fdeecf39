import { CHANNELS, WITHHOLD_REASONS } from '../../../../../libs/domain/src';
import { CHANNEL_WORDS, WITHHELD_WORDS } from '../../site-shell/web/words';
import type { Locale } from '../../site-shell/web/i18n';

export type Words = Record<Locale, string>;
const w = (zh: string, en: string): Words => ({ 'zh-CN': zh, en });

/**
 * How a field is typed and parsed (`form-parsing.ts`): `datetime` is a Beijing-time `datetime-local`
 * input sent as RFC 3339 UTC; `lines` one item per line; `opinions` one opinion per line;
 * `milestones` a row editor (title, unit, due date, weight per row; ADR 108); `qa` one `question | answer` per line;
 * `file` an upload: its form posts multipart/form-data to the attachment route (ADR 87).
 */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'datetime'
  | 'date'
  | 'number'
  | 'select'
  | 'channels'
  | 'checkbox'
  | 'lines'
  | 'opinions'
  | 'milestones'
  | 'qa'
  | 'file';

/** Choices that come from the decision's state rather than from a fixed list. */
export type StateChoices = 'reviews' | 'hearings' | 'milestones' | 'findings';
/** Choices from the managed lists (ADR 109): the units table, the categories setting. */
export type ListChoices = 'units' | 'categories';

export interface FieldSpec {
  /** The body path; a dot nests (`interpretation.plainLanguage`). */
  name: string;
  kind: FieldKind;
  label: Words;
  hint?: Words;
  required?: boolean;
  options?: ReadonlyArray<{ value: string; label: Words }>;
  choicesFrom?: StateChoices | ListChoices;
}

export interface ActionFormSpec {
  title: Words;
  fields: FieldSpec[];
}

export const channelOptions = CHANNELS.map((value) => ({ value, label: CHANNEL_WORDS[value] }));
const opts = (pairs: Array<[string, string, string]>) => pairs.map(([value, zh, en]) => ({ value, label: w(zh, en) }));

const BEIJING = w('北京时间。', 'China Standard Time.');
const reason = (zh: string, en: string): FieldSpec => ({
  name: 'reason',
  kind: 'textarea',
  label: w('理由', 'Reason'),
  hint: w(zh, en),
  required: true,
});
const MILESTONE_HINT = w(
  '每行一个里程碑：名称、责任单位、完成期限（北京时间）和权重（在总体进度中的占比）。不用的行留空；行不够时点击“添加一行”。',
  'One milestone per row: title, responsible unit, due date (China Standard Time) and weight (its share of the overall progress). Leave unused rows empty; “Add a row” gives another.',
);
const dt = (name: string, zh: string, en: string, required = true, hintZh = '', hintEn = ''): FieldSpec => ({
  name,
  kind: 'datetime',
  label: w(zh, en),
  hint: w(`${hintZh}${BEIJING['zh-CN']}`, `${hintEn}${BEIJING.en}`),
  required,
});

/** Registration (`POST /console/decisions/new`), the step before any action. */
export const REGISTER_FORM: ActionFormSpec = {
  title: w('登记决策事项', 'Register a decision'),
  fields: [
    { name: 'title', kind: 'text', label: w('标题', 'Title'), required: true },
    { name: 'summary', kind: 'textarea', label: w('内容摘要', 'Summary'), required: true },
    {
      name: 'unit',
      kind: 'select',
      label: w('承办单位', 'Unit'),
      hint: w('只能为本单位登记。', 'You register for your own unit only.'),
      choicesFrom: 'units',
      required: true,
    },
    {
      name: 'category',
      kind: 'select',
      label: w('类别', 'Category'),
      hint: w('类别清单由系统设置维护。', 'The list of categories is kept in the settings.'),
      choicesFrom: 'categories',
      required: true,
    },
    { name: 'confidential', kind: 'checkbox', label: w('依法不予公开', 'Confidential (not disclosed by law)') },
    {
      name: 'confidentialGround',
      kind: 'textarea',
      label: w('不予公开的法律依据', 'Legal ground for not disclosing'),
      hint: w('勾选“依法不予公开”时必填，不会公开。', 'Required when confidential; never public.'),
    },
    {
      name: 'riskAssessmentRequired',
      kind: 'checkbox',
      label: w('需要社会稳定风险评估', 'Needs a social-stability risk assessment'),
    },
    { name: 'plannedDates.consultationFrom', kind: 'date', label: w('计划征求意见日期', 'Planned consultation date') },
    { name: 'plannedDates.decisionBy', kind: 'date', label: w('计划决定日期', 'Planned decision date') },
  ],
};

/** Every action of `ACTIONS` as a form; `action-fields.spec.ts` fails when an action has no entry. */
export const ACTION_FORMS: Record<string, ActionFormSpec> = {
  'draft-versions': {
    title: w('保存草案新版本', 'Save a new draft version'),
    fields: [
      { name: 'draft', kind: 'textarea', label: w('决策草案', 'Draft'), required: true },
      { name: 'basis', kind: 'textarea', label: w('决策依据', 'Basis'), required: true },
      { name: 'explanation', kind: 'textarea', label: w('起草说明', 'Explanation'), required: true },
    ],
  },
  'consultation-plan': {
    title: w('制定征求意见方案', 'Set the consultation plan'),
    fields: [
      {
        name: 'channels',
        kind: 'channels',
        label: w('征求意见渠道', 'Channels'),
        options: channelOptions,
        required: true,
      },
      dt('opensAt', '开始时间', 'Opens at'),
      dt('closesAt', '截止时间', 'Closes at', true, '征求意见期一般不少于30日。', 'At least 30 days as a rule. '),
      {
        name: 'shortenedReason',
        kind: 'textarea',
        label: w('缩短期限的理由', 'Reason for a shorter period'),
        hint: w(
          '少于30日时必填，须经分管领导批准并在公告中公开。',
          'Required below 30 days; a manager approves it and it is published in the notice.',
        ),
      },
    ],
  },
  'shortened-consultation-approval': {
    title: w('批准缩短征求意见期限', 'Approve the shortened consultation'),
    fields: [],
  },
  'submit-for-publication': { title: w('提交审查后预公开', 'Submit for review and pre-disclosure'), fields: [] },
  'submit-for-decision': { title: w('提交决定（不予公开事项）', 'Submit for decision (confidential)'), fields: [] },
  'expert-opinions': {
    title: w('记录专家论证意见', 'Record an expert opinion'),
    fields: [
      { name: 'expert', kind: 'text', label: w('专家', 'Expert'), required: true },
      { name: 'opinion', kind: 'textarea', label: w('书面意见', 'Written opinion'), required: true },
      {
        name: 'conflictOfInterestDeclaration',
        kind: 'textarea',
        label: w('利益冲突声明', 'Conflict-of-interest declaration'),
        required: true,
      },
      {
        name: 'hasDirectInterest',
        kind: 'checkbox',
        label: w('该专家与决策有直接利害关系', 'The expert has a direct interest in the decision'),
        hint: w('有直接利害关系的专家应当回避。', 'An expert with a direct interest is excluded.'),
      },
    ],
  },
  'risk-assessments': {
    title: w('记录社会稳定风险评估', 'Record the risk assessment'),
    fields: [
      { name: 'riskPoints', kind: 'textarea', label: w('风险点', 'Risk points'), required: true },
      { name: 'measures', kind: 'textarea', label: w('防范化解措施', 'Measures'), required: true },
      { name: 'contingency', kind: 'textarea', label: w('应急处置预案', 'Contingency plan'), required: true },
      {
        name: 'conclusion',
        kind: 'select',
        label: w('评估结论', 'Conclusion'),
        required: true,
        options: opts([
          ['controllable', '风险可控', 'Controllable'],
          ['not_controllable', '风险不可控', 'Not controllable'],
        ]),
      },
    ],
  },
  approve: {
    title: w('批准公开', 'Approve for publication'),
    fields: [
      {
        name: 'reviewId',
        kind: 'select',
        label: w('待审查的提交', 'Submission'),
        choicesFrom: 'reviews',
        required: true,
      },
    ],
  },
  return: {
    title: w('退回修改', 'Return to the author'),
    fields: [
      {
        name: 'reviewId',
        kind: 'select',
        label: w('待审查的提交', 'Submission'),
        choicesFrom: 'reviews',
        required: true,
      },
      reason('退回的理由会告知起草人员。', 'The author sees this reason.'),
    ],
  },
  hearings: {
    title: w('发布听证会公告', 'Publish a hearing notice'),
    fields: [
      dt('date', '听证时间', 'Hearing date', true, '须在公告之日起至少7日后。', 'At least 7 days after the notice. '),
      { name: 'place', kind: 'text', label: w('地点', 'Place'), required: true },
      {
        name: 'selectionMethod',
        kind: 'textarea',
        label: w('参加人遴选办法', 'Participant selection method'),
        required: true,
      },
      {
        name: 'participants',
        kind: 'lines',
        label: w('参加人名单', 'Participants'),
        hint: w('每行一位（单位或身份）。', 'One per line (organisation or capacity).'),
      },
    ],
  },
  'channel-records': {
    title: w('记录线下渠道（听证会、座谈会等）', 'Record an offline channel (hearing, symposium, …)'),
    fields: [
      {
        name: 'channel',
        kind: 'select',
        label: w('渠道', 'Channel'),
        required: true,
        options: channelOptions.filter((c) => c.value !== 'online'),
      },
      dt('date', '日期', 'Date'),
      { name: 'participantsCount', kind: 'number', label: w('参加人数', 'Participants'), required: true },
      { name: 'minutes', kind: 'textarea', label: w('会议纪要', 'Minutes'), required: true },
      {
        name: 'hearingId',
        kind: 'select',
        label: w('听证会（仅听证会记录）', 'Hearing (hearing records only)'),
        choicesFrom: 'hearings',
      },
      {
        name: 'signedRecordRef',
        kind: 'text',
        label: w('签字笔录编号（仅听证会）', 'Signed record reference (hearings only)'),
      },
      {
        name: 'opinions',
        kind: 'opinions',
        label: w('收集到的意见', 'Opinions received'),
        hint: w('每行一条意见，将与网上意见一并处理。', 'One opinion per line; they join the online opinions.'),
      },
    ],
  },
  extend: {
    title: w('延长征求意见期', 'Extend the consultation'),
    fields: [
      dt(
        'closesAt',
        '新的截止时间',
        'New closing time',
        true,
        '只能延后，不能提前结束。',
        'Only later; a consultation never closes early. ',
      ),
      reason('延长理由将公开。', 'The reason is published.'),
    ],
  },
  'withhold-opinion': {
    title: w('暂不公开某条意见', 'Withhold an opinion from display'),
    fields: [
      { name: 'receipt', kind: 'text', label: w('回执编号', 'Receipt'), required: true },
      {
        name: 'reason',
        kind: 'select',
        label: w('原因', 'Reason'),
        required: true,
        options: WITHHOLD_REASONS.map((value) => ({ value, label: WITHHELD_WORDS[value] })),
      },
      { name: 'note', kind: 'text', label: w('备注', 'Note') },
    ],
  },
  'feedback-report': {
    title: w('提交采纳情况反馈报告', 'Submit the adoption-feedback report'),
    fields: [
      {
        name: 'summary',
        kind: 'textarea',
        label: w('总体情况', 'Summary'),
        required: true,
        hint: w(
          '统计数据和相对集中意见的答复由系统自动写入。',
          'Statistics and the answers to concentrated clusters are added by the system.',
        ),
      },
      { name: 'draftChanges', kind: 'textarea', label: w('草案修改情况', 'How the draft changed'), required: true },
    ],
  },
  'legality-review-request': {
    title: w('提请合法性审查', 'Request the legality review'),
    fields: [
      dt(
        'dueAt',
        '审查期限',
        'Review due',
        false,
        '留空为7个工作日后；不得少于7个工作日。',
        'Empty: 7 working days; never fewer. ',
      ),
    ],
  },
  'legality-review': {
    title: w('记录合法性审查意见', 'Record the legality review'),
    fields: [
      {
        name: 'opinion',
        kind: 'select',
        label: w('审查结论', 'Opinion'),
        required: true,
        options: opts([
          ['lawful', '合法', 'Lawful'],
          ['lawful_with_changes', '修改后合法', 'Lawful with changes'],
          ['unlawful', '不合法', 'Unlawful'],
        ]),
      },
      { name: 'text', kind: 'textarea', label: w('审查意见', 'Review text'), required: true },
    ],
  },
  'collective-decision': {
    title: w('记录集体讨论决定', 'Record the collective decision'),
    fields: [
      { name: 'meeting', kind: 'text', label: w('会议名称', 'Meeting'), required: true },
      dt('date', '会议时间', 'Meeting date'),
      {
        name: 'outcome',
        kind: 'select',
        label: w('决定结果', 'Outcome'),
        required: true,
        options: opts([
          ['adopted', '通过', 'Adopted'],
          ['rejected', '不予通过', 'Rejected'],
          ['returned', '退回重新起草', 'Returned for redrafting'],
        ]),
      },
      {
        name: 'dissent',
        kind: 'textarea',
        label: w('不同意见', 'Dissent'),
        hint: w('如实记录不同意见。', 'Record dissent as it was expressed.'),
      },
      {
        name: 'reason',
        kind: 'textarea',
        label: w('理由', 'Reason'),
        hint: w('退回时必填。', 'Required when returned.'),
      },
    ],
  },
  'publish-decision': {
    title: w('提交决策公布（含政策解读）', 'Submit the decision for publication (with interpretation)'),
    fields: [
      { name: 'text', kind: 'textarea', label: w('决策文本', 'Decision text'), required: true },
      {
        name: 'interpretation.plainLanguage',
        kind: 'textarea',
        label: w('政策解读', 'Interpretation'),
        required: true,
        hint: w('决策与解读同步公布（三同步）。', 'A decision is published together with its interpretation.'),
      },
      {
        name: 'interpretation.qa',
        kind: 'qa',
        label: w('问答', 'Questions and answers'),
        hint: w('每行一问一答：问题 | 回答', 'One per line: question | answer'),
      },
      {
        name: 'adoptionExplanation',
        kind: 'textarea',
        label: w('意见采纳情况说明', 'How opinions were adopted'),
        hint: w('公开决策必填（不予公开事项可不填）。', 'Required for a public decision.'),
      },
      {
        name: 'publicTitle',
        kind: 'text',
        label: w('公开标题', 'Public title'),
        hint: w(
          '不予公开事项必填：经审核后公开的标题，登记时的标题不公开。',
          'Required for a confidential decision: the title made public once approved; its registered title stays private.',
        ),
      },
      {
        name: 'publicSummary',
        kind: 'textarea',
        label: w('公开摘要', 'Public summary'),
        hint: w(
          '不予公开事项必填：经审核后公开的摘要，登记时的摘要不公开。',
          'Required for a confidential decision: the summary made public once approved; its registered summary stays private.',
        ),
      },
      {
        name: 'executionUnit',
        kind: 'select',
        label: w('执行单位', 'Execution unit'),
        choicesFrom: 'units',
        required: true,
      },
      {
        name: 'milestones',
        kind: 'milestones',
        label: w('执行计划（里程碑）', 'Execution plan (milestones)'),
        hint: MILESTONE_HINT,
        required: true,
      },
      dt('evaluationDueAt', '决策后评估时间', 'Evaluation due'),
    ],
  },
  milestones: {
    title: w('新增执行里程碑', 'Plan more milestones'),
    fields: [
      {
        name: 'milestones',
        kind: 'milestones',
        label: w('里程碑', 'Milestones'),
        hint: MILESTONE_HINT,
        required: true,
      },
    ],
  },
  'progress-reports': {
    title: w('报告执行进展', 'Report progress'),
    fields: [
      {
        name: 'milestoneId',
        kind: 'select',
        label: w('里程碑', 'Milestone'),
        choicesFrom: 'milestones',
        required: true,
      },
      {
        name: 'percent',
        kind: 'number',
        label: w('完成百分比', 'Percent complete'),
        hint: w('0–100，不得低于上次公布的数值。', '0–100, not below the last published value.'),
        required: true,
      },
      { name: 'narrative', kind: 'textarea', label: w('进展情况', 'Narrative'), required: true },
    ],
  },
  'audit-findings': {
    title: w('公布审计发现的问题', 'Publish an audit finding'),
    fields: [
      { name: 'finding', kind: 'textarea', label: w('问题', 'Finding'), required: true },
      {
        name: 'severity',
        kind: 'select',
        label: w('严重程度', 'Severity'),
        required: true,
        options: opts([
          ['low', '一般', 'Low'],
          ['medium', '较重', 'Medium'],
          ['high', '严重', 'High'],
        ]),
      },
      dt('rectificationDueAt', '整改期限', 'Rectification due'),
    ],
  },
  rectifications: {
    title: w('报告整改情况', 'Report a rectification'),
    fields: [
      { name: 'findingId', kind: 'select', label: w('审计问题', 'Finding'), choicesFrom: 'findings', required: true },
      { name: 'action', kind: 'textarea', label: w('整改措施', 'What was done'), required: true },
      {
        name: 'status',
        kind: 'select',
        label: w('状态', 'Status'),
        required: true,
        options: opts([
          ['in_progress', '整改中', 'In progress'],
          ['completed', '已完成', 'Completed'],
        ]),
      },
    ],
  },
  accountability: {
    title: w('公布问责情况', 'Publish an accountability record'),
    fields: [
      {
        name: 'subject',
        kind: 'text',
        label: w('问责对象（单位或职务）', 'Who (unit or role)'),
        hint: w('不写个人姓名。', 'No personal names.'),
        required: true,
      },
      { name: 'measure', kind: 'textarea', label: w('问责措施', 'Measure'), required: true },
      dt('date', '日期', 'Date'),
    ],
  },
  evaluation: {
    title: w('启动决策后评估 / 指定评估单位', 'Start the evaluation / name the evaluator'),
    fields: [
      {
        name: 'evaluatorUnit',
        kind: 'text',
        label: w('评估单位', 'Evaluator unit'),
        hint: w('不得为起草单位。', 'Never the drafting unit.'),
        required: true,
      },
    ],
  },
  'evaluation-report': {
    title: w('提交评估报告', 'Submit the evaluation report'),
    fields: [
      {
        name: 'conclusion',
        kind: 'select',
        label: w('评估结论', 'Conclusion'),
        required: true,
        options: opts([
          ['continue', '继续执行', 'Continue'],
          ['adjust', '调整', 'Adjust'],
          ['suspend', '暂停执行', 'Suspend'],
          ['terminate', '终止执行', 'Terminate'],
        ]),
      },
      { name: 'report', kind: 'textarea', label: w('评估报告', 'Report'), required: true },
      {
        name: 'majorAdjustment',
        kind: 'checkbox',
        label: w('重大调整（重新履行征求意见程序）', 'Major adjustment (re-runs the consultation)'),
      },
      { name: 'adjustmentReason', kind: 'textarea', label: w('调整理由', 'Reason for the adjustment') },
      {
        name: 'revisedMilestones',
        kind: 'milestones',
        label: w('调整后的里程碑', 'Revised milestones'),
        hint: MILESTONE_HINT,
      },
      dt('nextEvaluationDueAt', '下次评估时间', 'Next evaluation', false),
    ],
  },
  resume: {
    title: w('恢复执行', 'Resume execution'),
    fields: [reason('恢复理由将公开。', 'The reason is published.')],
  },
  close: { title: w('办结', 'Close the decision'), fields: [reason('办结理由将公开。', 'The reason is published.')] },
  attachments: {
    title: w('上传附件', 'Attach a file'),
    fields: [
      {
        name: 'target',
        kind: 'select',
        label: w('附件所属', 'Belongs to'),
        required: true,
        options: opts([
          ['draft', '当前草案版本', 'The current draft version'],
          ['decision', '决策文件', 'The decision'],
          ['report', '报告', 'A report'],
        ]),
      },
      {
        name: 'file',
        kind: 'file',
        label: w('文件', 'File'),
        hint: w(
          'PDF、DOCX、OFD、PNG 或 JPEG，按内容判断类型。草案公开（保密事项为决策公布）后，附件随之公开。',
          'PDF, DOCX, OFD, PNG or JPEG, judged by content. It becomes public with the draft (a confidential decision: with its publication).',
        ),
        required: true,
      },
      {
        name: 'name',
        kind: 'text',
        label: w('公开显示的文件名', 'Name shown to the public'),
        hint: w('不填则使用上传的文件名。', 'Leave empty to use the uploaded file name.'),
      },
    ],
  },
};
