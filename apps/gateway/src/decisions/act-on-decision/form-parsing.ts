import { InvalidCommandError } from '../../../../../libs/domain/src';
import type { FormBody } from '../../site-shell/console/form-body';
import type { FieldSpec } from './action-fields';

const first = (value: string | string[] | undefined): string =>
  Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
const all = (value: string | string[] | undefined): string[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];
const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2}))?)?$/;

/**
 * A date or date-time typed in China Standard Time (what `datetime-local` sends, or `YYYY-MM-DD HH:mm`)
 * as an RFC 3339 UTC instant; a date alone is midnight. Anything else is INVALID_DATE naming the field.
 */
export function beijingToIso(value: string, field: string): string {
  const match = LOCAL.exec(value.trim());
  const instant = match ? new Date(`${match[1]}T${match[2] ?? '00:00'}:${match[3] ?? '00'}+08:00`) : undefined;
  if (!instant || Number.isNaN(instant.getTime())) {
    throw new InvalidCommandError(
      'INVALID_DATE',
      `${field} must be a date (YYYY-MM-DD) or date and time (YYYY-MM-DD HH:mm), China Standard Time.`,
      { field },
    );
  }
  return instant.toISOString();
}

/** The `datetime-local` value (China Standard Time) of an instant, to fill a form from the state. */
export function isoToBeijingLocal(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 3600_000);
  return shifted.toISOString().slice(0, 16);
}

function pipeRows(text: string, field: string, columns: number): string[][] {
  return lines(text).map((line, index) => {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length !== columns || cells.some((cell) => cell.length === 0)) {
      throw new InvalidCommandError(
        'INVALID_LINE',
        `${field}: line ${index + 1} needs ${columns} parts separated by "|".`,
        { field, line: index + 1, columns },
      );
    }
    return cells;
  });
}

const ROW_FIELDS = ['title', 'unit', 'dueAt', 'weight'] as const;
type Row = Record<(typeof ROW_FIELDS)[number], string | undefined>;
/** The most rows a row editor has; a higher index is ignored (a form never sends one). */
export const MAX_ROWS = 50;

/** The name of one cell of a row editor: `milestones[2][title]` (ADR 108). */
export const rowFieldName = (field: string, index: number, cell: string): string => `${field}[${index}][${cell}]`;

/**
 * The rows of a row editor in index order; a row left wholly empty is skipped, a row filled in part is
 * INVALID_ROW naming the field and the row (from 1).
 */
export function milestoneRows(body: FormBody, field: string): Row[] {
  const rows: Row[] = [];
  for (let index = 0; index < MAX_ROWS; index++) {
    const row = Object.fromEntries(
      ROW_FIELDS.map((cell) => [cell, first(body[rowFieldName(field, index, cell)]).trim() || undefined]),
    ) as Row;
    const filled = ROW_FIELDS.filter((cell) => row[cell] !== undefined).length;
    if (filled === 0) continue;
    if (filled < ROW_FIELDS.length) {
      throw new InvalidCommandError(
        'INVALID_ROW',
        `${field}: row ${index + 1} needs a title, unit, due date and weight.`,
        {
          field,
          row: index + 1,
        },
      );
    }
    rows.push(row);
  }
  return rows;
}

function parseField(spec: FieldSpec, body: FormBody): unknown {
  const raw = body[spec.name];
  const text = first(raw).trim();
  switch (spec.kind) {
    case 'checkbox':
      return text !== '';
    case 'channels':
      return all(raw).filter((v) => v !== '');
    case 'number':
      return text === '' ? undefined : Number(text);
    case 'datetime':
      return text === '' ? undefined : beijingToIso(text, spec.name);
    case 'lines':
      return lines(first(raw));
    case 'opinions':
      return text === '' ? undefined : lines(first(raw)).map((line) => ({ text: line }));
    case 'qa':
      return pipeRows(first(raw), spec.name, 2).map(([question, answer]) => ({ question, answer }));
    case 'milestones': {
      const rows = milestoneRows(body, spec.name);
      const typed = text === '' ? [] : pipeRows(first(raw), spec.name, 4);
      const all = [...rows, ...typed.map(([title, unit, dueAt, weight]) => ({ title, unit, dueAt, weight }))];
      return all.map((row) => ({
        title: row.title,
        unit: row.unit,
        dueAt: beijingToIso(row.dueAt!, spec.name),
        weight: Number(row.weight),
      }));
    }
    case 'date':
    case 'select':
    case 'text':
    case 'textarea':
      return text === '' ? undefined : first(raw);
    case 'file':
      return undefined; // read from the multipart body by the attachment route, never parsed here
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

/**
 * A form's urlencoded body → the action's JSON body, by the field table. Empty optional fields are left
 * out (the rule then sees what the API would); the domain rules judge the values. Throws
 * InvalidCommandError (INVALID_DATE, INVALID_LINE, INVALID_ROW) with `field` for text it cannot read.
 * Milestones come from the row editor's cells (`milestones[0][title]`, …) and, for older forms and
 * scripts, from `title | unit | due date | weight` lines; both give the same JSON body.
 */
export function parseActionForm(fields: readonly FieldSpec[], body: FormBody): Record<string, unknown> {
  const command: Record<string, unknown> = {};
  for (const spec of fields) {
    const value = parseField(spec, body);
    if (value !== undefined) setPath(command, spec.name, value);
  }
  return command;
}
