import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { DiscoveredEntry } from '../discover/discover.js';
import { cardFact, plainValue } from '../fits/card.js';
import { skyFootprint } from '../fits/footprint.js';
import { readOpenPlainFits } from '../fits/large-file.js';
import { logicalFits } from '../fits/logical.js';
import {
  describeIoError,
  type FileVersion,
  fileVersion,
  openFile,
  readFits,
  unreadableFits,
} from '../fits/read.js';
import { readTextColumn } from '../fits/table.js';
import type { FitsFile, Hdu } from '../fits/types.js';
import { compareFormat, type FormatComparison } from '../formats/compare.js';
import { sniffInsideGzip } from '../formats/inside.js';
import { promiseForName } from '../formats/registry.js';
import { SNIFF_HEAD_BYTES, SNIFF_TAIL_BYTES, sniffFormat } from '../formats/sniff.js';
import { parseName } from '../naming/parse.js';
import { STRAY_FILE } from '../naming/stray-file.js';
import { DEFAULT_CONTENT_LIMITS, readerFor } from '../readers/index.js';
import type { FileEntry, Finding } from '../report/types.js';
import type {
  ContentContext,
  FileContext,
  FileRecord,
  FitsContext,
  FitsRule,
  NameContext,
  ReadContent,
} from '../types.js';
import { memoize } from '../util/memo.js';
import { FindingLimit } from './bounds.js';
import { archiveFormatOf, checkArchive } from './check-archive.js';
import type { FileCheckEnvironment } from './environment.js';
import { toFinding } from './findings.js';
import { crashInput, RULE_CRASHED, ruleRunner } from './rule-crash.js';

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
  'CHANNEL',
  'BAND',
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

export interface FileOutcome {
  entry: FileEntry;
  record: FileRecord;
  findings: Finding[];
  /** For an archive: one entry per member, at `archive!member` (docs/formats.md). */
  members?: FileEntry[];
}

/**
 * Runs the per-file pass on one discovered entry: read once, run name and FITS rules on that view.
 * The outcome comes at once, or as a promise for a file read in the background (gzip, large files):
 * most files never wait, so the per-file path has no promise to make or await. A file whose size
 * or modification time differs after the check from before it gets `file/changed-during-check`.
 */
export function checkEntry(
  item: DiscoveredEntry,
  env: FileCheckEnvironment,
): FileOutcome | Promise<FileOutcome> {
  // A plain FITS file is compared on its open descriptor instead (in checkEntryOnce): no path
  // lookup on the per-file path.
  if (item.isDirectory || item.skipped || item.kind === 'fits') return checkEntryOnce(item, env);
  const before = fileVersion(item.absolute);
  const outcome = checkEntryOnce(item, env);
  return outcome instanceof Promise
    ? outcome.then((done) => noteChange(done, before, fileVersion(item.absolute), item, env))
    : noteChange(outcome, before, fileVersion(item.absolute), item, env);
}

function checkEntryOnce(
  item: DiscoveredEntry,
  env: FileCheckEnvironment,
): FileOutcome | Promise<FileOutcome> {
  const entry: FileEntry = {
    path: item.path,
    size: item.size ?? 0,
    sha256: null,
    kind: item.kind,
    format: undefined,
    checked: undefined,
    verdict: 'PASS',
  };
  // Every field present from the start (undefined when it does not apply): records of all kinds
  // share one shape, so the code that reads them stays monomorphic.
  const record: FileRecord = {
    path: item.path,
    kind: item.kind,
    format: undefined,
    size: item.size ?? 0,
    sha256: null,
    header: {},
    provenance: [],
    text: undefined,
    isDirectory: item.isDirectory ? true : undefined,
    skipped: item.skipped,
    readError: undefined,
    hduCount: undefined,
    footprint: undefined,
    changedDuringCheck: undefined,
  };
  const findings: Finding[] = [];
  if (item.isDirectory || item.skipped) return { entry, record, findings };
  const name = basename(item.path);
  const parsed = parseName(name);
  let limit: FindingLimit | undefined;
  const push = (
    ruleId: string,
    severity: FitsRule['meta']['severity'],
    input: Parameters<typeof toFinding>[3],
  ) => {
    const finding = toFinding(ruleId, severity, item.path, input, env.config.rules);
    if (!finding) return;
    // At most MAX_FINDINGS_PER_KIND of a rule on one HDU, then one "and N more" finding.
    limit ??= new FindingLimit();
    limit.add(finding, findings);
  };
  // A rule that throws costs this file one finding; the other rules and files still run.
  const runRule = ruleRunner(push, env.rethrowRuleErrors === true);
  // A stray file (.DS_Store, a backup) is reported once, by collection/stray-file; its name and
  // content are not judged as a product's.
  const stray = STRAY_FILE.test(name);
  if (!stray) {
    const nameContext: NameContext = { name, path: item.path, parsed, settings: env.settings };
    for (const rule of env.nameRules) runRule(rule, nameContext);
  }
  const runFileRules = (format: FormatComparison, contentFormat: string, checked: boolean) => {
    entry.format = record.format = contentFormat;
    entry.checked = checked;
    if (stray || env.fileRules.length === 0) return;
    const context: FileContext = {
      path: item.path,
      name,
      kind: item.kind,
      format,
      contentFormat,
      checked,
      settings: env.settings,
    };
    for (const rule of env.fileRules) runRule(rule, context);
  };
  const checkFits = (fits: FitsFile): FileOutcome => {
    entry.sha256 = record.sha256 = fits.sha256 ?? null;
    if (item.size === undefined) entry.size = record.size = fits.storedSize ?? sizeOnDisk(item.absolute);
    if (entry.format === undefined) {
      // Named FITS but not read as FITS: when the bytes are another known format, that is the one
      // defect to report, not the FITS reader's view of a PNG.
      const other = fits.problems.some((problem) => NOT_FITS.has(problem.code))
        ? sniffFile(item.absolute)
        : undefined;
      if (other && other.comparison.verdict === 'disagrees' && other.recognised) {
        runFileRules(other.comparison, other.contentFormat, false);
        return { entry, record, findings };
      }
      runFileRules(fitsAsNamed(name), 'fits', true);
    }
    const context: FitsContext = {
      path: item.path,
      name,
      parsed,
      fits,
      settings: env.settings,
      profiles: env.profilesFor(item.path),
    };
    const logical = logicalFits(fits);
    const imageContext = logical === fits ? context : { ...context, fits: logical };
    const before = findings.length;
    for (const rule of env.fitsRules) runRule(rule, contextFor(rule.meta.id, context, imageContext));
    addCardContext(findings.slice(before), fits);
    record.hduCount = fits.hdus.length;
    if (env.recordHeaders) fillRecord(record, logical);
    if (env.recordFootprints) record.footprint = skyFootprint(logical.hdus);
    return { entry, record, findings };
  };
  // One literal shape for every file (no spreads): the reader's option reads stay monomorphic.
  const options = { hash: env.hash, limits: env.limits, threads: env.threads, sumRange: undefined };
  if (item.kind === 'fits') {
    // One descriptor from the read to the end of the file's rules: asked for the file's version
    // again before it is closed, it tells a file written to meanwhile without a path lookup.
    const file = openFile(item.absolute);
    if ('error' in file) return checkFits(unreadableFits(file.error));
    const close = (outcome: FileOutcome) => noteChange(outcome, file, closeFile(file.fd), item, env);
    let outcome: FileOutcome;
    try {
      const read = readOpenPlainFits(item.absolute, file, options);
      if (read instanceof Promise)
        return read.then(checkFits).then(close, (error: unknown) => {
          closeSync(file.fd);
          throw error;
        });
      outcome = checkFits(read);
    } catch (error) {
      closeSync(file.fd);
      throw error;
    }
    return close(outcome);
  }
  if (item.kind === 'fits.gz') {
    const read = readFits(item.absolute, options);
    return read instanceof Promise ? read.then(checkFits) : checkFits(read);
  }
  const keepText = item.kind === 'readme' || item.kind === 'manifest';
  const { sha256, text, error, size, head, tail } = hashAndRead(item.absolute, keepText, env.hash);
  entry.sha256 = record.sha256 = sha256;
  if (item.size === undefined) entry.size = record.size = size ?? sizeOnDisk(item.absolute);
  if (text !== undefined) record.text = text;
  if (error) {
    record.readError = error;
    return { entry, record, findings };
  }
  const sniffed = sniffBytes(name, head, tail, size ?? 0);
  if (sniffed.contentFormat === 'fits') {
    // FITS content under another name: the name's promise is judged, and the content as FITS.
    runFileRules(sniffed.comparison, 'fits', true);
    const read = readFits(item.absolute, options);
    return read instanceof Promise ? read.then(checkFits) : checkFits(read);
  }
  const archive = stray
    ? undefined
    : archiveFormatOf(name, sniffed.comparison.found.format, sniffed.contentFormat);
  if (archive) {
    entry.format = record.format = sniffed.contentFormat;
    return checkArchive(
      { entry, record, findings },
      item,
      archive,
      sniffed.comparison,
      sniffed.contentFormat,
      env,
    );
  }
  const reader = stray
    ? undefined
    : (env.readerFor ?? readerFor)(sniffed.contentFormat, sniffed.comparison.promise?.extension);
  if (!reader) {
    runFileRules(sniffed.comparison, sniffed.contentFormat, keepText);
    return { entry, record, findings };
  }
  runFileRules(sniffed.comparison, sniffed.contentFormat, true);
  const checkContent = (content: ReadContent): FileOutcome => {
    const context: ContentContext = {
      path: item.path,
      name,
      parsed,
      format: sniffed.contentFormat,
      content,
      settings: env.settings,
      profiles: env.profilesFor(item.path),
    };
    for (const rule of env.contentRules) {
      if (!rule.meta.formats?.includes(sniffed.contentFormat)) continue;
      runRule(rule, context);
    }
    if (env.recordHeaders && content.metadata) record.header = Object.fromEntries(content.metadata);
    return { entry, record, findings };
  };
  const source = { path: item.absolute, size: size ?? 0, gzip: sniffed.gzip };
  const limits = {
    ...DEFAULT_CONTENT_LIMITS,
    ...(env.limits?.maxInflatedBytes ? { maxInflatedBytes: env.limits.maxInflatedBytes } : {}),
  };
  // A reader that throws (a bug: readers report damage as problems) costs this file one finding.
  const readerCrashed = (error: unknown): FileOutcome => {
    if (env.rethrowRuleErrors === true) throw error;
    push(RULE_CRASHED, 'error', crashInput(`reader/${sniffed.contentFormat}`, error));
    return { entry, record, findings };
  };
  let read: ReadContent | Promise<ReadContent>;
  try {
    read = reader.read(source, limits);
  } catch (error) {
    return readerCrashed(error);
  }
  return read instanceof Promise ? read.then(checkContent, readerCrashed) : checkContent(read);
}

/** Closes a descriptor, giving the file's version just before. */
function closeFile(fd: number): FileVersion | undefined {
  const version = fileVersion(fd);
  closeSync(fd);
  return version;
}

/**
 * Compares the file after its check with before: a file written to while it was read (an upload
 * still running, a pipeline rewriting it) was judged on bytes that are no longer there.
 */
function noteChange(
  outcome: FileOutcome,
  before: FileVersion | undefined,
  after: FileVersion | undefined,
  item: DiscoveredEntry,
  env: FileCheckEnvironment,
): FileOutcome {
  if (!before || !after || (before.size === after.size && before.mtimeMs === after.mtimeMs)) return outcome;
  outcome.record.changedDuringCheck = true;
  const sizes =
    before.size === after.size ? `${after.size} bytes` : `${before.size} bytes, then ${after.size}`;
  const finding = toFinding(
    FILE_CHANGED,
    'error',
    item.path,
    {
      message: `the file changed while it was checked (${sizes}; modified at ${new Date(after.mtimeMs).toISOString()}): its findings and checksum describe neither version`,
      hint: 'check again once nothing writes to the collection (an upload or a pipeline still running?)',
    },
    env.config.rules,
  );
  if (finding) outcome.findings.push(finding);
  return outcome;
}

/** The id the engine reports a changed file under (its documentation: src/rules/file/changed-during-check.ts). */
export const FILE_CHANGED = 'file/changed-during-check';

/** Rules of the fits group that judge what a header says, not how the file is stored. */
const CONTENT_FITS_RULES = new Set(['fits/wcs-keywords']);

/**
 * The context a rule judges: the HDUs as stored for the structure rules (`fits/*`), where a
 * compressed image is the BINTABLE it is; the restored images for the header and content rules.
 */
export function contextFor(ruleId: string, stored: FitsContext, restored: FitsContext): FitsContext {
  return ruleId.startsWith('fits/') && !CONTENT_FITS_RULES.has(ruleId) ? stored : restored;
}

/** Reader problems that mean the bytes are not FITS at all (as opposed to damaged FITS). */
const NOT_FITS = new Set(['not-fits', 'gzip-error']);

interface Sniffed {
  comparison: FormatComparison;
  /** The innermost format known: what a gzip file holds, when that could be seen. */
  contentFormat: string;
  /** Whether the content is a format the registry knows (not unknown bytes, not empty). */
  recognised: boolean;
  /** The bytes on disk are gzip around the content format. */
  gzip: boolean;
}

function sniffBytes(name: string, head: Uint8Array, tail: Uint8Array, size: number): Sniffed {
  const found = sniffFormat(head, tail, size);
  const inner = found.format === 'gzip' ? sniffInsideGzip(head, size) : undefined;
  const comparison = compareFormat(name, found, inner);
  const innermost = inner && inner.format !== 'unknown' ? inner.format : found.format;
  return {
    comparison,
    contentFormat: innermost,
    recognised: innermost !== 'unknown' && innermost !== 'empty' && innermost !== 'non-utf8-text',
    gzip: found.format === 'gzip' && innermost !== 'gzip',
  };
}

/** Sniffs a file that the FITS reader could not read as FITS. */
function sniffFile(path: string | Buffer): Sniffed | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, SNIFF_HEAD_BYTES));
    readSync(fd, head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(size, SNIFF_TAIL_BYTES));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return sniffBytes(basename(path.toString()), head, tail, size);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A file named and read as FITS: the name's promise kept (looked up once per extension). */
const fitsByExtension = memoize(
  (extension: string): FormatComparison => ({
    verdict: 'agrees',
    promise: promiseForName(`file${extension}`),
    found: { format: 'fits' },
  }),
  1000,
);
const fitsAsNamed = (name: string) => {
  const dot = name.indexOf('.');
  return fitsByExtension(dot < 0 ? '' : name.slice(dot).toLowerCase());
};

/**
 * Reads a file that is not named FITS: its SHA-256 (when asked), its text (README, manifest), and its
 * first and last bytes, from which its format is sniffed.
 */
function hashAndRead(
  path: string | Buffer,
  keepText: boolean,
  hash: boolean,
): {
  sha256: string | null;
  text?: string;
  error?: string;
  size?: number;
  head: Uint8Array;
  tail: Uint8Array;
} {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, SNIFF_HEAD_BYTES));
    const tail = Buffer.alloc(Math.min(size, SNIFF_TAIL_BYTES));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    if (!hash && !keepText) {
      readSync(fd, head, 0, head.length, 0);
      return { sha256: null, size, head, tail };
    }
    const digest = createHash('sha256');
    const buffer = Buffer.allocUnsafe(1 << 20);
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let headBytes = 0;
    for (let position = 0; ; ) {
      const read = readSync(fd, buffer, 0, buffer.length, position);
      if (read <= 0) break;
      position += read;
      const chunk = buffer.subarray(0, read);
      if (headBytes < head.length) headBytes += chunk.copy(head, headBytes, 0);
      if (hash) digest.update(chunk);
      if (keepText && keptBytes < MAX_TEXT_BYTES) {
        kept.push(Buffer.from(chunk.subarray(0, MAX_TEXT_BYTES - keptBytes)));
        keptBytes += Math.min(read, MAX_TEXT_BYTES - keptBytes);
      }
      if (!hash && keptBytes >= MAX_TEXT_BYTES) break;
    }
    const result: ReturnType<typeof hashAndRead> = {
      sha256: hash ? digest.digest('hex') : null,
      size,
      head,
      tail,
    };
    if (keepText) result.text = Buffer.concat(kept).toString('utf8');
    return result;
  } catch (error) {
    return { sha256: null, error: describeIoError(error), head: new Uint8Array(), tail: new Uint8Array() };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A file's size when no reader measured it (0 when it cannot be had: the read error says why). */
export function sizeOnDisk(path: string | Buffer): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Whether a card's keyword is kept in the file record, kept with the card (cards repeat across files). */
const recordKind = cardFact(({ keyword }): 'fileid' | 'header' | null =>
  FILEID.test(keyword)
    ? 'fileid'
    : RECORD_KEYWORDS.has(keyword) || RECORD_PATTERNS.test(keyword)
      ? 'header'
      : null,
);

/**
 * For each record keyword, the number of the last file that kept it: one Map for the thread's whole
 * run, whose entries are overwritten, not one Set filled and emptied per file.
 */
const keptInFile = new Map<string, number>();
let recordNumber = 0;

function fillRecord(record: FileRecord, fits: FitsFile): void {
  // Collected first and made into an object at once: keyed stores into {} would leave the object
  // in dictionary mode, about 1.5 KB per file kept for the collection rules. An array of pairs
  // takes Object.fromEntries' fast path, which a Map's iterator does not.
  const header: [string, FileRecord['header'][string]][] = [];
  const file = ++recordNumber;
  for (const hdu of fits.hdus) {
    for (const card of hdu.cards) {
      if (!card.hasValue) continue;
      const key = card.keyword;
      const kind = recordKind(card);
      if (kind === null) continue;
      if (kind === 'fileid') {
        const value = plainValue(card.value);
        if (typeof value === 'string' && value.trim() !== '') record.provenance.push(value.trim());
        continue;
      }
      if (keptInFile.get(key) === file) continue;
      keptInFile.set(key, file);
      const value = plainValue(card.value);
      header.push([key, typeof value === 'bigint' ? value.toString() : value]);
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
const quoted = cardFact(({ raw }) => raw.trimEnd());

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
      .map(quoted);
  }
}

export type { FileCheckEnvironment } from './environment.js';
