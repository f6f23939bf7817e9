/**
 * The content readers of the formats beyond FITS, by content format. A format with a reader is
 * `checked`; one without is reported by format/not-checked. Readers sit below the engine: they know
 * nothing of rules.
 */

import { asdfReader } from './asdf.js';
import { csvReader } from './csv.js';
import { ecsvReader } from './ecsv.js';
import { gifReader } from './gif.js';
import { jpegReader } from './jpeg.js';
import { parquetReader } from './parquet.js';
import { pngReader } from './png.js';
import type { ContentReader } from './types.js';
import { votableNamedXmlReader, votableReader } from './votable.js';

const READERS: readonly ContentReader[] = [
  pngReader,
  jpegReader,
  gifReader,
  parquetReader,
  ecsvReader,
  csvReader,
  votableReader,
  votableNamedXmlReader,
  asdfReader,
];

/**
 * The reader of a file's content format, if there is one; `extension` is what the name promises
 * (lower case, no dot), which decides between readers of shared content such as plain text.
 */
export function readerFor(format: string, extension: string | undefined): ContentReader | undefined {
  return READERS.find(
    (reader) =>
      reader.formats.includes(format) &&
      (reader.extensions === undefined || (extension !== undefined && reader.extensions.includes(extension))),
  );
}

export type { ContentLimits, ContentReader, ContentSource } from './types.js';
export { DEFAULT_CONTENT_LIMITS } from './types.js';
