/**
 * `Content-Disposition: attachment` with the file name twice (RFC 6266): an ASCII fallback in `filename`
 * (anything else, quotes and backslashes become `_`) and the exact name in `filename*` (RFC 5987,
 * UTF-8, percent-encoded), which every current browser prefers. Pure.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_').trim() || 'attachment';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
