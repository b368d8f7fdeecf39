import type { RegisterDecision } from '../../../../../libs/domain/src';

/** What operators see of a decision in the Temporal Web UI and CLI (ADR 108). */
export interface OperatorSummary {
  /** One line: the title (or that it is confidential) and the unit's name. */
  staticSummary: string;
  /** Temporal markdown: unit, category and the decision's public page. */
  staticDetails: string;
  /** The same facts as a memo, which continued runs keep (the static summary belongs to the first run). */
  memo: { title: string; unit: string; unitName: string; category: string };
}

const CONFIDENTIAL = '依法不予公开的决策事项 / confidential decision';
const oneLine = (text: string, max: number): string => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};

/**
 * The workflow's static summary, details and memo: its title and unit instead of a bare
 * `decision:{id}`. A confidential decision's title is left out — the Web UI's list is read by operators
 * who need not see it; its unit and id are enough to find it.
 */
export function operatorSummary(
  decisionId: string,
  command: RegisterDecision,
  unitName: string | undefined,
): OperatorSummary {
  const title = command.confidential ? CONFIDENTIAL : oneLine(command.title, 120);
  const unit = unitName ? `${unitName} (${command.unit})` : command.unit;
  return {
    staticSummary: `${title} · ${oneLine(unit, 80)}`,
    staticDetails: [
      `**承办单位 / Unit**: ${unit}`,
      `**类别 / Category**: ${command.category}`,
      `**决策 / Decision**: ${decisionId}`,
    ].join('\n'),
    memo: { title, unit: command.unit, unitName: unitName ?? command.unit, category: command.category },
  };
}
