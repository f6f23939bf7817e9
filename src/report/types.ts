import type { FileKind, FileRecord, Finding, FindingCause, NotChecked, Severity, Verdict } from '../types.js';

export type { FileKind, Finding, FindingCause, NotChecked, Severity, Verdict };

export interface FileEntry {
  path: string;
  size: number;
  sha256: string | null;
  kind: FileKind;
  /** What the content is, sniffed from its bytes ('fits', 'png', 'ecsv', 'unknown', …); not for `names`. */
  format?: string;
  /** Whether the tool read the content and judged it by the rules of its format; not for `names`. */
  checked?: boolean;
  verdict: Verdict;
}

export interface Summary {
  /** Every file checked: products and support files, without the configuration files. */
  files: number;
  /** The files that are products of the collection (science files, previews, tables…). */
  products: number;
  /** README, manifest and configuration files: they support the delivery, they are not products. */
  supportFiles: number;
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
  /** hlsp.config.json files inside the checked tree: counted as support files, not checked as products. */
  configFiles?: string[];
  mast?: MastStats;
  shard?: { index: number; count: number };
  /** Sharded runs only: what each file contributed, so `merge` can run the collection and MAST rules. */
  records?: FileRecord[];
  /** Present when --baseline was used: how many known findings were left out. */
  baseline?: { file: string; suppressed: number };
  /**
   * Present when the run required the MAST cross-reference (--require-mast, mast.required): whether
   * it happened, and if not, why. Not met fails the run (exit 1); the verdict stays the files'.
   */
  mastRequired?: MastRequirement;
}

export interface MastRequirement {
  met: boolean;
  /** Why the cross-reference did not happen, when it did not. */
  reason?: string;
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

/** A formatter's text in pieces, for a report too large to hold as one string. */
export type StreamedFormatter = (report: Report, context: FormatterContext) => Iterable<string>;
