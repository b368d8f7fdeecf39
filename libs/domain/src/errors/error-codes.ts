/**
 * The catalogue of error codes: every stable `code` a problem+json answer can carry, with its HTTP
 * status and plain words in both languages (zh-CN first). The codes are public API (SPEC.md §7): never
 * rename one, only add. `DomainError` takes only an `ErrorCode`, so the compiler checks every throw
 * site against this list; the gateway's one problem mapper takes the status from here, pages the words.
 *
 * Trap: `en` is the words a page shows, not the problem's `detail` (that stays the thrower's precise
 * English message). A page may still show its own words for a code (the opinion form does).
 * Kept out of the domain index so that the workflow bundle carries no texts: import it by path.
 */
export const ERROR_CODES = {
  ACCOUNT_EXISTS: { status: 409, zh: '已有同一用户名的账号。', en: 'An account with this username already exists.' },
  ACCOUNT_NOT_FOUND: { status: 404, zh: '没有这个账号。', en: 'No such account.' },
  ADOPTION_EXPLANATION_REQUIRED: {
    status: 422,
    zh: '公布决策时须说明公众意见和专家意见的采纳情况（条例第三十二条）。',
    en: 'Explain how public and expert opinions were adopted (Decree 713 art.32).',
  },
  ALREADY_DECIDED: {
    status: 409,
    zh: '集体讨论决定已经记录，请办理决策公布。',
    en: 'The collective decision is already recorded; publish the decision.',
  },
  ANSWERS_REQUIRED: {
    status: 422,
    zh: '请至少勾选一个意见类或一条意见。',
    en: 'Select at least one cluster or opinion.',
  },
  ATTACHMENT_EMPTY: { status: 422, zh: '上传的文件是空的。', en: 'The uploaded file is empty.' },
  ATTACHMENT_FILE_REQUIRED: {
    status: 422,
    zh: '请选择要上传的文件。',
    en: 'Choose the file to upload.',
  },
  ATTACHMENT_NOT_FOUND: { status: 404, zh: '没有这个公开附件。', en: 'No such public attachment.' },
  ATTACHMENT_TARGET_NOT_READY: {
    status: 409,
    zh: '附件所属的文件还不存在：草案须先保存，决策文件须先通过集体讨论，报告须在反馈阶段之后。',
    en: 'What the file belongs to does not exist yet: save a draft first; a decision file needs the adopted decision; a report comes after consultation.',
  },
  ATTACHMENT_TOO_LARGE: {
    status: 422,
    zh: '文件超过大小限制，请压缩或拆分后上传。',
    en: 'The file is larger than the limit; compress or split it.',
  },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 422,
    zh: '只能上传 PDF、DOCX、OFD、PNG 或 JPEG 文件（按文件内容判断，不看扩展名）。',
    en: 'Only PDF, DOCX, OFD, PNG or JPEG files are accepted (judged by content, not by the name).',
  },
  CALENDAR_DATE_INVALID: {
    status: 422,
    zh: '有日期格式不正确：请按 YYYY-MM-DD 填写。',
    en: 'A date is not valid: write YYYY-MM-DD.',
  },
  CALENDAR_DATE_OUTSIDE_YEAR: {
    status: 422,
    zh: '放假安排中的日期都必须在该年内。',
    en: 'Every date of an arrangement lies in its year.',
  },
  CALENDAR_DAY_CONFLICT: {
    status: 422,
    zh: '同一天不能既是节假日又是调休上班日。',
    en: 'A day cannot be both a holiday and a make-up working day.',
  },
  CALENDAR_HOLIDAYS_REQUIRED: { status: 422, zh: '请填写该年的节假日。', en: 'List the holidays of the year.' },
  CALENDAR_MAKEUP_NOT_WEEKEND: {
    status: 422,
    zh: '调休上班日必须是星期六或星期日。',
    en: 'A make-up working day falls on a Saturday or Sunday.',
  },
  CALENDAR_SOURCE_REQUIRED: {
    status: 422,
    zh: '必须写明放假安排的来源：通知文号和发布日期。',
    en: 'The source is required: the notice’s number and its date.',
  },
  CALENDAR_YEAR_INVALID: { status: 422, zh: '年份不正确（2000—2100年）。', en: 'The year is not valid (2000–2100).' },
  CHECKPOINT_NOT_FOUND: {
    status: 404,
    zh: '透明日志还没有签名的检查点。',
    en: 'The transparency log has no signed checkpoint yet.',
  },
  CHECKPOINT_NOT_ISSUED: {
    status: 422,
    zh: '这不是本系统签发的检查点：提交的检查点与本透明日志签名的任何检查点都不一致。',
    en: 'This is not a checkpoint this log signed: it matches none of its signed checkpoints.',
  },
  CLIENT_BUSY: {
    status: 429,
    zh: '来自您网络地址的请求过多，请等待之前的请求完成后再试。',
    en: 'Too many requests from your address at once; wait for the earlier ones to finish.',
  },
  CLUSTERING_SUPERSEDED: {
    status: 409,
    zh: '意见归类已被更新的一次归类取代，请刷新后再试。',
    en: 'A newer clustering run replaced this one; reload and try again.',
  },
  CLUSTERS_ANSWERED: {
    status: 409,
    zh: '已有意见类作出答复，不能重新归类。',
    en: 'Some clusters are already answered; the opinions cannot be clustered again.',
  },
  CLUSTERS_NOT_READY: {
    status: 409,
    zh: '意见尚未完成归类，请稍后再试。',
    en: 'The opinions are not clustered yet; try again shortly.',
  },
  CLUSTER_ANSWERED: {
    status: 409,
    zh: '已答复的意见类不能合并或拆分；可以修改名称。',
    en: 'An answered cluster cannot be merged or split; it can be relabelled.',
  },
  CLUSTER_LABEL_UNCONFIRMED: {
    status: 409,
    zh: '还有意见类的名称未经确认：公众看到的是确认后的名称，请确认或修改每个意见类的名称后再提交反馈报告。',
    en: 'A cluster label is not confirmed: the public sees confirmed labels only; confirm or edit every cluster label before the report is submitted.',
  },
  CLUSTER_NOT_FOUND: { status: 404, zh: '没有这个意见类。', en: 'No such cluster.' },
  CLUSTER_UNANSWERED: {
    status: 409,
    zh: '还有相对集中的意见没有答复：每个相对集中的意见类都必须答复后才能提交反馈报告。',
    en: 'A concentrated cluster has no answer: every concentrated cluster must be answered before the report is submitted.',
  },
  CONSULTATION_NOT_OPEN: {
    status: 409,
    zh: '这项决策目前不在征求意见期内，意见未被接收。',
    en: 'This decision is not open for opinions at the moment; your opinion was not received.',
  },
  CONSULTATION_NOT_SEALED: {
    status: 409,
    zh: '征求意见尚未结束，意见还不能归类或答复。',
    en: 'The consultation has not closed yet; its opinions cannot be clustered or answered.',
  },
  CONSULTATION_TOO_SHORT: {
    status: 422,
    zh: '征求意见期不得少于30日（《重大行政决策程序暂行条例》第十五条）。确需缩短的，须填写缩短理由，经分管领导批准后在公告中公开。',
    en: 'A consultation lasts at least 30 days (Decree 713 art.15). A shorter one needs a reason, approved by a manager and published in the notice.',
  },
  COSIGNATURE_INVALID: {
    status: 422,
    zh: '见证人的联署签名无效（签名不符，或联署时间晚于当前时间）。',
    en: 'The witness’s cosignature is not valid (a wrong signature, or a time in the future).',
  },
  COSIGNED_NOTE_MALFORMED: {
    status: 422,
    zh: '联署的检查点格式不正确：应为带有见证人联署签名行的 C2SP 签名检查点。',
    en: 'The cosigned checkpoint is malformed: send a C2SP signed checkpoint note with a witness cosignature line.',
  },
  CSRF_INVALID: {
    status: 403,
    zh: '表单已过期或来源不可信，请刷新页面后重试。',
    en: 'The form has expired or did not come from this site; reload the page and try again.',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    zh: '数据服务暂时不可用，本次操作没有生效，请稍后重试。',
    en: 'The database is unavailable; nothing was changed. Please try again shortly.',
  },
  DECISION_NOT_FOUND: {
    status: 404,
    zh: '没有找到这项决策，或它尚未公开。',
    en: 'This decision does not exist or is not public.',
  },
  DISCLOSURE_CASE_CLOSED: {
    status: 409,
    zh: '该申请已办结，不能再办理此事项。',
    en: 'The request is closed; nothing more can be done on it.',
  },
  DISCLOSURE_COMPETENT_AGENCY_REQUIRED: {
    status: 422,
    zh: '能够确定负责公开的机关的，答复须写明该机关的名称和联系方式（条例第三十六条第（五）项）。',
    en: 'Name the competent agency and its contact when it is known (art.36(5)).',
  },
  DISCLOSURE_CORRECTION_ONCE: {
    status: 409,
    zh: '补正只能一次性告知（条例第三十条）。',
    en: 'A correction is asked for once only (art.30).',
  },
  DISCLOSURE_CORRECTION_TOO_LATE: {
    status: 409,
    zh: '补正告知须在收到申请之日起7个工作日内作出（条例第三十条）。',
    en: 'A correction notice goes out within 7 working days of receipt (art.30).',
  },
  DISCLOSURE_CUSTOM_PERIOD_INVALID: {
    status: 422,
    zh: '另行确定的答复期限须为超过20个工作日的整数。',
    en: 'A custom reply period is a whole number of working days above 20.',
  },
  DISCLOSURE_CUSTOM_PERIOD_REASON_REQUIRED: {
    status: 422,
    zh: '另行确定答复期限须写明理由（条例第三十五条）。',
    en: 'A custom reply period states its reason (art.35).',
  },
  DISCLOSURE_DATE_INVALID: {
    status: 422,
    zh: '办理日期须在该申请上一步骤之日与今天之间。',
    en: 'A step is dated between the request’s last step and today.',
  },
  DISCLOSURE_EXTENSION_APPROVER: {
    status: 403,
    zh: '延长答复期限须经政府信息公开工作机构负责人同意，承办人不能自行批准（条例第三十三条）。',
    en: 'The head of the disclosure office approves an extension, not the handler (art.33).',
  },
  DISCLOSURE_EXTENSION_ONCE: {
    status: 409,
    zh: '答复期限只能延长一次（条例第三十三条）。',
    en: 'The reply period is extended once only (art.33).',
  },
  DISCLOSURE_EXTENSION_TOO_LONG: {
    status: 422,
    zh: '延长的期限为1至20个工作日（条例第三十三条）。',
    en: 'An extension is 1 to 20 working days (art.33).',
  },
  DISCLOSURE_FEE_ALREADY_NOTICED: {
    status: 409,
    zh: '该申请已发出收费通知。',
    en: 'A fee notice was already sent for this request.',
  },
  DISCLOSURE_FEE_INVALID: {
    status: 422,
    zh: '计费的件数或页数须为整数。',
    en: 'The count of requests or pages is a whole number.',
  },
  DISCLOSURE_FEE_ONE_BASIS: {
    status: 422,
    zh: '同一申请只能按件或按量其中一种标准计费。',
    en: 'A request is charged per request or per page, never both.',
  },
  DISCLOSURE_FIELD_INVALID: {
    status: 422,
    zh: '申请中有一项内容不符合要求，请按提示修改。',
    en: 'A field of the application is not valid; correct it as shown.',
  },
  DISCLOSURE_FIELD_REQUIRED: {
    status: 422,
    zh: '申请缺少必填内容（条例第二十九条）。',
    en: 'A required field of the application is missing (art.29).',
  },
  DISCLOSURE_ILLEGAL_EVENT: {
    status: 409,
    zh: '该申请当前的办理状态不允许此操作。',
    en: 'The request’s current state does not allow this step.',
  },
  DISCLOSURE_ILLEGAL_STAGE: {
    status: 409,
    zh: '申请须按登记、审核、办理、答复、归档的顺序办理。',
    en: 'A request moves through registration, review, handling, reply and archive in order.',
  },
  DISCLOSURE_LOOKUP_NOT_FOUND: {
    status: 404,
    zh: '回执编号或查询密码不正确，请核对后重试。',
    en: 'The receipt number or the lookup secret is not right; check both and try again.',
  },
  DISCLOSURE_NO_CONSULTATION_PENDING: {
    status: 409,
    zh: '没有正在等待意见的征求意见。',
    en: 'No consultation is awaiting an answer.',
  },
  DISCLOSURE_NO_CORRECTION_PENDING: {
    status: 409,
    zh: '该申请没有待补正的事项。',
    en: 'No correction is awaited for this request.',
  },
  DISCLOSURE_NO_DRAFT_PENDING: {
    status: 409,
    zh: '没有等待审核的答复草稿。',
    en: 'No reply draft is waiting for review.',
  },
  DISCLOSURE_NO_FEE_PENDING: {
    status: 409,
    zh: '该申请没有待缴纳的费用。',
    en: 'No fee is awaited for this request.',
  },
  DISCLOSURE_PDF_FONT_MISSING: {
    status: 503,
    zh: '答复书所需的中文字体文件不存在，请管理员检查 DISCLOSURE_PDF_FONT 设置。',
    en: 'The CJK font file the reply document needs is missing; an administrator checks DISCLOSURE_PDF_FONT.',
  },
  DISCLOSURE_PERIOD_INVALID: {
    status: 422,
    zh: '期限须为至少1个工作日的整数。',
    en: 'A period is a whole number of at least one working day.',
  },
  DISCLOSURE_PERIOD_NOT_LAPSED: {
    status: 409,
    zh: '相关期限尚未届满。',
    en: 'The period has not run out yet.',
  },
  DISCLOSURE_REASONS_REQUIRED: {
    status: 422,
    zh: '此类答复须说明理由。',
    en: 'A reply of this outcome gives its reasons.',
  },
  DISCLOSURE_RECEIPT_EVIDENCE_REQUIRED: {
    status: 422,
    zh: '请填写按该渠道认定收到申请之日所需的日期（条例第三十一条）。',
    en: 'Give the date that fixes the day of receipt for this channel (art.31).',
  },
  DISCLOSURE_REMEDY_NOTICE_REQUIRED: {
    status: 422,
    zh: '答复须告知申请人救济途径（条例第五十一条）。',
    en: 'Every reply states the applicant’s remedies (art.51).',
  },
  DISCLOSURE_REPLY_NOT_APPROVED: {
    status: 409,
    zh: '答复须由另一名工作人员审核同意后才能发出（四眼原则）。',
    en: 'A reply goes out only after another staff member approved its draft (four-eyes principle).',
  },
  DISCLOSURE_REPLY_OVERDUE: {
    status: 409,
    zh: '答复期限已过，不能再办理此事项。',
    en: 'The reply period has ended; this step is no longer possible.',
  },
  DISCLOSURE_REQUEST_NOT_FOUND: {
    status: 404,
    zh: '本单位没有这件政府信息公开申请。',
    en: 'No such disclosure request for your unit.',
  },
  DISCLOSURE_UNIT_UNKNOWN: {
    status: 422,
    zh: '请选择受理申请的行政机关。',
    en: 'Choose the agency the request is for.',
  },
  DOCUMENT_VERSION_NOT_FOUND: {
    status: 404,
    zh: '这项决策没有这一版公开文本。请从列表中选择已公布的草案版本或通过的决定文本。',
    en: 'This decision has no such public text. Choose a published draft version or the adopted text from the list.',
  },
  DRAFT_REQUIRED: { status: 409, zh: '请先保存草案。', en: 'Save a draft version first.' },
  DUPLICATE_TARGET: {
    status: 422,
    zh: '同一意见或意见类被选择了两次。',
    en: 'A cluster or opinion was selected twice.',
  },
  EVALUATOR_IS_DRAFTING_UNIT: {
    status: 403,
    zh: '决策后评估不得由决策起草单位承担（条例第三十六条）。',
    en: 'The evaluation is never done by the unit that drafted the decision (Decree 713 art.36).',
  },
  EVALUATOR_REQUIRED: { status: 409, zh: '请先指定评估单位。', en: 'Name the evaluator first.' },
  EXECUTION_NOT_COMPLETE: {
    status: 409,
    zh: '所有里程碑完成后才能办结。',
    en: 'Every milestone must be complete before the decision closes.',
  },
  EXPERT_HAS_INTEREST: {
    status: 422,
    zh: '与决策有直接利害关系的专家应当回避（条例第二十一条），其意见不予记录。',
    en: 'An expert with a direct interest is excluded (Decree 713 art.21).',
  },
  EXTENSION_NOT_LATER: {
    status: 422,
    zh: '新的截止时间必须晚于现在的截止时间；征求意见不能提前结束。',
    en: 'The new closing time must be later than the current one; a consultation never closes early.',
  },
  FEEDBACK_NOT_PUBLISHED: {
    status: 404,
    zh: '这项决策的意见反馈尚未公布。',
    en: 'The feedback on this decision is not published yet.',
  },
  FEEDBACK_PUBLISHED: {
    status: 409,
    zh: '反馈报告已经公布，答复和意见归类不能再修改。',
    en: 'The feedback is published; answers and clusters can no longer change.',
  },
  FEEDBACK_UNDER_REVIEW: {
    status: 409,
    zh: '反馈报告正在审查，审查人员退回前不能修改答复。',
    en: 'The feedback report is under review; answers can change only after it is returned.',
  },
  FIELD_REQUIRED: { status: 422, zh: '有必填项没有填写。', en: 'A required field is empty.' },
  FIELD_TOO_LONG: { status: 422, zh: '有一项内容超过了长度限制。', en: 'A field is longer than allowed.' },
  FINDING_NOT_FOUND: { status: 404, zh: '没有这个审计问题。', en: 'No such audit finding.' },
  FOLLOW_LINK_UNKNOWN: {
    status: 404,
    zh: '该链接无效或已失效，请使用邮件中的最新链接。',
    en: 'This link is not valid or no longer works; use the link in your latest e-mail.',
  },
  FORBIDDEN: { status: 403, zh: '您无权进行此操作。', en: 'You may not do this.' },
  HEARING_NOTICE_TOO_SHORT: {
    status: 422,
    zh: '听证材料须至少在听证会7日前送达参加人（条例第十六条）：听证时间须在公告之日7日以后。',
    en: 'Hearing materials must reach participants at least 7 days before the hearing (Decree 713 art.16): schedule it 7 or more days after the notice.',
  },
  HEARING_NOT_HELD_YET: { status: 409, zh: '听证会尚未举行，不能记录。', en: 'The hearing has not taken place yet.' },
  HEARING_NOT_NOTICED: {
    status: 409,
    zh: '听证会记录必须对应一次已公告的听证会。',
    en: 'A hearing record needs a hearing that was noticed.',
  },
  HTTP_ERROR: { status: 400, zh: '请求未能处理。', en: 'The request could not be handled.' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    zh: '这个请求标识已用于另一项内容，请刷新页面后重新提交。',
    en: 'This request key was used for different content; reload the page and submit again.',
  },
  ILLEGAL_TRANSITION: {
    status: 409,
    zh: '决策事项当前所处的阶段不允许这项操作（例如不予公开的事项没有预公开，已决定的事项不能再征求意见）。',
    en: 'The decision’s current stage does not allow this action (for example a confidential decision is never pre-disclosed).',
  },
  INTERNAL: {
    status: 500,
    zh: '发生了意外错误，已记录，请稍后重试。',
    en: 'An unexpected error occurred and has been logged; please try again later.',
  },
  INTERPRETATION_REQUIRED: {
    status: 422,
    zh: '决策公布必须同步公布政策解读（三同步）。',
    en: 'A decision is published together with its interpretation.',
  },
  INVALID_ANSWERS: { status: 422, zh: '答复的格式不正确。', en: 'The answers are not in the expected form.' },
  INVALID_CHANNELS: {
    status: 422,
    zh: '请至少选择一个征求意见渠道（线下记录须选择线下渠道）。',
    en: 'Choose at least one consultation channel (an offline record needs an offline channel).',
  },
  INVALID_CHARACTER: {
    status: 400,
    zh: '提交的内容含有无法保存的字符（例如空字符）。',
    en: 'The request holds a character that cannot be stored (such as NUL).',
  },
  INVALID_CLUSTER_IDS: {
    status: 422,
    zh: '合并时请至少选择两个意见类。',
    en: 'Choose at least two clusters to merge.',
  },
  INVALID_CONCLUSION: { status: 422, zh: '请选择结论。', en: 'Choose a conclusion.' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码不正确。', en: 'Unknown username or wrong password.' },
  INVALID_DATE: {
    status: 422,
    zh: '日期格式不正确：请填写 YYYY-MM-DD 或 YYYY-MM-DD HH:mm（北京时间）。',
    en: 'A date is not valid: write YYYY-MM-DD or YYYY-MM-DD HH:mm (China Standard Time).',
  },
  INVALID_EMAIL: {
    status: 422,
    zh: '电子邮箱地址格式不正确。',
    en: 'The e-mail address is not valid.',
  },
  INVALID_FIELD: { status: 422, zh: '有一项内容的格式不正确。', en: 'A field has the wrong form.' },
  INVALID_IDEMPOTENCY_KEY: {
    status: 422,
    zh: '请求标识无效：最多128个可打印的ASCII字符。',
    en: 'The request key is not valid: up to 128 printable ASCII characters.',
  },
  INVALID_LABEL: { status: 422, zh: '名称须为1至200个字。', en: 'A label has 1 to 200 characters.' },
  INVALID_LINE: {
    status: 422,
    zh: '有一行的格式不对：请按提示用“|”分隔各部分，每部分都要填写。',
    en: 'A line does not follow the format: separate its parts with “|” as the hint shows, none empty.',
  },
  INVALID_OPINION: { status: 422, zh: '请选择审查结论。', en: 'Choose the review opinion.' },
  INVALID_OUTCOME: { status: 422, zh: '请选择决定结果。', en: 'Choose the outcome.' },
  INVALID_PERCENT: {
    status: 422,
    zh: '完成百分比须在上次公布的数值与100之间。',
    en: 'The percentage must be between the last published value and 100.',
  },
  INVALID_REASON: { status: 422, zh: '请选择暂不公开的原因。', en: 'Choose a reason for withholding.' },
  INVALID_RECEIPT: {
    status: 422,
    zh: '这不是有效的回执编号，请检查是否有输入错误。',
    en: 'This is not a valid receipt number; please check it for typing mistakes.',
  },
  INVALID_RECEIPTS: { status: 422, zh: '请选择要拆分出去的意见。', en: 'Choose the opinions to split off.' },
  INVALID_ROW: {
    status: 422,
    zh: '有一行没有填写完整：每一行都要填写名称、责任单位、完成期限和权重，不用的行请全部留空。',
    en: 'A row is incomplete: fill in the title, responsible unit, due date and weight, or leave the whole row empty.',
  },
  INVALID_SEVERITY: { status: 422, zh: '请选择严重程度。', en: 'Choose the severity.' },
  INVALID_STATUS: { status: 422, zh: '请选择整改状态。', en: 'Choose the rectification status.' },
  INVALID_TARGET: {
    status: 422,
    zh: '答复对象的格式不正确：须为一个意见类或一条意见。',
    en: "An answer's target is not valid: it is one cluster or one opinion.",
  },
  INVALID_TEXT: {
    status: 422,
    zh: '答复内容须为1至5000个字（或选择答复模板）。',
    en: 'The answer needs 1 to 5000 characters (or a template).',
  },
  INVALID_UTF8: { status: 400, zh: '提交的内容不是有效的 UTF-8 编码。', en: 'The request body is not valid UTF-8.' },
  INVALID_VERDICT: {
    status: 422,
    zh: '请选择采纳情况，或选择一个答复模板。',
    en: 'Choose a verdict, or an answer template.',
  },
  INVALID_WEIGHT: {
    status: 422,
    zh: '里程碑的权重必须是正数。',
    en: 'A milestone’s weight must be a positive number.',
  },
  INVALID_WINDOW: {
    status: 422,
    zh: '截止时间必须晚于开始时间，并且在将来。',
    en: 'The closing time must be after the opening time and in the future.',
  },
  JSON_TOO_DEEP: {
    status: 400,
    zh: '提交的 JSON 嵌套层数过多。',
    en: 'The request body nests objects and arrays too deeply.',
  },
  LEGALITY_REVIEW_NOT_REQUESTED: {
    status: 409,
    zh: '起草单位尚未提请合法性审查。',
    en: 'The drafting unit has not asked for a legality review.',
  },
  LEGALITY_REVIEW_REQUIRED: {
    status: 409,
    zh: '未经合法性审查或者经审查不合法的，不得提交集体讨论（条例第二十五条）。',
    en: 'No collective decision without a passing legality review (Decree 713 art.25).',
  },
  LEGALITY_REVIEW_TOO_SHORT: {
    status: 422,
    zh: '合法性审查期限不得少于7个工作日（条例第二十六条，按法定工作日计算）。',
    en: 'The legality reviewer gets at least 7 working days (Decree 713 art.26, official calendar).',
  },
  LEGAL_GROUND_REQUIRED: {
    status: 422,
    zh: '依法不予公开的决策事项必须写明不予公开的法律依据。',
    en: 'A confidential decision needs the legal ground for not disclosing it.',
  },
  LIMITS_UNAVAILABLE: {
    status: 503,
    zh: '限流服务暂时不可用，本次操作没有生效，请稍后重试。',
    en: 'The shared rate-limit store is unavailable; nothing was changed. Please try again shortly.',
  },
  LOGIN_THROTTLED: {
    status: 429,
    zh: '这个用户名或您的网络地址登录失败次数过多。为防止密码被猜测，暂时不能登录，本次没有核对密码。',
    en: 'Too many failed sign-ins for this username or from your address. To stop password guessing, signing in is paused; this attempt’s password was not checked.',
  },
  LOG_ENTRY_NOT_IN_TREE: {
    status: 404,
    zh: '这条公开日志记录不在透明日志中（或所问的树太小）。',
    en: 'This public log entry is not in the transparency log (or not in a tree of the size asked).',
  },
  LOG_CONFLICT: {
    status: 409,
    zh: '公开日志中同一序号已有不同的记录（系统错误）。',
    en: 'The public log already holds a different entry at this position (a system error).',
  },
  MALFORMED_JSON: { status: 400, zh: '提交的内容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  MALFORMED_REQUEST: { status: 400, zh: '请求格式不正确。', en: 'The request is malformed.' },
  METHOD_NOT_ALLOWED: {
    status: 405,
    zh: '这个地址不支持这种请求方法。',
    en: 'This address does not accept this request method.',
  },
  MILESTONE_NOT_FOUND: { status: 404, zh: '没有这个里程碑。', en: 'No such milestone.' },
  NOT_ADOPTED: { status: 409, zh: '只有经集体讨论通过的决策才能公布。', en: 'Only an adopted decision is published.' },
  NOT_FOUND: { status: 404, zh: '没有找到这个页面。', en: 'This page does not exist.' },
  OPINIONS_CHANGED: {
    status: 409,
    zh: '归类期间意见发生了变化，请稍后再试。',
    en: 'The opinions changed while they were being clustered; try again shortly.',
  },
  OPINION_EMPTY: { status: 422, zh: '请填写意见内容。', en: 'Please write your opinion: the text is empty.' },
  OPINION_TOO_LONG: {
    status: 422,
    zh: '意见内容超过了字数上限，请删减后再提交。',
    en: 'The opinion is longer than allowed; please shorten it.',
  },
  OTHER_UNIT: {
    status: 403,
    zh: '起草人员只能办理本单位的决策事项。',
    en: 'A drafter acts only on the decisions of their own unit.',
  },
  OUTCOME_UNKNOWN: {
    status: 503,
    zh: '在限定时间内没有得到处理结果，操作可能仍会生效：请使用同一请求标识重试。',
    en: 'No outcome within the time limit; the request may still be applied. Retry with the same request key.',
  },
  PASSWORD_FROM_USERNAME: {
    status: 422,
    zh: '密码不得由用户名构成。',
    en: 'The password must not be made from the username.',
  },
  PASSWORD_TOO_COMMON: {
    status: 422,
    zh: '密码过于常见或容易猜测，请选择更长、更少见的密码。',
    en: 'The password is common or easy to guess; choose a longer, uncommon one.',
  },
  PASSWORD_TOO_SHORT: {
    status: 422,
    zh: '密码至少需要12个字符。',
    en: 'The password must have at least 12 characters.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大。', en: 'The submission is too large.' },
  PLAN_REQUIRED: { status: 409, zh: '请先制定征求意见方案。', en: 'Set the consultation plan first.' },
  RATE_LIMITED: {
    status: 429,
    zh: '提交过于频繁，请稍后再试。您的意见未被接收。',
    en: 'Too many submissions from your connection; please wait a moment. Your opinion was not received.',
  },
  REASON_REQUIRED: {
    status: 409,
    zh: '对相对集中的意见“不予采纳”或“部分采纳”时，必须说明理由，且理由不少于20个字。',
    en: 'A concentrated cluster that is not or only partly adopted needs a reason of at least 20 characters.',
  },
  RECEIPTS_NOT_IN_CLUSTER: {
    status: 422,
    zh: '所选意见不属于这个意见类。',
    en: 'The chosen opinions are not in this cluster.',
  },
  RECEIPT_NOT_FOUND: {
    status: 404,
    zh: '这项决策没有这个回执编号的意见。',
    en: 'This decision has no opinion with that receipt.',
  },
  REPEATED_QUERY_PARAMETER: {
    status: 400,
    zh: '同一个查询参数出现了多次。',
    en: 'A query parameter is given more than once.',
  },
  REVIEW_NOT_FOUND: {
    status: 404,
    zh: '这项提交已经不在待审查队列中（可能已被他人处理）。',
    en: 'This submission is no longer waiting for review (someone may have handled it).',
  },
  REVIEW_PENDING: {
    status: 409,
    zh: '草案正在等待审查，审查人员退回之前不能修改。',
    en: 'The draft is waiting for review; it can change only after the reviewer returns it.',
  },
  RISK_ASSESSMENT_REQUIRED: {
    status: 409,
    zh: '这项决策需要社会稳定风险评估，评估完成前不得作出决定（条例第二十二条）。',
    en: 'This decision needs its risk assessment before it is decided (Decree 713 art.22).',
  },
  RISK_NOT_CONTROLLABLE: {
    status: 409,
    zh: '风险评估认为风险不可控，不能通过（条例第二十四条）。',
    en: 'The risk was assessed as not controllable: the decision cannot be adopted (Decree 713 art.24).',
  },
  ROLE_NOT_ALLOWED: { status: 403, zh: '您的角色不能进行这项操作。', en: 'Your role may not perform this action.' },
  SELF_LOCKOUT: {
    status: 409,
    zh: '不能停用自己的账号或取消自己的管理员角色。',
    en: 'You cannot disable your own account or remove your own administrator role.',
  },
  SELF_REVIEW: {
    status: 403,
    zh: '提交人不能审查自己的提交（四眼原则）：请由另一位审查人员批准或退回。',
    en: 'The author of a submission cannot review it (four-eyes principle): another reviewer must approve or return it.',
  },
  SHORTENING_NOT_APPROVED: {
    status: 409,
    zh: '征求意见期缩短的理由尚未经分管领导批准，不能提交。',
    en: 'A manager has not yet approved the reason for the shortened consultation.',
  },
  SPLIT_TAKES_ALL: {
    status: 422,
    zh: '拆分后原意见类至少要保留一条意见。',
    en: 'At least one opinion must stay in the cluster.',
  },
  TEMPLATE_EXISTS: {
    status: 409,
    zh: '本单位已有同一编号的答复模板。',
    en: 'Your unit already has a template with this id.',
  },
  TEMPLATE_NOT_FOUND: { status: 404, zh: '本单位没有这个答复模板。', en: 'Your unit has no such template.' },
  TEMPORAL_UNAVAILABLE: {
    status: 503,
    zh: '流程服务暂时不可用，本次操作没有生效，请稍后重试。',
    en: 'The workflow service is unavailable; nothing was changed. Please try again shortly.',
  },
  TREE_SIZE_OUT_OF_RANGE: {
    status: 422,
    zh: '所问的树大小超出了透明日志的范围。',
    en: 'A tree size asked for is larger than the transparency log, or the sizes are out of order.',
  },
  TOKEN_INVALID: { status: 401, zh: '登录已过期，请重新登录。', en: 'Your session has expired; please sign in again.' },
  TOO_MANY_ANSWERS: { status: 422, zh: '一次最多答复1000项。', en: 'At most 1000 answers at a time.' },
  UNAUTHORIZED: { status: 401, zh: '请先登录。', en: 'Please sign in first.' },
  UNIT_EXISTS: { status: 409, zh: '已有同一编号的单位。', en: 'A unit with this id already exists.' },
  UNKNOWN_ACTION: { status: 404, zh: '没有这项操作。', en: 'There is no such action.' },
  UNKNOWN_UNIT: { status: 422, zh: '没有这个单位。', en: 'No such unit.' },
  UNKNOWN_WITNESS: {
    status: 422,
    zh: '联署签名不属于本系统配置的任何见证人。',
    en: 'The cosignature is by no witness this deployment is configured with.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    zh: '不支持这种内容类型：接口只接受 JSON，页面只接受表单。',
    en: 'This content type is not accepted: the API takes JSON, pages take HTML forms.',
  },
  VALIDATION_FAILED: {
    status: 422,
    zh: '填写的内容有误，请检查后重新提交。',
    en: 'Some fields are not valid; please check them and send again.',
  },
  DISCLOSURE_REPLY_NOT_ISSUED: {
    status: 409,
    zh: '答复书尚未出具；出具后可在此查看和下载。',
    en: 'The reply document has not been issued yet; once issued, it can be read and downloaded here.',
  },
  DISCLOSURE_DOWNLOAD_EXPIRED: {
    status: 404,
    zh: '下载链接已过期，请重新输入回执编号和查询密码查询。',
    en: 'This download has expired; look the request up again with its receipt and secret.',
  },
  DISCLOSURE_REPORT_YEAR_INVALID: {
    status: 422,
    zh: '年度报告的年度有误：只能就已经开始的年度编制，年度结束后才能提交审核。',
    en: 'Wrong year for an annual report: it is opened for a year that has begun and submitted once that year has ended.',
  },
  DISCLOSURE_REPORT_FIELD_INVALID: {
    status: 422,
    zh: '年度报告的填写内容有误：数量须为不小于零的数字，文字不超过两万字。',
    en: 'A field of the annual report is not valid: numbers must be zero or more, texts at most 20,000 characters.',
  },
  DISCLOSURE_REPORT_UNBALANCED: {
    status: 409,
    zh: '表三数据不符合勾稽关系（新收加上年结转应等于办理结果加结转下年），不能使用。',
    en: 'Table 3 does not balance (new + carried over must equal handled + carried forward): it cannot be used.',
  },
  DISCLOSURE_REPORT_STEP_REFUSED: {
    status: 409,
    zh: '年度报告当前的状态不允许这一步操作。',
    en: 'The annual report is not in a state that allows this step.',
  },
  DISCLOSURE_REPORT_NOT_FOUND: {
    status: 404,
    zh: '没有这份年度报告。',
    en: 'There is no such annual report.',
  },
} as const satisfies Record<string, ErrorCodeEntry>;

/** One catalogue entry: the HTTP status of the problem and the words a page shows for it. */
export interface ErrorCodeEntry {
  status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  zh: string;
  en: string;
}

export type ErrorCode = keyof typeof ERROR_CODES;

/** True for a string that names a catalogued code (codes arriving from outside: stored answers, failures). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}
