import { attachmentKind } from '../attachments/attachment-content';
import { DomainError } from '../errors/errors';
import type { PublicEventType } from '../log/public-log';
import { read } from './command-schema-kit';
import { COMMAND_SCHEMAS, type AttachmentTarget, type CommandOf } from './command-schemas';
import { defineAction } from './decision-action';
import type { AttachmentRecord, DecisionState } from './decision-state';
import { STAGES, type Stage } from './stages';

const S = COMMAND_SCHEMAS.attachments;

export type AttachFile = CommandOf<'attachments'>;

/** Stages in which a report (feedback, progress, evaluation) exists to attach a file to. */
const REPORT_STAGES: readonly Stage[] = ['feedback', 'deciding', 'execution', 'evaluation', 'suspended'];

function assertTargetReady(state: DecisionState, target: AttachmentTarget): void {
  const ready =
    target === 'draft' ? !!state.draft : target === 'decision' ? !!state.adoption : REPORT_STAGES.includes(state.stage);
  if (!ready)
    throw new DomainError(
      'ATTACHMENT_TARGET_NOT_READY',
      'conflict',
      `There is no ${target} to attach a file to in stage ${state.stage}.`,
      { target, stage: state.stage },
    );
}

/**
 * Whether an attachment to `target` is public as soon as it is attached: a confidential decision's files
 * wait for the decision's publication, a public decision's for the draft's (pre-disclosure), and a file
 * of the decision itself for the decision's publication.
 */
function isPublicNow(state: DecisionState, target: AttachmentTarget): boolean {
  if (state.confidential || target === 'decision') return !!state.published;
  return state.stage !== 'drafting';
}

const addedEvent = (record: AttachmentRecord): { type: PublicEventType; data: Record<string, unknown> } => ({
  type: 'AttachmentAdded',
  data: { ...record },
});

/**
 * Staff attach an official file (issue 17 item 1, ADR 87): the bytes are already checked by content and
 * stored under their sha256 by the gateway, which sets `sha256`, `size` and `type` from them; the rule
 * records name, type, size and hash. The public `AttachmentAdded` event (which alone makes the file
 * downloadable) is written now when its target is public, else when the publication that makes it public is
 * approved ({@link releaseAttachments}).
 */
export const attachFile = defineAction({
  name: 'attachments',
  roles: ['drafter', 'manager'],
  stages: STAGES.filter((stage) => stage !== 'closed'),
  summary: 'Attach an official file (PDF, DOCX, OFD, PNG, JPEG) to the draft version, the decision or a report.',
  decide(state, command) {
    const target = read(S, command, 'target');
    assertTargetReady(state, target);
    const type = read(S, command, 'type');
    const record: AttachmentRecord = {
      target,
      ...(target === 'draft' ? { version: state.draft!.version } : {}),
      name: read(S, command, 'name').trim(),
      type,
      mediaType: attachmentKind(type).mediaType,
      size: read(S, command, 'size'),
      sha256: read(S, command, 'sha256'),
    };
    const internal = { type: 'AttachmentAdded', data: { ...record } };
    if (isPublicNow(state, target)) return { state, public: [addedEvent(record)], internal };
    return {
      state: { ...state, pendingAttachments: [...(state.pendingAttachments ?? []), record] },
      public: [],
      internal,
    };
  },
});

/** After a publication: the public events of the waiting attachments that it made public. Pure. */
export function releaseAttachments(state: DecisionState): {
  state: DecisionState;
  public: Array<{ type: PublicEventType; data: Record<string, unknown> }>;
} {
  const pending = state.pendingAttachments ?? [];
  const released = pending.filter((record) => isPublicNow(state, record.target));
  if (released.length === 0) return { state, public: [] };
  const waiting = pending.filter((record) => !released.includes(record));
  const { pendingAttachments: _all, ...rest } = state;
  return {
    state: waiting.length > 0 ? { ...rest, pendingAttachments: waiting } : rest,
    public: released.map(addedEvent),
  };
}
