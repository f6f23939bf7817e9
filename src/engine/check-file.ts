import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Config } from '../config/config.js';
import type { DiscoveredEntry } from '../discover/discover.js';
import { plainValue } from '../fits/card.js';
import { readPlainFits } from '../fits/large-file.js';
import { describeIoError, readFits } from '../fits/read.js';
import { readTextColumn } from '../fits/table.js';
import type { FitsFile, Hdu, ReadLimits } from '../fits/types.js';
import { parseName } from '../naming/parse.js';
import { STRAY_FILE } from '../naming/stray-file.js';
import type { FileEntry, Finding } from '../report/types.js';
import type { FileRecord, FitsContext, FitsRule, NameContext, NameRule, ProjectSettings } from '../types.js';
import { memoize } from '../util/memo.js';
import { toFinding } from './findings.js';

/** Header keywords kept per file for collection, manifest and MAST rules (bounded memory per file). */
export const RECORD_KEYWORDS = new Set([
  'HLSPID',
  'HLSPVER',
  'HLSPLEAD',
  'HLSPNAME',
  'HLSPTARG',
  'DOI',
  'LICENSE',
  'LICENURL',
  'TELESCOP',
  'INSTRUME',
  'DETECTOR',
  'FILTER',
  'PUPIL',
  'DISPRSR',
  'PROPOSID',
  'TARGNAME',
  'OBJECT',
  'RA_TARG',
  'DEC_TARG',
  'DATE-BEG',
  'DATE-END',
  'MJD-BEG',
  'MJD-END',
  'CAL_VER',
  'SIMULATD',
]);
const RECORD_PATTERNS = /^(FILTER|INSTRU|DETECT|DISPR)[0-9]{2}$/;
const FILEID = /^FILEID[0-9]{2,}$/;
const PROVENANCE_COLUMNS = ['FILENAME', 'FILE_NAME', 'OBS_ID', 'OBSID', 'FILEID', 'SOURCE'];
/** README and manifest text kept for collection rules. */
const MAX_TEXT_BYTES = 1024 * 1024;
const CONTEXT_CARDS = 2;

export interface FileCheckEnvironment {
  settings: ProjectSettings;
  config: Config;
  nameRules: NameRule[];
  fitsRules: FitsRule[];
  profilesFor(path: string): string[];
  limits?: Partial<ReadLimits>;
  hash: boolean;
  /** Gather header values and provenance into the file record (collection and MAST rules read them). */
  recordHeaders: boolean;
  /** Threads a large file may use (its SHA-256 and data sums); default: one per core. */
  threads?: number;
}

export interface FileOutcome {
  entry: FileEntry;
  record: FileRecord;
  findings: Finding[];
}

/**
 * Runs the per-file pass on one discovered entry: read once, run name and FITS rules on that view.
 * The outcome comes at once, or as a promise for a file read in the background (gzip, large files):
 * most files never wait, so the per-file path has no promise to make or await.
 */
export function checkEntry(
  item: DiscoveredEntry,
  env: FileCheckEnvironment,
): FileOutcome | Promise<FileOutcome> {
  const entry: FileEntry = {
    path: item.path,
    size: item.size ?? 0,
    sha256: null,
    kind: item.kind,
    verdict: 'PASS',
  };
  // Every field present from the start (undefined when it does not apply): records of all kinds
  // share one shape, so the code that reads them stays monomorphic.
  const record: FileRecord = {
    path: item.path,
    kind: item.kind,
    size: item.size ?? 0,
    sha256: null,
    header: {},
    provenance: [],
    text: undefined,
    isDirectory: item.isDirectory ? true : undefined,
    skipped: item.skipped,
    readError: undefined,
    hduCount: undefined,
  };
  const findings: Finding[] = [];
  if (item.isDirectory || item.skipped) return { entry, record, findings };
  const name = basename(item.path);
  const parsed = parseName(name);
  const push = (
    ruleId: string,
    severity: FitsRule['meta']['severity'],
    input: Parameters<typeof toFinding>[3],
  ) => {
    const finding = toFinding(ruleId, severity, item.path, input, env.config.rules);
    if (finding) findings.push(finding);
  };
  if (!STRAY_FILE.test(name)) {
    const nameContext: NameContext = { name, path: item.path, parsed, settings: env.settings };
    for (const rule of env.nameRules)
      rule.check(nameContext, (input) => push(rule.meta.id, rule.meta.severity, input));
  }
  if (item.kind === 'fits' || item.kind === 'fits.gz') {
    // One literal shape for every file (no spreads): the reader's option reads stay monomorphic.
    const options = { hash: env.hash, limits: env.limits, threads: env.threads, sumRange: undefined };
    const read =
      item.kind === 'fits' ? readPlainFits(item.absolute, options) : readFits(item.absolute, options);
    const checkFits = (fits: FitsFile): FileOutcome => {
      entry.sha256 = record.sha256 = fits.sha256 ?? null;
      if (item.size === undefined) entry.size = record.size = fits.storedSize ?? sizeOnDisk(item.absolute);
      const context: FitsContext = {
        path: item.path,
        name,
        parsed,
        fits,
        settings: env.settings,
        profiles: env.profilesFor(item.path),
      };
      const before = findings.length;
      for (const rule of env.fitsRules)
        rule.check(context, (input) => push(rule.meta.id, rule.meta.severity, input));
      addCardContext(findings.slice(before), fits);
      record.hduCount = fits.hdus.length;
      if (env.recordHeaders) fillRecord(record, fits);
      return { entry, record, findings };
    };
    return read instanceof Promise ? read.then(checkFits) : checkFits(read);
  }
  const { sha256, text, error, size } = hashAndRead(
    item.absolute,
    item.kind === 'readme' || item.kind === 'manifest',
    env.hash,
  );
  entry.sha256 = record.sha256 = sha256;
  if (item.size === undefined) entry.size = record.size = size ?? sizeOnDisk(item.absolute);
  if (text !== undefined) record.text = text;
  if (error) record.readError = error;
  return { entry, record, findings };
}

function hashAndRead(
  path: string | Buffer,
  keepText: boolean,
  hash: boolean,
): { sha256: string | null; text?: string; error?: string; size?: number } {
  if (!hash && !keepText) return { sha256: null };
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const digest = createHash('sha256');
    const buffer = Buffer.allocUnsafe(1 << 20);
    const kept: Buffer[] = [];
    let keptBytes = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read <= 0) break;
      const chunk = buffer.subarray(0, read);
      digest.update(chunk);
      if (keepText && keptBytes < MAX_TEXT_BYTES) {
        kept.push(Buffer.from(chunk.subarray(0, MAX_TEXT_BYTES - keptBytes)));
        keptBytes += Math.min(read, MAX_TEXT_BYTES - keptBytes);
      }
      if (!hash && keptBytes >= MAX_TEXT_BYTES) break;
    }
    const result: { sha256: string | null; text?: string; size: number } = {
      sha256: hash ? digest.digest('hex') : null,
      size,
    };
    if (keepText) result.text = Buffer.concat(kept).toString('utf8');
    return result;
  } catch (error) {
    return { sha256: null, error: describeIoError(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A file's size when no reader measured it (0 when it cannot be had: the read error says why). */
function sizeOnDisk(path: string | Buffer): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Whether a keyword is kept in the file record, by name (names repeat across files). */
const recordKind = memoize((keyword: string): 'fileid' | 'header' | null =>
  FILEID.test(keyword)
    ? 'fileid'
    : RECORD_KEYWORDS.has(keyword) || RECORD_PATTERNS.test(keyword)
      ? 'header'
      : null,
);

function fillRecord(record: FileRecord, fits: FitsFile): void {
  // Collected first and made into an object at once: keyed stores into {} would leave the object
  // in dictionary mode, about 1.5 KB per file kept for the collection rules.
  const header = new Map<string, FileRecord['header'][string]>();
  for (const hdu of fits.hdus) {
    for (const card of hdu.cards) {
      if (!card.hasValue) continue;
      const key = card.keyword;
      const kind = recordKind(key);
      if (kind === null) continue;
      if (kind === 'fileid') {
        const value = plainValue(card.value);
        if (typeof value === 'string' && value.trim() !== '') record.provenance.push(value.trim());
        continue;
      }
      if (header.has(key)) continue;
      const value = plainValue(card.value);
      header.set(key, typeof value === 'bigint' ? value.toString() : value);
    }
    const extname = hdu.keywords.get('EXTNAME');
    const tableName = extname?.value?.type === 'string' ? extname.value.value.trim().toUpperCase() : '';
    if (tableName === 'PROVENANCE' || tableName === 'HDRTAB') record.provenance.push(...provenanceRows(hdu));
  }
  record.header = Object.fromEntries(header);
}

function provenanceRows(hdu: Hdu): string[] {
  for (const column of PROVENANCE_COLUMNS) {
    const values = readTextColumn(hdu, column).filter((value) => value !== '');
    if (values.length > 0) return values;
  }
  return [];
}

/** A card as quoted around a finding, without its trailing blanks; one string per distinct card. */
const quoted = memoize((raw: string) => raw.trimEnd(), 20_000);

/** Adds the raw header cards around each finding, for reviewers reading the HTML report. */
function addCardContext(findings: Finding[], fits: FitsFile): void {
  for (const finding of findings) {
    if (finding.hdu === null || finding.offset === null) continue;
    const hdu = fits.hdus[finding.hdu];
    if (!hdu) continue;
    const index = hdu.cards.findIndex((card) => card.offset === finding.offset);
    if (index < 0) continue;
    finding.context = hdu.cards
      .slice(Math.max(0, index - CONTEXT_CARDS), index + CONTEXT_CARDS + 1)
      .map((card) => quoted(card.raw));
  }
}
