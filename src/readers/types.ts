import type { ReadContent } from '../types.js';

/** Where a content reader finds its bytes: a file on disk, gzip-compressed or not. */
export interface ContentSource {
  path: string | Buffer;
  /** Bytes on disk. */
  size: number;
  /** The bytes on disk are gzip; the reader reads what they inflate to. */
  gzip: boolean;
}

/** Caps every reader honours, so that no file costs unbounded memory or time. */
export interface ContentLimits {
  /** Bytes a compressed file may inflate to. */
  maxInflatedBytes: number;
  /** Longest line a text reader keeps (longer is a problem, not a crash). */
  maxLineBytes: number;
  /** Problems kept per file; beyond, one problem says how many more. */
  maxProblems: number;
}

export const DEFAULT_CONTENT_LIMITS: ContentLimits = {
  maxInflatedBytes: 8 * 1024 ** 3,
  maxLineBytes: 16 * 1024 * 1024,
  maxProblems: 200,
};

/**
 * A reader of one or more content formats. It streams the file, never holds more than its caps
 * allow, and reports damage as problems: it never throws for bad content.
 */
export interface ContentReader {
  /** The content format ids it reads (src/formats/registry.ts). */
  formats: readonly string[];
  /**
   * For content that several formats share (plain text is CSV, TSV or a README): the extensions
   * (lower case, no dot, e.g. 'csv', 'csv.gz') whose files it reads. Absent: every file of its formats.
   */
  extensions?: readonly string[];
  read(source: ContentSource, limits: ContentLimits): ReadContent | Promise<ReadContent>;
}
