/** The line operators read of a decision's run, from the memo its registration set (ADR 108, ADR 124). */
export function operatorLine(memo: Record<string, unknown> | undefined): string | undefined {
  const text = (key: string): string | undefined => (typeof memo?.[key] === 'string' ? memo[key] : undefined);
  const title = text('title');
  const unit = text('unit');
  if (!title || !unit) return undefined;
  const unitName = text('unitName');
  return `${title} · ${unitName && unitName !== unit ? `${unitName} (${unit})` : unit}`;
}
