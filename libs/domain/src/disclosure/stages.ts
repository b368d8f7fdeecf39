import { DomainError } from '../errors/errors';

/**
 * The five stages of a request (OGI Regulations art.45: 登记、审核、办理、答复、归档). A case only moves
 * forward; the one jump is straight to `archive` when the applicant abandons it (a correction or a
 * payment period lapses) before a reply.
 */
export const DISCLOSURE_STAGES = ['registration', 'review', 'handling', 'reply', 'archive'] as const;
export type DisclosureStage = (typeof DISCLOSURE_STAGES)[number];

export const STAGE_LABELS: Readonly<Record<DisclosureStage, { zh: string; en: string }>> = {
  registration: { zh: '登记', en: 'Registration' },
  review: { zh: '审核', en: 'Review' },
  handling: { zh: '办理', en: 'Handling' },
  reply: { zh: '答复', en: 'Reply' },
  archive: { zh: '归档', en: 'Archive' },
};

const NEXT: Readonly<Record<DisclosureStage, readonly DisclosureStage[]>> = {
  registration: ['review'],
  review: ['handling', 'archive'],
  handling: ['reply', 'archive'],
  reply: ['archive'],
  archive: [],
};

export function canMoveStage(from: DisclosureStage, to: DisclosureStage): boolean {
  return NEXT[from].includes(to);
}

/** Throws `DISCLOSURE_ILLEGAL_STAGE` (409) unless art.45's order allows the move. */
export function assertStageMove(from: DisclosureStage, to: DisclosureStage): void {
  if (!canMoveStage(from, to))
    throw new DomainError('DISCLOSURE_ILLEGAL_STAGE', 'conflict', `A request cannot move from ${from} to ${to}.`, {
      from,
      to,
    });
}
