/**
 * The content readers of the formats beyond FITS, by content format. A format with a reader is
 * `checked`; one without is reported by format/not-checked. Readers sit below the engine: they know
 * nothing of rules.
 */

import { TABLE_EXTENSIONS } from './table-extensions.js';
import type { ContentReader } from './types.js';

/**
 * A reader whose module (and the library it is built on: jpeg-js, hyparquet, yaml, csv-parse) is
 * loaded when a file of its format first comes: most runs meet none of them, and loading them all
 * cost about a fifth of the start-up. Its first read is a promise, as a reader's read may be.
 */
function loadedOnUse(
  formats: readonly string[],
  extensions: readonly string[] | undefined,
  load: () => Promise<ContentReader>,
): ContentReader {
  let loaded: Promise<ContentReader> | undefined;
  let reader: ContentReader | undefined;
  return {
    formats,
    ...(extensions ? { extensions } : {}),
    read(source, limits) {
      if (reader) return reader.read(source, limits);
      loaded ??= load().then((module) => {
        reader = module;
        return module;
      });
      return loaded.then((module) => module.read(source, limits));
    },
  };
}

export const READERS: readonly ContentReader[] = [
  loadedOnUse(['png'], undefined, () => import('./png.js').then((module) => module.pngReader)),
  loadedOnUse(['jpeg'], undefined, () => import('./jpeg.js').then((module) => module.jpegReader)),
  loadedOnUse(['gif'], undefined, () => import('./gif.js').then((module) => module.gifReader)),
  loadedOnUse(['parquet'], undefined, () => import('./parquet.js').then((module) => module.parquetReader)),
  loadedOnUse(['ecsv'], undefined, () => import('./ecsv.js').then((module) => module.ecsvReader)),
  loadedOnUse(['text'], TABLE_EXTENSIONS, () => import('./csv.js').then((module) => module.csvReader)),
  loadedOnUse(['votable'], undefined, () => import('./votable.js').then((module) => module.votableReader)),
  loadedOnUse(['xml'], ['vot', 'votable'], () =>
    import('./votable.js').then((module) => module.votableNamedXmlReader),
  ),
  loadedOnUse(['asdf'], undefined, () => import('./asdf.js').then((module) => module.asdfReader)),
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
