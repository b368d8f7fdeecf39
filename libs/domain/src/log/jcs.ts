/**
 * RFC 8785 JSON Canonicalization Scheme for the JSON values the log holds.
 *
 * Keys are sorted by UTF-16 code units (JavaScript's default string order), strings and numbers are
 * serialised as ECMAScript's JSON.stringify does (which is what RFC 8785 prescribes). Object properties
 * whose value is `undefined` are omitted, exactly as JSON.stringify omits them when the entry is stored.
 * Trap: other values JSON cannot represent (functions, NaN, Infinity, bigint) are rejected rather than
 * silently changed, because a changed value would make two different entries hash the same.
 */
export function canonicalize(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('JCS: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => canonicalize(item)).join(',')}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalize(record[key])}`).join(',')}}`;
  }
  throw new TypeError(`JCS: cannot canonicalize a ${typeof value}`);
}
