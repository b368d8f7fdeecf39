import type { SearchableTexts } from '../../../../../libs/persistence/src';
import { excerpt } from '../../site-shell/web/highlight';

/** Where a search's terms occur in a result's decision text (first) or draft, if anywhere. */
export interface SearchExcerpt {
  source: 'decision' | 'draft';
  text: string;
}

/** One excerpt per decision whose published decision or draft text has a term (ADR 108). */
export function excerptsOf(
  texts: ReadonlyMap<string, SearchableTexts>,
  terms: readonly string[],
): Map<string, SearchExcerpt> {
  const excerpts = new Map<string, SearchExcerpt>();
  for (const [id, found] of texts) {
    const inDecision = found.decision && excerpt(found.decision, terms);
    const inDraft = !inDecision && found.draft ? excerpt(found.draft, terms) : undefined;
    if (inDecision) excerpts.set(id, { source: 'decision', text: inDecision });
    else if (inDraft) excerpts.set(id, { source: 'draft', text: inDraft });
  }
  return excerpts;
}
