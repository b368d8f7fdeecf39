import type { SchemaObject } from '@nestjs/swagger';
import type { OpenDataOpinion } from '../../../../../libs/persistence/src';

/** The columns of opinions.csv, in order; the JSON export has the same fields in camelCase. */
export const OPINION_CSV_HEADER = [
  'decision_id',
  'phase',
  'round',
  'channel',
  'section',
  'received_at',
  'text',
  'cluster_id',
  'answer_verdict',
  'answer_text',
] as const;

export async function* opinionCsvRows(
  opinions: AsyncIterable<OpenDataOpinion>,
): AsyncGenerator<Array<string | number | null>> {
  for await (const o of opinions) {
    yield [
      o.decisionId,
      o.phase,
      o.round,
      o.channel,
      o.section,
      o.receivedAt,
      o.text,
      o.clusterId,
      o.answer?.verdict ?? null,
      o.answer?.text ?? null,
    ];
  }
}

/** A file name that is safe in a Content-Disposition header whatever the decision id holds. */
export function exportFileName(decisionId: string | undefined, extension: 'csv' | 'json'): string {
  return decisionId && /^[A-Za-z0-9_-]+$/.test(decisionId)
    ? `opinions-${decisionId}.${extension}`
    : `opinions.${extension}`;
}

/** OpenAPI schema of one row of opinions.json. */
export const OPINION_JSON_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    decisionId: { type: 'string' },
    phase: { type: 'string', enum: ['consultation', 'execution'] },
    round: { type: 'integer', description: '1, 2, … for consultation rounds; 0 for the execution-stage channel' },
    channel: { type: 'string' },
    section: { type: 'string', nullable: true },
    receivedAt: { type: 'string', format: 'date-time' },
    text: { type: 'string', description: 'The de-identified text' },
    clusterId: { type: 'string', nullable: true, description: 'Once the feedback report is published' },
    answer: {
      type: 'object',
      nullable: true,
      description: "The opinion's own answer, else its cluster's; once the feedback report is published",
      properties: {
        verdict: { type: 'string', enum: ['adopted', 'partially_adopted', 'not_adopted', 'not_applicable'] },
        text: { type: 'string' },
      },
    },
  },
};
