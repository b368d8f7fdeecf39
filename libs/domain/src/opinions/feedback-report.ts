import { isVerdict, type Verdict } from './answers';
import { DomainError, InvalidCommandError } from '../errors/errors';

/** A not-adopted or partly-adopted concentrated cluster needs a reason of at least this many characters. */
export const MIN_REASON_CHARS = 20;

export interface ClusterAnswer {
  verdict: Verdict;
  text: string;
  reason: string | null;
}

/** A cluster as the feedback report shows it; the gateway computes these facts from the database. */
export interface ReportCluster {
  clusterId: string;
  label: string;
  size: number;
  concentrated: boolean;
  /** The de-identified text of the opinion standing for the cluster (null when it is withheld). */
  representativeText?: string | null;
  answer?: ClusterAnswer | null;
}

/** What the feedback report is made of (SPEC.md §3.4): the client writes summary and draftChanges only. */
export interface FeedbackReportInput {
  summary: string;
  draftChanges: string;
  statistics: Record<string, unknown>;
  clusters: ReportCluster[];
}

/** Characters as people count them: code points of the trimmed text. */
export function reasonLength(reason: string | null | undefined): number {
  return typeof reason === 'string' ? [...reason.trim()].length : 0;
}

/**
 * The report cannot be submitted while a concentrated cluster is unanswered (CLUSTER_UNANSWERED) or is
 * not / partly adopted without a reason of at least MIN_REASON_CHARS (REASON_REQUIRED). Adopted and
 * off-topic answers need no reason; clusters that are not concentrated are not checked. The first
 * offending cluster, in report order, is named.
 */
export function assertClustersAnswered(report: Pick<FeedbackReportInput, 'clusters'>): void {
  for (const cluster of report.clusters) {
    if (!cluster.concentrated) continue;
    const name = `${cluster.clusterId} 「${cluster.label}」`;
    if (!cluster.answer) {
      throw new DomainError(
        'CLUSTER_UNANSWERED',
        'conflict',
        `The concentrated cluster ${name} (${cluster.size} opinions) has no answer yet.`,
        { clusterId: cluster.clusterId },
      );
    }
    const needsReason = cluster.answer.verdict === 'not_adopted' || cluster.answer.verdict === 'partially_adopted';
    if (needsReason && reasonLength(cluster.answer.reason) < MIN_REASON_CHARS) {
      throw new DomainError(
        'REASON_REQUIRED',
        'conflict',
        `The concentrated cluster ${name} is ${cluster.answer.verdict.replace('_', ' ')}: its answer needs a reason of at least ${MIN_REASON_CHARS} characters.`,
        { clusterId: cluster.clusterId },
      );
    }
  }
}

/** A cluster of the round as the label rule sees it (all of the round's clusters, not only concentrated ones). */
export interface LabelledCluster {
  clusterId: string;
  label: string;
  /** Confirmed (or edited) by staff; the placeholder category's fixed name needs no confirmation. */
  labelConfirmed: boolean;
}

/**
 * The report cannot be submitted while a cluster's label is unconfirmed (CLUSTER_LABEL_UNCONFIRMED,
 * ADR 77): labels are built by the machine from the opinions' words, and the public sees them on
 * receipts and in the report, so staff confirm or edit each one first. The first unconfirmed cluster is
 * named, with how many there are.
 */
export function assertLabelsConfirmed(clusters: readonly LabelledCluster[]): void {
  const unconfirmed = clusters.filter((cluster) => !cluster.labelConfirmed);
  const first = unconfirmed[0];
  if (!first) return;
  throw new DomainError(
    'CLUSTER_LABEL_UNCONFIRMED',
    'conflict',
    `The label of cluster ${first.clusterId} 「${first.label}」 is not confirmed yet (${unconfirmed.length} unconfirmed); confirm or edit every cluster label before the report is submitted.`,
    { clusterId: first.clusterId, unconfirmed: unconfirmed.length },
  );
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function parseAnswer(value: unknown, field: string): ClusterAnswer | null {
  if (value === undefined || value === null) return null;
  const answer = value as Record<string, unknown>;
  if (typeof value !== 'object' || !isVerdict(answer['verdict']))
    throw new InvalidCommandError('INVALID_FIELD', `${field}.verdict is not a verdict.`, { field });
  return { verdict: answer['verdict'], text: text(answer['text']) ?? '', reason: text(answer['reason']) };
}

/** Checks the shape of the report's clusters (they cross the Temporal boundary as plain JSON). */
export function parseReportClusters(value: unknown[]): ReportCluster[] {
  return value.map((item, index) => {
    const field = `clusters[${index}]`;
    const c = (item ?? {}) as Record<string, unknown>;
    const clusterId = text(c['clusterId']);
    if (!clusterId || typeof c['size'] !== 'number' || typeof c['concentrated'] !== 'boolean') {
      throw new InvalidCommandError('INVALID_FIELD', `${field} needs clusterId, size and concentrated.`, { field });
    }
    return {
      clusterId,
      label: text(c['label']) ?? '',
      size: c['size'],
      concentrated: c['concentrated'],
      representativeText: text(c['representativeText']),
      answer: parseAnswer(c['answer'], `${field}.answer`),
    };
  });
}
