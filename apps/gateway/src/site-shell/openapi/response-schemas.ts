import type { OpenAPIObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { STAGES, VERDICTS } from '../../../../../libs/domain/src';

const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string): SchemaObject => ({ type: 'string', ...(description ? { description } : {}) });
const time = (description?: string): SchemaObject => ({
  type: 'string',
  format: 'date-time',
  ...(description ? { description } : {}),
});
const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });
const obj = (
  properties: Record<string, SchemaObject | { $ref: string }>,
  required = Object.keys(properties),
  description?: string,
): SchemaObject => ({
  type: 'object',
  ...(description ? { description } : {}),
  required,
  properties,
});
const page = (item: string, extra: Record<string, SchemaObject> = {}): SchemaObject =>
  obj({
    items: { type: 'array', items: ref(item) },
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer', minimum: 1 },
    total: { type: 'integer', minimum: 0 },
    ...extra,
  });

const ANNUAL_REPORT: SchemaObject = obj(
  {
    reportId: str(),
    unit: str(),
    year: { type: 'integer' },
    officeKind: { type: 'string', enum: ['department', 'government_office'] },
    dueDate: str('YYYY-MM-DD (art. 49)'),
    status: { type: 'string', enum: ['draft', 'in_review', 'approved', 'published'] },
    authorId: nullable(str()),
    reviewerId: nullable(str()),
    table2: { type: 'object', additionalProperties: { type: 'number' } },
    narrative: { type: 'object', additionalProperties: { type: 'string' } },
    content: nullable({ type: 'object', additionalProperties: true, description: 'Frozen at submission.' }),
    contentSha256: nullable(str()),
    publishedAt: nullable(time()),
    overdueSince: nullable(str()),
    updatedAt: time(),
  },
  ['reportId', 'unit', 'year', 'officeKind', 'dueDate', 'status', 'table2', 'narrative'],
  'An annual disclosure report (ADR 119).',
);
const ANNUAL_REPORT_VIEW: SchemaObject = obj(
  {
    report: ANNUAL_REPORT,
    tables: {
      type: 'object',
      additionalProperties: true,
      description: 'Tables 2, 3 and 4: frozen once submitted, else as the record stands now.',
    },
    overdue: { type: 'boolean' },
    log: { type: 'array', items: { type: 'object', additionalProperties: true }, description: 'The report’s steps.' },
    remedies: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
  ['report', 'tables', 'overdue', 'log', 'remedies'],
);

const TIMELINESS_ROW: SchemaObject = obj({
  unit: str(),
  year: { type: 'integer' },
  received: { type: 'integer', minimum: 0 },
  replied: { type: 'integer', minimum: 0 },
  medianWorkingDays: nullable({ type: 'number' }),
  onTime: { type: 'integer', minimum: 0 },
  onTimeShare: nullable({ type: 'number', minimum: 0, maximum: 1 }),
  outcomes: { type: 'object', additionalProperties: { type: 'integer' } },
});

const DUE_ITEM = obj(
  {
    what: {
      type: 'string',
      enum: [
        'consultation_opens',
        'consultation_closes',
        'review',
        'feedback',
        'legality_review',
        'publication',
        'milestone',
        'rectification',
        'evaluation',
      ],
    },
    at: time(),
    public: { type: 'boolean' },
    overdue: { type: 'boolean' },
    ref: str('The milestone, finding or review it belongs to.'),
    counted: { type: 'object', description: 'How a working-day due date was counted (ADR 23).' },
  },
  ['what', 'at', 'public', 'overdue'],
);

const PUBLIC_DECISION_PROPERTIES = {
  id: str(),
  title: str(),
  summary: str(),
  unit: str(),
  category: str(),
  riskAssessmentRequired: { type: 'boolean' },
  stage: { type: 'string', enum: [...STAGES] },
  plannedDates: { type: 'object', additionalProperties: { type: 'string' } },
  registeredAt: time(),
  updatedAt: time(),
  due: { type: 'array', items: ref('DueItem') },
  nextDueAt: nullable(time()),
  overdue: { type: 'boolean' },
  progress: nullable({
    type: 'number',
    minimum: 0,
    maximum: 100,
    description: 'Weighted execution progress, null before execution.',
  }),
} satisfies Record<string, SchemaObject | { $ref: string }>;

const DATES: SchemaObject = { type: 'array', items: { type: 'string', format: 'date' } };

const VERDICT = { type: 'string', enum: [...VERDICTS] } satisfies SchemaObject;

/** Schemas of the success answers, named in components. */
const SCHEMAS: Record<string, SchemaObject> = {
  DueItem: DUE_ITEM,
  PublicDecision: obj(PUBLIC_DECISION_PROPERTIES, undefined, 'The public view of a decision.'),
  DecisionRecord: obj(
    {
      ...PUBLIC_DECISION_PROPERTIES,
      confidential: { type: 'boolean' },
      publicVisible: { type: 'boolean' },
      lastInternalSeq: { type: 'integer' },
    },
    undefined,
    'A decision from the read model, for staff.',
  ),
  DecisionState: {
    type: 'object',
    description:
      'The decision state the workflow holds after the step (SPEC.md §3); more members appear as the decision advances.',
    required: ['decisionId', 'stage'],
    properties: {
      decisionId: str(),
      stage: { type: 'string', enum: [...STAGES] },
      unit: str(),
      confidential: { type: 'boolean' },
      registered: { type: 'boolean' },
    },
    additionalProperties: true,
  },
  PublicOpinion: obj({ text: str('De-identified.'), section: nullable(str()), channel: str(), receivedAt: time() }),
  StaffOpinion: obj({
    receipt: str(),
    text: str('De-identified.'),
    textRaw: str('As sent.'),
    section: nullable(str()),
    channel: str(),
    receivedAt: time(),
    contact: nullable({ type: 'object', additionalProperties: { type: 'string' } }),
    status: str('published or withheld'),
    withheldReason: nullable(str()),
  }),
  ClusterView: obj({
    clusterId: str(),
    label: str(),
    origin: { type: 'string', enum: ['auto', 'merge', 'split'] },
    stance: {
      type: 'string',
      enum: ['support', 'oppose', 'mixed', 'none'],
      description: 'The position its opinions take: set by clustering, corrected by staff (ADR 60).',
    },
    kind: {
      type: 'string',
      enum: ['opinions', 'placeholder'],
      description: "`placeholder`: the round's opinions that say nothing themselves; never concentrated (ADR 60).",
    },
    labelConfirmedAt: nullable(time('When staff confirmed or edited the label (ADR 77); null: unconfirmed.')),
    size: { type: 'integer', minimum: 0 },
    keywords: { type: 'array', items: { type: 'string' } },
    representative: nullable(obj({ receipt: str(), text: str(), status: str() })),
    concentrated: { type: 'boolean' },
    answer: nullable(obj({ verdict: VERDICT, text: str(), reason: nullable(str()), answeredAt: time() })),
    updatedAt: time(),
  }),
  PublicLogEntry: obj({
    decisionId: str(),
    seq: { type: 'integer', minimum: 1 },
    type: str('The public event type (SPEC.md §6).'),
    occurredAt: time(),
    actor: { type: 'object', description: 'Who acted: a unit and role, or the system.' },
    data: { type: 'object', additionalProperties: true },
    prevHash: str(),
    hash: str(),
  }),
  Health: obj(
    {
      status: { type: 'string', enum: ['ok', 'unavailable'] },
      database: { type: 'string', enum: ['ok', 'down'] },
      temporal: { type: 'string', enum: ['ok', 'down'] },
    },
    ['status'],
  ),
};

const json = (schema: SchemaObject | { $ref: string }) => ({ 'application/json': { schema } });
const atom = { 'application/atom+xml': { schema: { type: 'string', description: 'An Atom 1.0 feed (RFC 4287).' } } };

/** The success answer of each operation whose controller does not give a schema, by operationId. */
const SUCCESS: Record<string, Record<string, unknown>> = {
  HealthController_live: json(ref('Health')),
  HealthController_ready: json(ref('Health')),
  HealthController_temporal: json(ref('Health')),
  RegisterDecisionController_register: json(ref('DecisionState')),
  ActOnDecisionController_act: json(ref('DecisionState')),
  AttachFileController_attach: json(ref('DecisionState')),
  DownloadAttachmentController_download: {
    'application/octet-stream': {
      schema: {
        type: 'string',
        format: 'binary',
        description:
          'The file, served with the Content-Type its content was checked as (application/pdf, image/png, …).',
      },
    },
  },
  RegisterDisclosureRequestController_register: json(
    obj({ requestId: str(), receipt: str(), receivedDate: str('YYYY-MM-DD (art. 31)'), stage: str() }),
  ),
  ListDisclosureRequestsController_list: json(
    obj({
      items: {
        type: 'array',
        items: obj(
          {
            requestId: str(),
            receipt: str(),
            unit: str(),
            channel: str(),
            receivedDate: str(),
            stage: str(),
            clock: str('running, paused, stopped, …'),
            dueDate: nullable(str()),
            overdue: { type: 'boolean' },
          },
          ['requestId', 'receipt', 'unit', 'channel', 'receivedDate', 'stage', 'clock', 'dueDate', 'overdue'],
        ),
      },
    }),
  ),
  ViewDisclosureCaseController_view: json(
    obj(
      {
        request: { type: 'object', additionalProperties: true },
        applicant: nullable({ type: 'object', additionalProperties: true, description: 'Personal data: staff only.' }),
        state: { type: 'object', additionalProperties: true },
        clock: { type: 'object', additionalProperties: true },
        deadlines: { type: 'array', items: { type: 'object', additionalProperties: true } },
        overdue: { type: 'boolean' },
        log: { type: 'array', items: { type: 'object', additionalProperties: true }, description: 'The case log.' },
      },
      ['request', 'state', 'clock', 'deadlines', 'overdue', 'log'],
    ),
  ),
  ActOnDisclosureRequestController_act: json({
    type: 'object',
    additionalProperties: true,
    description: 'The case after the step was appended to its log (the workflow’s view of it).',
  }),
  AnnualReportController_list: json(
    obj({
      items: {
        type: 'array',
        items: obj({
          reportId: str('AR-{year}-{unit}'),
          unit: str(),
          year: { type: 'integer' },
          officeKind: { type: 'string', enum: ['department', 'government_office'] },
          dueDate: str('YYYY-MM-DD (art. 49)'),
          status: { type: 'string', enum: ['draft', 'in_review', 'approved', 'published'] },
          overdue: { type: 'boolean' },
        }),
      },
    }),
  ),
  AnnualReportController_open: json(ANNUAL_REPORT),
  AnnualReportController_view: json(ANNUAL_REPORT_VIEW),
  AnnualReportController_step: json(ANNUAL_REPORT_VIEW),
  AnnualReportController_remedy: json(
    obj(
      {
        remedyId: str(),
        unit: str(),
        kind: { type: 'string', enum: ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] },
        filedDate: str('YYYY-MM-DD'),
        result: nullable({ type: 'string', enum: ['upheld', 'corrected', 'other'] }),
        decidedDate: nullable(str('YYYY-MM-DD')),
      },
      ['remedyId', 'unit', 'kind', 'filedDate', 'result', 'decidedDate'],
    ),
  ),
  ViewDisclosureReportController_list: json(
    obj({
      items: {
        type: 'array',
        items: obj({
          reportId: str(),
          unit: str(),
          year: { type: 'integer' },
          publishedAt: time(),
          sha256: str('SHA-256 of the JCS of the report content'),
        }),
      },
    }),
  ),
  ViewDisclosureReportController_get: json(
    obj(
      {
        reportId: str(),
        unit: str(),
        year: { type: 'integer' },
        publishedAt: time(),
        sha256: str('SHA-256 of the JCS (RFC 8785) of `content`'),
        content: { type: 'object', additionalProperties: true, description: 'Tables 2–4 and the sections.' },
        logEntry: nullable(obj({ hash: str(), prevHash: str() })),
      },
      ['reportId', 'unit', 'year', 'publishedAt', 'sha256', 'content', 'logEntry'],
    ),
  ),
  ViewDisclosureStatisticsController_statistics: json(obj({ items: { type: 'array', items: TIMELINESS_ROW } })),
  ViewDisclosureStatisticsController_export: json(
    obj({
      statistics: { type: 'array', items: TIMELINESS_ROW },
      cases: {
        type: 'array',
        items: obj({
          unit: str(),
          receivedDate: str('YYYY-MM-DD'),
          dueDate: nullable(str('The reply due date as it stood before the case closed')),
          closedDate: nullable(str()),
          closedBy: nullable({ type: 'string', enum: ['reply', 'abandoned'] }),
          outcome: nullable(str('One of the 21 outcomes of Table 3')),
        }),
      },
    }),
  ),
  DownloadReplyDocumentController_pdf: {
    'application/pdf': { schema: { type: 'string', format: 'binary', description: 'The reply document as PDF.' } },
  },
  DownloadReplyDocumentController_html: {
    'text/html': { schema: { type: 'string', description: 'The reply document as an HTML page.' } },
  },
  ListDecisionsController_list: json(page('DecisionRecord')),
  GetDecisionController_get: json(ref('DecisionRecord')),
  ListOpinionsController_list: json(
    obj({ items: { type: 'array', items: ref('StaffOpinion') }, total: { type: 'integer', minimum: 0 } }),
  ),
  ListClustersController_list: json(
    page('ClusterView', {
      opinions: { type: 'integer', minimum: 0 },
      concentratedFrom: { type: 'integer', minimum: 1 },
    }),
  ),
  ListClustersController_members: json(page('StaffOpinion')),
  MergeClustersController_merge: json(ref('ClusterView')),
  SplitClusterController_split: json(obj({ from: ref('ClusterView'), into: ref('ClusterView') })),
  RelabelClusterController_relabel: json(ref('ClusterView')),
  ConfirmClusterLabelController_confirm: json(ref('ClusterView')),
  ListAnswersController_list: json(
    obj({
      items: {
        type: 'array',
        items: obj({
          targetKind: { type: 'string', enum: ['cluster', 'opinion'] },
          targetId: str('The cluster id or the receipt.'),
          verdict: VERDICT,
          text: str(),
          reason: nullable(str()),
          templateId: nullable(str()),
          answeredAt: time(),
          answeredBy: obj({ unit: str(), role: str() }),
        }),
      },
    }),
  ),
  GetPublicFeedbackController_get: json(
    obj({
      decisionId: str(),
      seq: { type: 'integer' },
      hash: str(),
      publishedAt: time(),
      report: { type: 'object', additionalProperties: true },
    }),
  ),
  ListPublicDecisionsController_list: json(page('PublicDecision')),
  ListPublicOpinionsController_list: json(page('PublicOpinion')),
  GetOpinionReceiptController_get: json(
    obj(
      {
        receipt: str(),
        decisionId: str(),
        channel: str(),
        receivedAt: time(),
        status: { type: 'string', enum: ['published', 'withheld', 'answered'] },
        answer: obj(
          {
            verdict: VERDICT,
            text: str(),
            reason: nullable(str()),
            scope: { type: 'string', enum: ['opinion', 'cluster'], description: 'Its own answer, or its cluster’s.' },
            cluster: nullable(
              obj({
                clusterId: str(),
                label: nullable(str('As staff confirmed it (ADR 77); null while unconfirmed.')),
              }),
            ),
          },
          undefined,
          'Once the feedback is published.',
        ),
      },
      ['receipt', 'decisionId', 'channel', 'receivedAt', 'status'],
    ),
  ),
  GetPublicDecisionController_get: json(ref('PublicDecision')),
  GetPublicTimelineController_get: json(
    obj({
      entries: { type: 'array', items: ref('PublicLogEntry') },
      head: nullable(obj({ seq: { type: 'integer' }, hash: str() })),
    }),
  ),
  GetPublicChangesController_get: json(
    obj({
      documents: {
        type: 'array',
        items: obj({
          key: str('`1`, `2`, … (a published draft version) or `adopted`'),
          kind: { type: 'string', enum: ['draft', 'adopted'] },
          version: nullable({ type: 'integer' }),
          publishedAt: time(),
        }),
      },
      from: nullable(str()),
      to: nullable(str()),
      counts: nullable(
        obj({
          inserted: { type: 'integer', minimum: 0 },
          deleted: { type: 'integer', minimum: 0 },
          changed: { type: 'integer', minimum: 0 },
        }),
      ),
      blocks: {
        type: 'array',
        description:
          'Articles and paragraphs in order: `equal`, `insert`, `delete` (with `text`) or `change` (with `spans`).',
        items: obj(
          {
            op: { type: 'string', enum: ['equal', 'insert', 'delete', 'change'] },
            text: str(),
            spans: {
              type: 'array',
              items: obj({ op: { type: 'string', enum: ['equal', 'insert', 'delete'] }, text: str() }),
            },
          },
          ['op'],
        ),
      },
    }),
  ),
  GetFeedsController_recent: atom,
  GetFeedsController_decision: atom,
  GetCalendarController_get: json(
    obj({
      years: {
        type: 'array',
        items: obj({
          year: { type: 'integer' },
          status: { type: 'string', enum: ['official', 'provisional'] },
          holidays: DATES,
          workdays: { ...DATES, description: 'Make-up working days (调休上班日).' },
          source: str('The notice and its date; for a provisional year the statute.'),
          version: { type: 'integer', minimum: 0 },
          updatedAt: nullable(time()),
        }),
      },
      changes: {
        type: 'array',
        items: obj({
          version: { type: 'integer', minimum: 1 },
          year: { type: 'integer' },
          holidays: DATES,
          workdays: DATES,
          sourceReference: str(),
          sourceDate: { type: 'string', format: 'date' },
          changedBy: obj({ unit: str(), role: str() }),
          changedAt: time(),
        }),
      },
    }),
  ),
};

/** Adds the schema of every success answer the controllers leave without one (ADR 0041). */
export function documentResponses(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...SCHEMAS } };
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      const content = SUCCESS[operation?.operationId ?? ''];
      if (!operation || !content) continue;
      const status = Object.keys(operation.responses).find((s) => s.startsWith('2'));
      if (!status) continue;
      const response = operation.responses[status] as ResponseObject;
      if (!response.content) response.content = content as ResponseObject['content'];
    }
  }
  return document;
}
