import type { QueryRunner } from 'typeorm';

/**
 * The catalogue's search text (ADR 0125): `public_search_texts` holds, per public log entry that
 * publishes a draft version or the adopted decision, only its human-readable words, so a search no
 * longer matches the field names of the log's JSON. The same SQL on both dialects; the migration fills
 * it from the public log already stored. Frozen once landed (the live projection may grow; a read-model
 * rebuild then brings old rows in line).
 */
export const PUBLIC_SEARCH_TEXT_TABLES: readonly string[] = [
  `CREATE TABLE public_search_texts (
    decision_id varchar(64) NOT NULL, seq integer NOT NULL, type varchar(64) NOT NULL, text text NOT NULL,
    PRIMARY KEY (decision_id, seq))`,
];

/** The words of one published draft or decision, as the projection wrote them when this migration landed. */
function wordsOf(type: string, data: Record<string, unknown>): string {
  const str = (value: unknown): string => (typeof value === 'string' ? value : '');
  if (type === 'DecisionPublished') {
    const interpretation = (data['interpretation'] ?? {}) as Record<string, unknown>;
    return [str(data['text']), str(interpretation['plainLanguage'])].filter(Boolean).join('\n');
  }
  return [str(data['draft']), str(data['basis']), str(data['explanation'])].filter(Boolean).join('\n');
}

/** Creates the table and fills it from the public log, in pages. `param(n)` is the dialect's n-th placeholder. */
export async function createPublicSearchTexts(q: QueryRunner, param: (n: number) => string): Promise<void> {
  for (const statement of PUBLIC_SEARCH_TEXT_TABLES) await q.query(statement);
  let after = { id: '', seq: 0 };
  for (;;) {
    const rows = (await q.query(
      `SELECT decision_id, seq, type, data FROM public_events
       WHERE type IN ('DraftPublished', 'DecisionPublished')
         AND (decision_id, seq) > (${param(1)}, ${param(2)})
       ORDER BY decision_id, seq LIMIT 500`,
      [after.id, after.seq],
    )) as Array<{ decision_id: string; seq: number; type: string; data: string }>;
    for (const row of rows) {
      const text = wordsOf(row.type, JSON.parse(row.data) as Record<string, unknown>);
      await q.query(
        `INSERT INTO public_search_texts (decision_id, seq, type, text) VALUES (${param(1)}, ${param(2)}, ${param(3)}, ${param(4)})`,
        [row.decision_id, row.seq, row.type, text],
      );
    }
    const last = rows.at(-1);
    if (!last || rows.length < 500) return;
    after = { id: last.decision_id, seq: Number(last.seq) };
  }
}
