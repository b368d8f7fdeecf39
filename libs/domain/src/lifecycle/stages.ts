/** The stages of a decision (SPEC.md §3). The order of this list is the lifecycle order. */
export const STAGES = [
  'drafting',
  'pre_disclosure',
  'consultation',
  'feedback',
  'deciding',
  'execution',
  'evaluation',
  'suspended',
  'closed',
] as const;

export type Stage = (typeof STAGES)[number];

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}
