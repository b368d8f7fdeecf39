import { DomainError, readPublicEvent, type PublicLogEntry } from '../../../../../libs/domain/src';

/** One public text of a decision that the Changes page can compare: a published draft version or the adopted text. */
export interface PublicDocument {
  /** `1`, `2`, … for draft versions (the drafter's version number), `adopted` for the published decision. */
  key: string;
  kind: 'draft' | 'adopted';
  version: number | null;
  text: string;
  publishedAt: string;
}

export const ADOPTED = 'adopted';

/**
 * The comparable texts of a decision, folded from its public log only (DraftPublished, DecisionPublished):
 * a draft version saved but never published stays internal and is never offered. A version published
 * twice (after a return) counts once, with its latest publication. Ordered drafts by version, then the adopted text.
 */
export function publicDocuments(entries: readonly PublicLogEntry[]): PublicDocument[] {
  const drafts = new Map<number, PublicDocument>();
  let adopted: PublicDocument | null = null;
  for (const entry of entries) {
    if (entry.type === 'DraftPublished') {
      const data = readPublicEvent(entry.type, entry.data);
      const version = data.version ?? drafts.size + 1;
      drafts.set(version, {
        key: String(version),
        kind: 'draft',
        version,
        text: data.draft ?? '',
        publishedAt: entry.occurredAt,
      });
    } else if (entry.type === 'DecisionPublished') {
      const data = readPublicEvent(entry.type, entry.data);
      adopted = { key: ADOPTED, kind: 'adopted', version: null, text: data.text ?? '', publishedAt: entry.occurredAt };
    }
  }
  const ordered = [...drafts.values()].sort((a, b) => (a.version ?? 0) - (b.version ?? 0));
  return adopted ? [...ordered, adopted] : ordered;
}

/**
 * What a reader most likely wants when the query names nothing: the final draft against the adopted text
 * once there is one, else the last two draft versions. Null when there are fewer than two texts.
 */
export function defaultPair(documents: readonly PublicDocument[]): { from: string; to: string } | null {
  const [from, to] = documents.slice(-2);
  return from && to ? { from: from.key, to: to.key } : null;
}

export function versionNotFound(key: string): DomainError {
  return new DomainError('DOCUMENT_VERSION_NOT_FOUND', 'not_found', `No public text ${key} of this decision.`);
}

/**
 * The texts `from` and `to` name (a draft version number or `adopted`), or the default pair when both are
 * absent. Throws DOCUMENT_VERSION_NOT_FOUND for a name that is not a public text of the decision.
 */
export function choosePair(
  documents: readonly PublicDocument[],
  from: string | undefined,
  to: string | undefined,
): { from: PublicDocument; to: PublicDocument } | null {
  const fallback = defaultPair(documents);
  const find = (key: string | undefined, otherwise: string | undefined): PublicDocument | undefined => {
    const wanted = key || otherwise;
    if (wanted === undefined) return undefined;
    const found = documents.find((d) => d.key === wanted);
    if (!found) throw versionNotFound(wanted.slice(0, 40));
    return found;
  };
  const a = find(from, fallback?.from);
  const b = find(to, fallback?.to);
  return a && b ? { from: a, to: b } : null;
}
