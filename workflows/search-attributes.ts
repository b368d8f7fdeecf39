import { defineSearchAttributeKey } from '@temporalio/common';

/**
 * Search attributes for operators (DESIGN.md §3). They must be registered on the namespace before a
 * workflow upserts them; `libs/temporal` registers this list idempotently at start.
 */
export const DecisionStageKey = defineSearchAttributeKey('DecisionStage', 'KEYWORD');
export const PolicyUnitKey = defineSearchAttributeKey('PolicyUnit', 'KEYWORD');
export const NextDueAtKey = defineSearchAttributeKey('NextDueAt', 'DATETIME');
export const ConfidentialKey = defineSearchAttributeKey('Confidential', 'BOOL');

export const SEARCH_ATTRIBUTE_KEYS = [DecisionStageKey, PolicyUnitKey, NextDueAtKey, ConfidentialKey] as const;
