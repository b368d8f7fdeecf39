/** Query parameters whose values say nothing about a person and help reading the logs. */
const PLAIN_PARAMETERS: ReadonlySet<string> = new Set([
  'lang',
  'page',
  'pageSize',
  'stage',
  'year',
  'overdue',
  'format',
  'sent',
  'done',
  'opinions',
]);

/** Paths whose last segment is a receipt (the public receipt lookup of the API). */
const RECEIPT_PATH = /^(\/api\/v1\/public\/opinions\/)[^/?]+/;

/**
 * The form of a request URL that may be written to a log: receipts (in the path or the query), search
 * words, tokens and anything else a client may put in a query string are replaced by `*`; only the
 * parameter names (camelCase words only) and a few plain values (language, paging, stage filters) stay.
 * Logs are kept and read by operators; a receipt is the citizen's key to their opinion and a token is a
 * credential.
 */
export function loggableUrl(url: string): string {
  const mark = url.indexOf('?');
  const path = (mark < 0 ? url : url.slice(0, mark)).replace(RECEIPT_PATH, '$1*');
  if (mark < 0) return path;
  const query = url
    .slice(mark + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      // Our parameter names are camelCase words; anything else (a pasted token or receipt) is not logged.
      if (!/^[a-z][A-Za-z]{0,31}$/.test(name)) return '*=*';
      return PLAIN_PARAMETERS.has(name) && /^[\w.-]{0,32}$/.test(eq < 0 ? '' : pair.slice(eq + 1)) ? pair : `${name}=*`;
    });
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}
