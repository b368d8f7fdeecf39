import type { InternalEventDraft } from './internal-log';
import type { PublicEventDraft } from './public-log';
import type { Stage } from './stages';

/**
 * The process state a decision's workflow carries (and hands to its next run on continue-as-new).
 * `publicSeq`/`internalSeq` are the last seq written to each log; the next step numbers from them.
 */
export interface DecisionState {
  decisionId: string;
  registered: boolean;
  stage: Stage;
  unit: string;
  title: string;
  confidential: boolean;
  riskAssessmentRequired: boolean;
  publicSeq: number;
  internalSeq: number;
}

/** What one step appends to the two logs. Sequence numbers are already assigned. */
export interface StepEvents {
  public: PublicEventDraft[];
  internal: InternalEventDraft[];
}

export function initialState(decisionId: string): DecisionState {
  return {
    decisionId,
    registered: false,
    stage: 'drafting',
    unit: '',
    title: '',
    confidential: false,
    riskAssessmentRequired: false,
    publicSeq: 0,
    internalSeq: 0,
  };
}

/** Advances the log counters past the events a step appended. */
export function afterAppend(state: DecisionState, events: StepEvents): DecisionState {
  return {
    ...state,
    publicSeq: state.publicSeq + events.public.length,
    internalSeq: state.internalSeq + events.internal.length,
  };
}
