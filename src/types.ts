/**
 * The shared vocabulary of the product: what a finding is, what a rule is and what it reads.
 * Rules, the engine, the MAST pass and the report formats all speak these types.
 */

import type { ArchiveProblem } from './archive/read.js';
import type { Footprint } from './fits/footprint.js';
import type { FitsFile } from './fits/types.js';
import type { FormatComparison } from './formats/compare.js';
import type { Row } from './mast/client.js';
import type { SourceId } from './mast/provenance.js';
import type { ParsedName } from './naming/parse.js';

export type Severity = 'error' | 'warning' | 'info';
export type Verdict = 'PASS' | 'NEEDS REVIEW' | 'FAIL';
export type FileKind = 'fits' | 'fits.gz' | 'readme' | 'manifest' | 'table' | 'preview' | 'other';

/** One problem found, as it appears in every report format. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Relative to the collection root, `/` separated; for `names`, the name itself. */
  path: string;
  /** 0-based HDU index, or null when the finding is not about one HDU. */
  hdu: number | null;
  /** FITS keyword (upper case), or null. */
  keyword: string | null;
  /** Byte offset of the card or structure in the (uncompressed) file, or null. */
  offset: number | null;
  message: string;
  hint?: string;
  /** Up to a few header cards around the finding, for the HTML report. */
  context?: string[];
  /**
   * The finding this one follows from, in the same file: reports fold it under that finding, as
   * compilers show a note under its error. It still counts in the totals and for the exit code.
   */
  causedBy?: FindingCause;
}

/** Names a finding by where it stands: its rule and location in the same file (stable across runs). */
export interface FindingCause {
  ruleId: string;
  hdu: number | null;
  keyword: string | null;
  offset: number | null;
}

export interface NotChecked {
  ruleId: string;
  reason: string;
  path?: string;
}

export type RuleScope = 'name' | 'file' | 'fits' | 'content' | 'collection' | 'mast';

export interface RuleMeta {
  /** Stable, namespaced id: `name/…`, `fits/…`, `hlsp/…`, `collection/…`, `mast/…`. */
  id: string;
  /** One sentence: what the rule checks. */
  description: string;
  /** Default severity; a finding may carry its own (e.g. required vs recommended keywords). */
  severity: Severity;
  scope: RuleScope;
  /** For `content` rules: the content formats the rule reads ('ecsv', 'png', …); it sees no other. */
  formats?: string[];
  /** Longer explanation for the generated rules documentation. */
  rationale?: string;
  /** Where the requirement comes from (FITS Standard section, MAST guide page). */
  source?: string;
}

/** What a rule reports; the engine adds ruleId, path and the final severity. */
export interface FindingInput {
  message: string;
  hdu?: number | null;
  keyword?: string | null;
  offset?: number | null;
  hint?: string;
  /** Overrides the rule's default severity for this one finding. */
  severity?: Severity;
  /** For collection-scope rules: which file the finding is about. */
  path?: string;
  /** The finding (of this or another rule, in the same file) that this one follows from. */
  causedBy?: { ruleId: string; hdu?: number | null; keyword?: string | null; offset?: number | null };
}

export type ReportFn = (finding: FindingInput) => void;

export interface ProjectSettings {
  /** The collection's HLSP id (proj-id), lower case. */
  project?: string;
  doi?: string;
  title?: string;
  lead?: string;
  version?: string;
}

/** What a file's name promises and what its bytes are, for the `format/*` rules. */
export interface FileContext {
  path: string;
  name: string;
  kind: FileKind;
  /** The name's promise against the sniffed content (src/formats/compare.ts). */
  format: FormatComparison;
  /** The content's format as reported: 'fits', 'png', 'text', 'unknown', … */
  contentFormat: string;
  /** Whether a reader of the tool read the content and its rules judged it. */
  checked: boolean;
  settings: ProjectSettings;
  /** For a zip or tar archive: what walking its members found (the `archive/*` rules read it). */
  archive?: { problems: ArchiveProblem[] };
}

export interface NameContext {
  /** The bare file name. */
  name: string;
  /** Path relative to the collection root. */
  path: string;
  parsed: ParsedName;
  settings: ProjectSettings;
}

export interface FitsContext {
  path: string;
  name: string;
  parsed: ParsedName;
  fits: FitsFile;
  settings: ProjectSettings;
  /** Keyword profiles that apply to this file, e.g. ['common', 'image', 'jwst']. */
  profiles: string[];
}

/** One problem a content reader met, in the file's own terms (line, column, byte). */
export interface ContentProblem {
  /** What kind of problem, for the rule that reports it: 'not-utf8', 'bad-header', 'truncated', … */
  code: string;
  message: string;
  /** 1-based line of a text format. */
  line?: number;
  /** Byte offset in the (uncompressed) content. */
  offset?: number;
  /** The column, field or key the problem is about. */
  key?: string;
  hint?: string;
}

/** What a content reader made of a file that is not FITS (src/readers). */
export interface ReadContent {
  /** Problems found while reading; each format's rules turn them into findings. */
  problems: ContentProblem[];
  /** The file's metadata as FITS-style keywords (upper case) → value, for the HLSP keyword profiles. */
  metadata?: Map<string, string | number | boolean | null>;
  /** For tables: the columns as declared, and the rows read. */
  table?: { columns: { name: string; datatype?: string; unit?: string; ucd?: string }[]; rows: number };
  /** For images: the dimensions as declared. */
  image?: { width: number; height: number };
  /** Anything else a format's rules need from its reader. */
  details?: Record<string, unknown>;
}

/** A file of a format with a content reader (ECSV, CSV, Parquet, images, …), for `content` rules. */
export interface ContentContext {
  path: string;
  name: string;
  parsed: ParsedName;
  /** The content format the reader read ('ecsv', 'png', …). */
  format: string;
  content: ReadContent;
  settings: ProjectSettings;
  /** Keyword profiles that apply to this file, as for FITS. */
  profiles: string[];
}

/** What the per-file pass keeps of each file for collection and MAST rules. */
export interface FileRecord {
  path: string;
  kind: FileKind;
  /** The content's format, sniffed from its bytes (FileEntry.format). */
  format?: string;
  size: number;
  sha256: string | null;
  /** Selected primary/data header values (keyword → value as text or number). */
  header: Record<string, string | number | boolean | null>;
  /** Provenance ids claimed by the file (FILEIDnn, PROVENANCE rows, HDRTAB rows). */
  provenance: string[];
  /** Raw content of small text files (README, manifest), capped. */
  text?: string;
  /** Set for directories (to check their names). */
  isDirectory?: boolean;
  /** Why the entry was not read: a symbolic link (never followed), an unreadable directory, a device. */
  skipped?: 'symlink' | 'symlink-outside' | 'symlink-loop' | 'unreadable' | 'special';
  /** Why a non-FITS file could not be read. */
  readError?: string;
  /** Number of HDUs, for FITS files. */
  hduCount?: number;
  /** The sky corners of the first image with a celestial WCS, for FITS files that have one. */
  footprint?: Footprint;
  /** Set when the file's size or modification time changed while it was read: nothing read from it can be trusted. */
  changedDuringCheck?: true;
}

export interface CollectionContext {
  root: string;
  files: FileRecord[];
  settings: ProjectSettings;
}

export interface Rule<C> {
  meta: RuleMeta;
  check(context: C, report: ReportFn): void;
}

export type NameRule = Rule<NameContext>;
export type FileRule = Rule<FileContext>;
export type FitsRule = Rule<FitsContext>;
export type ContentRule = Rule<ContentContext>;
export type CollectionRule = Rule<CollectionContext>;
export type AnyRule = NameRule | FileRule | FitsRule | ContentRule | CollectionRule;

/** One product and what MAST said about the observations it claims to come from. */
export interface MastContext {
  product: FileRecord;
  sources: SourceId[];
  /** CAOM rows by lower-case obs_id, for the ids MAST knows. */
  observations: Map<string, Row>;
  /** Pipeline versions (cal_ver) of the source datasets, by lower-case fileSetName (JWST Mission Search). */
  calibrations: Map<string, string[]>;
  /**
   * Optical elements (upper case) of the source datasets by lower-case fileSetName, from the JWST
   * Mission Search; asked only for observations whose CAOM row lists no filters.
   */
  opticalElements: Map<string, string[]>;
  /** The product's PROPOSID as an unpadded JWST program, and whether MAST has JWST data for it. */
  program?: { id: string; known: boolean };
  /** Now, as an MJD. */
  nowMjd: number;
}

export interface MastRule {
  meta: RuleMeta;
  check(context: MastContext, report: ReportFn): void;
}

/** The rules of one run, by what they read. */
export interface RuleSet {
  name: NameRule[];
  file: FileRule[];
  fits: FitsRule[];
  content: ContentRule[];
  collection: CollectionRule[];
  mast: MastRule[];
}
