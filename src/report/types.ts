import type { FileRecord } from '../rules/types.js';

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
}

export interface FileEntry {
  path: string;
  size: number;
  sha256: string | null;
  kind: FileKind;
  verdict: Verdict;
}

export interface NotChecked {
  ruleId: string;
  reason: string;
  path?: string;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  verdict: Verdict;
}

export interface MastStats {
  mode: 'online' | 'cache' | 'offline';
  requests: number;
  cacheHits: number;
  ids: number;
}

export interface Report {
  tool: { name: 'hlsp-validate'; version: string };
  project: string | null;
  root: string;
  startedAt: string;
  durationMs: number;
  summary: Summary;
  files: FileEntry[];
  findings: Finding[];
  notChecked: NotChecked[];
  mast?: MastStats;
  shard?: { index: number; count: number };
  /** Sharded runs only: what each file contributed, so `merge` can run the collection and MAST rules. */
  records?: FileRecord[];
  /** Present when --baseline was used: how many known findings were left out. */
  baseline?: { file: string; suppressed: number };
}

export interface FormatterContext {
  color: boolean;
  /** Base URL for rule documentation links. */
  docsBase: string;
  /** Cap on the number of annotations (github). */
  maxAnnotations?: number;
  /** Metadata of every rule that may appear in the report, by id. */
  rules: Record<string, { description: string; severity: Severity; docsUrl: string }>;
}

/** A formatter is a plain function from a report to text, in the style of ESLint formatters. */
export type Formatter = (report: Report, context: FormatterContext) => string;
