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
    case 'milestones':
      return pipeRows(first(raw), spec.name, 4).map(([title, unit, due, weight]) => ({
        title,
        unit,
        dueAt: beijingToIso(due!, spec.name),
        weight: Number(weight),
      }));
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
 * InvalidCommandError (INVALID_DATE, INVALID_LINE) with `field` for text it cannot read.
 */
export function parseActionForm(fields: readonly FieldSpec[], body: FormBody): Record<string, unknown> {
  const command: Record<string, unknown> = {};
  for (const spec of fields) {
    const value = parseField(spec, body);
    if (value !== undefined) setPath(command, spec.name, value);
  }
  return command;
}
