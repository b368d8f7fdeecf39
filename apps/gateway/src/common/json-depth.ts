/**
 * The deepest nesting of objects and arrays a JSON request body may have. Our deepest DTO (answers →
 * target) needs 3; 32 leaves room for free-form action payloads and refuses the thousands of levels that
 * make validators recurse until the stack runs out.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * True when `text` nests objects/arrays deeper than `max`. A linear scan that skips string contents
 * (escapes included), run before `JSON.parse`, so a hostile body costs one pass and allocates nothing.
 */
export function jsonDepthExceeds(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return false;
}
