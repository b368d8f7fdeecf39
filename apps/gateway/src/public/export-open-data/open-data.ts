import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { batched } from './open-data-formats';

/** Open data may be cached by anyone for a minute: exports are heavy, and a minute old is fresh enough. */
export const OPEN_DATA_CACHE_CONTROL = 'public, max-age=60';

/**
 * The response body of an export. The generator is pulled only as fast as the client reads (a byte
 * stream with the default 16 KiB high-water mark behind the socket), so memory stays at about one
 * database page whatever the export's size. An error after the first byte aborts the response, so a
 * client sees a truncated transfer rather than a complete-looking file.
 */
export function openDataFile(
  parts: AsyncIterable<string>,
  type: string,
  filename: string,
  disposition: 'inline' | 'attachment',
): StreamableFile {
  return new StreamableFile(Readable.from(batched(parts), { objectMode: false }), {
    type,
    disposition: `${disposition}; filename="${filename}"`,
  });
}
