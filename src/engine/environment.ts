import type { Config } from '../config/config.js';
import type { ReadLimits } from '../fits/types.js';
import type { ContentReader } from '../readers/index.js';
import type { ContentRule, FileRule, FitsRule, NameRule, ProjectSettings } from '../types.js';

/** What checking one file needs: the rules to run, the settings, and the readers' caps. */
export interface FileCheckEnvironment {
  settings: ProjectSettings;
  config: Config;
  nameRules: NameRule[];
  fileRules: FileRule[];
  contentRules: ContentRule[];
  /** The content reader of a format (default: the built-in readers of src/readers). */
  readerFor?: (format: string, extension: string | undefined) => ContentReader | undefined;
  fitsRules: FitsRule[];
  profilesFor(path: string): string[];
  limits?: Partial<ReadLimits>;
  hash: boolean;
  /** Gather header values and provenance into the file record (collection and MAST rules read them). */
  recordHeaders: boolean;
  /** Work out each FITS product's sky footprint too (only a MAST pass that asks MAST reads it). */
  recordFootprints: boolean;
  /** Threads a large file may use (its SHA-256 and data sums); default: one per core. */
  threads?: number;
  /** Rethrow a rule's exception instead of reporting it as `internal/rule-crashed` (tests). */
  rethrowRuleErrors?: boolean;
}
