import { createHash } from 'node:crypto';

/** sha256 as lowercase hex of the UTF-8 bytes of `input`. */
export function sha256Hex(input: string): string {
  return createHash('sha256').update(input, 'utf8').digest('hex');
}
