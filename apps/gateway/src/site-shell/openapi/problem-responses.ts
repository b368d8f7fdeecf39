import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from '../../../../../libs/domain/src/errors/error-codes';
import { problem } from '../../common/problem';

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/** RFC 9457 problem details as the gateway sends them (`application/problem+json`). */
const PROBLEM_SCHEMA = {
  type: 'object',
  description:
    'RFC 9457 problem details with a stable `code` (the error-code catalogue, ADR 0040). More members may follow (`errors`, `field`, `retryAfterSeconds`, …).',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string', description: '`/problems/{code}`', example: '/problems/VALIDATION_FAILED' },
    title: { type: 'string', description: 'The status in words.' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    code: {
      type: 'string',
      enum: Object.keys(ERROR_CODES),
      description: 'Stable; the catalogue gives its status and plain words.',
    },
    detail: { type: 'string', description: 'What went wrong, in English, for developers.' },
    instance: { type: 'string', description: 'The request path.' },
  },
  additionalProperties: true,
};

/** Every request: the request-shape checks, fairness, the database and the last resort. */
const ANY: ErrorCode[] = [
  'REPEATED_QUERY_PARAMETER',
  'INVALID_CHARACTER',
  'MALFORMED_REQUEST',
  'CLIENT_BUSY',
  'INTERNAL',
  'DATABASE_UNAVAILABLE',
];
/** A request with a JSON body (the strict parser, the body limit, the DTO validation). */
const WITH_BODY: ErrorCode[] = [
  'MALFORMED_JSON',
  'INVALID_UTF8',
  'JSON_TOO_DEEP',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'VALIDATION_FAILED',
];
/** A staff operation (bearer token, roles). */
const STAFF: ErrorCode[] = ['UNAUTHORIZED', 'TOKEN_INVALID', 'ROLE_NOT_ALLOWED'];
/** A mutating staff operation (Idempotency-Key and the bound on the outcome, ADR 26, 27). */
const STAFF_WRITE: ErrorCode[] = [
  'IDEMPOTENCY_KEY_REUSED',
  'INVALID_IDEMPOTENCY_KEY',
  'OUTCOME_UNKNOWN',
  'TEMPORAL_UNAVAILABLE',
];

const CLUSTER_EDIT: ErrorCode[] = [
  'DECISION_NOT_FOUND',
  'CLUSTER_NOT_FOUND',
  'CLUSTERS_NOT_READY',
  'FEEDBACK_PUBLISHED',
  'FEEDBACK_UNDER_REVIEW',
  'ILLEGAL_TRANSITION',
  'INVALID_LABEL',
];

const DISCLOSURE_CASE: ErrorCode[] = ['DISCLOSURE_REQUEST_NOT_FOUND'];
/** What the fold of a disclosure case refuses (ADR 67, 102), and the reply document's font (ADR 103). */
const DISCLOSURE_RULES: ErrorCode[] = [
  'UNKNOWN_ACTION',
  'DISCLOSURE_CASE_CLOSED',
  'DISCLOSURE_COMPETENT_AGENCY_REQUIRED',
  'DISCLOSURE_CORRECTION_ONCE',
  'DISCLOSURE_CORRECTION_TOO_LATE',
  'DISCLOSURE_CUSTOM_PERIOD_INVALID',
  'DISCLOSURE_CUSTOM_PERIOD_REASON_REQUIRED',
  'DISCLOSURE_DATE_INVALID',
  'DISCLOSURE_EXTENSION_APPROVER',
  'DISCLOSURE_EXTENSION_ONCE',
  'DISCLOSURE_EXTENSION_TOO_LONG',
  'DISCLOSURE_FEE_ALREADY_NOTICED',
  'DISCLOSURE_ILLEGAL_EVENT',
  'DISCLOSURE_ILLEGAL_STAGE',
  'DISCLOSURE_NO_CONSULTATION_PENDING',
  'DISCLOSURE_NO_CORRECTION_PENDING',
  'DISCLOSURE_NO_DRAFT_PENDING',
  'DISCLOSURE_NO_FEE_PENDING',
  'DISCLOSURE_PDF_FONT_MISSING',
  'DISCLOSURE_PERIOD_INVALID',
  'DISCLOSURE_PERIOD_NOT_LAPSED',
  'DISCLOSURE_REASONS_REQUIRED',
  'DISCLOSURE_REMEDY_NOTICE_REQUIRED',
  'DISCLOSURE_REPLY_NOT_APPROVED',
  'DISCLOSURE_REPLY_OVERDUE',
  'SELF_REVIEW',
];
/** The staff side of on-request disclosure (`disclosure/`), by operation. */
const DISCLOSURE_STAFF_CODES: Readonly<Record<string, readonly ErrorCode[]>> = {
  RegisterDisclosureRequestController_register: [
    'DISCLOSURE_FIELD_REQUIRED',
    'DISCLOSURE_RECEIPT_EVIDENCE_REQUIRED',
    'DISCLOSURE_DATE_INVALID',
  ],
  ViewDisclosureCaseController_view: DISCLOSURE_CASE,
  ActOnDisclosureRequestController_act: [...DISCLOSURE_CASE, ...DISCLOSURE_RULES],
  DownloadReplyDocumentController_pdf: [
    ...DISCLOSURE_CASE,
    'DISCLOSURE_NO_DRAFT_PENDING',
    'DISCLOSURE_PDF_FONT_MISSING',
  ],
  DownloadReplyDocumentController_html: [...DISCLOSURE_CASE, 'DISCLOSURE_NO_DRAFT_PENDING'],
  AnnualReportController_open: [
    'DISCLOSURE_REPORT_FIELD_INVALID',
    'DISCLOSURE_REPORT_YEAR_INVALID',
    'DISCLOSURE_REPORT_NOT_FOUND',
    'DISCLOSURE_UNIT_UNKNOWN',
  ],
  AnnualReportController_view: ['DISCLOSURE_REPORT_NOT_FOUND', 'DISCLOSURE_REPORT_UNBALANCED'],
  AnnualReportController_step: [
    'DISCLOSURE_REPORT_NOT_FOUND',
    'DISCLOSURE_REPORT_FIELD_INVALID',
    'DISCLOSURE_REPORT_YEAR_INVALID',
    'DISCLOSURE_REPORT_STEP_REFUSED',
    'DISCLOSURE_REPORT_UNBALANCED',
    'SELF_REVIEW',
    'UNKNOWN_ACTION',
  ],
  AnnualReportController_remedy: ['DISCLOSURE_REPORT_FIELD_INVALID', 'DISCLOSURE_REPORT_NOT_FOUND'],
  ViewDisclosureReportController_get: ['DISCLOSURE_REPORT_NOT_FOUND'],
};

/**
 * The codes of each operation's own rules, by operationId (the controllers and handlers, and what
 * libs/domain and libs/persistence raise for them). `openapi.e2e.spec.ts` checks the action
 * endpoint's list against the lifecycle rules' sources.
 */
export const ROUTE_CODES: Readonly<Record<string, readonly ErrorCode[]>> = {
  LoginController_login: ['INVALID_CREDENTIALS', 'LOGIN_THROTTLED'],
  RegisterDecisionController_register: ['ILLEGAL_TRANSITION', 'INVALID_DATE', 'LEGAL_GROUND_REQUIRED', 'OTHER_UNIT'],
  GetDecisionController_get: ['DECISION_NOT_FOUND'],
  ListOpinionsController_list: ['DECISION_NOT_FOUND'],
  ListClustersController_list: ['DECISION_NOT_FOUND', 'CLUSTERS_NOT_READY'],
  ListClustersController_members: ['DECISION_NOT_FOUND', 'CLUSTER_NOT_FOUND', 'CLUSTERS_NOT_READY'],
  MergeClustersController_merge: [...CLUSTER_EDIT, 'CLUSTER_ANSWERED', 'INVALID_CLUSTER_IDS'],
  SplitClusterController_split: [
    ...CLUSTER_EDIT,
    'CLUSTER_ANSWERED',
    'INVALID_RECEIPT',
    'INVALID_RECEIPTS',
    'RECEIPTS_NOT_IN_CLUSTER',
    'SPLIT_TAKES_ALL',
  ],
  RelabelClusterController_relabel: CLUSTER_EDIT,
  ConfirmClusterLabelController_confirm: CLUSTER_EDIT,
  AnswerOpinionsController_answer: [
    ...CLUSTER_EDIT,
    'RECEIPT_NOT_FOUND',
    'TEMPLATE_NOT_FOUND',
    'DUPLICATE_TARGET',
    'FIELD_REQUIRED',
    'INVALID_ANSWERS',
    'INVALID_RECEIPT',
    'INVALID_TARGET',
    'INVALID_VERDICT',
    'FIELD_TOO_LONG',
    'ANSWERS_REQUIRED',
    'TOO_MANY_ANSWERS',
  ],
  ListAnswersController_list: ['DECISION_NOT_FOUND'],
  ListAnswerTemplatesController_list: ['OTHER_UNIT'],
  CreateAnswerTemplateController_create: ['TEMPLATE_EXISTS'],
  GetPublicFeedbackController_get: ['DECISION_NOT_FOUND', 'FEEDBACK_NOT_PUBLISHED'],
  ActOnDecisionController_act: [
    'DECISION_NOT_FOUND',
    'UNKNOWN_ACTION',
    'RECEIPT_NOT_FOUND',
    'OTHER_UNIT',
    'ILLEGAL_TRANSITION',
    'CLUSTERS_NOT_READY',
    'ADOPTION_EXPLANATION_REQUIRED',
    'ALREADY_DECIDED',
    'CLUSTER_UNANSWERED',
    'CLUSTER_LABEL_UNCONFIRMED',
    'CONSULTATION_TOO_SHORT',
    'DRAFT_REQUIRED',
    'EVALUATOR_IS_DRAFTING_UNIT',
    'EVALUATOR_REQUIRED',
    'EXECUTION_NOT_COMPLETE',
    'EXPERT_HAS_INTEREST',
    'EXTENSION_NOT_LATER',
    'FIELD_REQUIRED',
    'FIELD_TOO_LONG',
    'FINDING_NOT_FOUND',
    'HEARING_NOTICE_TOO_SHORT',
    'HEARING_NOT_HELD_YET',
    'HEARING_NOT_NOTICED',
    'INTERPRETATION_REQUIRED',
    'INVALID_CHANNELS',
    'INVALID_CONCLUSION',
    'INVALID_DATE',
    'INVALID_FIELD',
    'INVALID_OPINION',
    'INVALID_OUTCOME',
    'INVALID_PERCENT',
    'INVALID_REASON',
    'INVALID_SEVERITY',
    'INVALID_STATUS',
    'INVALID_WEIGHT',
    'INVALID_WINDOW',
    'LEGALITY_REVIEW_NOT_REQUESTED',
    'LEGALITY_REVIEW_REQUIRED',
    'LEGALITY_REVIEW_TOO_SHORT',
    'MILESTONE_NOT_FOUND',
    'NOT_ADOPTED',
    'PLAN_REQUIRED',
    'REASON_REQUIRED',
    'REVIEW_NOT_FOUND',
    'REVIEW_PENDING',
    'RISK_ASSESSMENT_REQUIRED',
    'RISK_NOT_CONTROLLABLE',
    'SELF_REVIEW',
    'SHORTENING_NOT_APPROVED',
  ],
  SubmitOpinionController_submit: [
    'DECISION_NOT_FOUND',
    'CONSULTATION_NOT_OPEN',
    'OPINION_EMPTY',
    'OPINION_TOO_LONG',
    'INVALID_TEXT',
    'INVALID_FIELD',
    'INVALID_IDEMPOTENCY_KEY',
    'IDEMPOTENCY_KEY_REUSED',
    'RATE_LIMITED',
    'LIMITS_UNAVAILABLE',
  ],
  ListPublicOpinionsController_list: ['DECISION_NOT_FOUND'],
  GetOpinionReceiptController_get: ['INVALID_RECEIPT', 'RECEIPT_NOT_FOUND'],
  GetPublicDecisionController_get: ['DECISION_NOT_FOUND'],
  GetPublicTimelineController_get: ['DECISION_NOT_FOUND'],
  GetPublicChangesController_get: ['DECISION_NOT_FOUND', 'DOCUMENT_VERSION_NOT_FOUND'],
  DownloadAttachmentController_download: ['ATTACHMENT_NOT_FOUND'],
  AttachFileController_attach: [
    'DECISION_NOT_FOUND',
    'ROLE_NOT_ALLOWED',
    'OTHER_UNIT',
    'ILLEGAL_TRANSITION',
    'ATTACHMENT_FILE_REQUIRED',
    'ATTACHMENT_EMPTY',
    'ATTACHMENT_TOO_LARGE',
    'ATTACHMENT_TYPE_NOT_ALLOWED',
    'ATTACHMENT_TARGET_NOT_READY',
    'FIELD_REQUIRED',
    'FIELD_TOO_LONG',
    'INVALID_FIELD',
    'MALFORMED_REQUEST',
    'PAYLOAD_TOO_LARGE',
  ],
  GetFeedsController_decision: ['DECISION_NOT_FOUND'],
  ExportOpinionsController_exportCsv: ['DECISION_NOT_FOUND'],
  ExportOpinionsController_exportJson: ['DECISION_NOT_FOUND'],
  CreateUnitController_create: ['UNIT_EXISTS'],
  CreateAccountController_create: [
    'ACCOUNT_EXISTS',
    'UNKNOWN_UNIT',
    'PASSWORD_TOO_SHORT',
    'PASSWORD_FROM_USERNAME',
    'PASSWORD_TOO_COMMON',
  ],
  ChangeAccountController_change: [
    'ACCOUNT_NOT_FOUND',
    'SELF_LOCKOUT',
    'UNKNOWN_UNIT',
    'PASSWORD_TOO_SHORT',
    'PASSWORD_FROM_USERNAME',
    'PASSWORD_TOO_COMMON',
  ],
  EnterCalendarYearController_enter: [
    'CALENDAR_YEAR_INVALID',
    'CALENDAR_DATE_INVALID',
    'CALENDAR_DATE_OUTSIDE_YEAR',
    'CALENDAR_DAY_CONFLICT',
    'CALENDAR_MAKEUP_NOT_WEEKEND',
    'CALENDAR_HOLIDAYS_REQUIRED',
    'CALENDAR_SOURCE_REQUIRED',
  ],
  EndSignInLockoutController_end: ['ACCOUNT_NOT_FOUND'],
  GetTransparencyProofsController_checkpoint: ['CHECKPOINT_NOT_FOUND'],
  GetTransparencyProofsController_key: ['CHECKPOINT_NOT_FOUND'],
  GetTransparencyProofsController_inclusion: [
    'CHECKPOINT_NOT_FOUND',
    'LOG_ENTRY_NOT_IN_TREE',
    'TREE_SIZE_OUT_OF_RANGE',
  ],
  GetTransparencyProofsController_consistency: ['CHECKPOINT_NOT_FOUND', 'TREE_SIZE_OUT_OF_RANGE'],
  SubmitCosignatureController_submit: [
    'COSIGNED_NOTE_MALFORMED',
    'CHECKPOINT_NOT_ISSUED',
    'UNKNOWN_WITNESS',
    'COSIGNATURE_INVALID',
    'INVALID_IDEMPOTENCY_KEY',
    'IDEMPOTENCY_KEY_REUSED',
    'RATE_LIMITED',
    'LIMITS_UNAVAILABLE',
  ],
  ApplyForDisclosureController_apply: [
    'DISCLOSURE_FIELD_REQUIRED',
    'DISCLOSURE_FIELD_INVALID',
    'DISCLOSURE_UNIT_UNKNOWN',
    'INVALID_IDEMPOTENCY_KEY',
    'IDEMPOTENCY_KEY_REUSED',
    'RATE_LIMITED',
    'LIMITS_UNAVAILABLE',
    'TEMPORAL_UNAVAILABLE',
  ],
  FollowDisclosureController_lookUp: ['DISCLOSURE_LOOKUP_NOT_FOUND', 'RATE_LIMITED', 'LIMITS_UNAVAILABLE'],
  FollowDisclosureController_replyPdf: [
    'DISCLOSURE_LOOKUP_NOT_FOUND',
    'DISCLOSURE_REPLY_NOT_ISSUED',
    'RATE_LIMITED',
    'LIMITS_UNAVAILABLE',
  ],
  FollowDisclosureController_replyHtml: [
    'DISCLOSURE_LOOKUP_NOT_FOUND',
    'DISCLOSURE_REPLY_NOT_ISSUED',
    'RATE_LIMITED',
    'LIMITS_UNAVAILABLE',
  ],
  ...DISCLOSURE_STAFF_CODES,
};

/** The codes an operation can answer with: those of every request, of its traits (a body, a query DTO, staff), and its own. */
export function codesOf(operation: OperationObject, method: string): ErrorCode[] {
  const staff = operation.security?.some((requirement: Record<string, unknown>) => 'bearer' in requirement) ?? false;
  const writes = ['post', 'put', 'patch', 'delete'].includes(method);
  return [
    ...new Set([
      ...ANY,
      ...(operation.requestBody || (writes && staff) ? WITH_BODY : []),
      ...(operation.parameters?.some((parameter) => 'in' in parameter && parameter.in === 'query')
        ? (['VALIDATION_FAILED'] as const)
        : []),
      ...(staff ? STAFF : []),
      ...(staff && writes ? STAFF_WRITE : []),
      ...(ROUTE_CODES[operation.operationId ?? ''] ?? []),
    ]),
  ];
}

function describe(previous: string | undefined, codes: readonly ErrorCode[]): string {
  const list = codes.map((code) => `\`${code}\``).join(', ');
  return previous ? `${previous} Codes: ${list}.` : `Codes: ${list}.`;
}

/**
 * Documents every error status an operation can answer with as `application/problem+json` with the
 * Problem schema and one example per code (shared in components), keeping the description the controller gave.
 */
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  const examples: Record<string, { summary: string; value: unknown }> = {};
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const byStatus = new Map<number, ErrorCode[]>();
      for (const code of codesOf(operation, method))
        byStatus.set(ERROR_CODES[code].status, [...(byStatus.get(ERROR_CODES[code].status) ?? []), code]);
      for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
        const previous = operation.responses[String(status)] as ResponseObject | undefined;
        for (const code of codes)
          examples[`Problem.${code}`] = { summary: ERROR_CODES[code].en, value: problem(code, ERROR_CODES[code].en) };
        operation.responses[String(status)] = {
          description: describe(previous?.description, codes),
          ...(previous?.headers ? { headers: previous.headers } : {}),
          content: {
            'application/problem+json': {
              schema: PROBLEM_REF,
              examples: Object.fromEntries(
                codes.map((code) => [code, { $ref: `#/components/examples/Problem.${code}` }]),
              ),
            },
          },
        };
      }
    }
  }
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA as never },
    examples: { ...document.components?.examples, ...examples },
  };
  return document;
}
