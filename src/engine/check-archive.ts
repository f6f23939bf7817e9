/**
 * The per-file pass for a zip or tar archive: every member is checked by its own format, as if it
 * were a file of the collection at `archive!member`, while the archive is streamed once and nothing
 * is extracted. Members get their own report entries; the archive's own findings (`archive/*`) are
 * about the archive, or located at the member they concern.
 */
import { createHash } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { displayName, memberBaseName } from '../archive/members.js';
import type { ArchiveFormat, ArchiveProblem, MemberInfo } from '../archive/read.js';
import { MAX_MEMBERS, stoppedByCap, walkArchive } from '../archive/read.js';
import { classify } from '../discover/discover.js';
import { FitsParser } from '../fits/parser.js';
import { isGzip } from '../fits/read.js';
import { DEFAULT_LIMITS, type FitsFile } from '../fits/types.js';
import { compareFormat, type FormatComparison } from '../formats/compare.js';
import { sniffInsideGzip } from '../formats/inside.js';
import { SNIFF_HEAD_BYTES, SNIFF_TAIL_BYTES, sniffFormat } from '../formats/sniff.js';
import { parseName } from '../naming/parse.js';
import { STRAY_FILE } from '../naming/stray-file.js';
import type { FileEntry, Finding } from '../report/types.js';
import type { FileContext, FitsContext, Severity } from '../types.js';
import type { FileCheckEnvironment } from './environment.js';
import { toFinding } from './findings.js';
import { ruleRunner } from './rule-crash.js';

/** Contents that are archives themselves: reported (archive/nested), never opened. */
const ARCHIVES = new Set(['zip', 'tar']);

export interface ArchiveOutcome {
  /** One entry per member checked or reported, at `archive!member`. */
  members: FileEntry[];
  /** Findings about the members (the archive's own come from its file rules). */
  findings: Finding[];
  /** What the walk found, for the archive's `archive/*` rules. */
  problems: ArchiveProblem[];
}

/** Walks an archive and checks each member; the caller runs the archive's own file rules. */
export async function checkArchiveMembers(
  absolute: string | Buffer,
  archivePath: string,
  format: ArchiveFormat,
  env: FileCheckEnvironment,
): Promise<ArchiveOutcome> {
  const members: FileEntry[] = [];
  const findings: Finding[] = [];
  const memberProblems: ArchiveProblem[] = [];
  // A second member at a path already seen is reported by archive/duplicate-member, not entered again.
  const entered = new Set<string>();
  const maxInflatedBytes = env.limits?.maxInflatedBytes ?? DEFAULT_LIMITS.maxInflatedBytes;
  const walk = await walkArchive(
    absolute,
    format,
    async (member, content) => {
      const path = `${archivePath}!${displayName(member.name)}`;
      if (entered.has(path)) return;
      entered.add(path);
      members.push(await checkMember(member, path, content, env, findings, memberProblems));
    },
    { maxInflatedBytes, maxMembers: MAX_MEMBERS },
  );
  // A member cut off by the archive's own end is the archive's damage, reported once, for it.
  const last = memberProblems.at(-1);
  if (
    last?.code === 'unreadable' &&
    walk.problems.some((problem) => problem.code === 'unreadable' && !problem.member)
  )
    memberProblems.pop();
  return { members, findings, problems: [...walk.problems, ...memberProblems] };
}

async function checkMember(
  member: MemberInfo,
  path: string,
  content: AsyncIterable<Buffer> | undefined,
  env: FileCheckEnvironment,
  findings: Finding[],
  problems: ArchiveProblem[],
): Promise<FileEntry> {
  const name = memberBaseName(member.name);
  const entry: FileEntry = {
    path,
    size: 0,
    sha256: null,
    kind: classify(name),
    format: undefined,
    checked: false,
    verdict: 'PASS',
  };
  const push = (ruleId: string, severity: Severity, input: Parameters<typeof toFinding>[3]) => {
    const finding = toFinding(ruleId, severity, path, input, env.config.rules);
    if (finding) findings.push(finding);
  };
  // As for a file: a rule that throws costs this member one finding, not the run.
  const run = ruleRunner(push, env.rethrowRuleErrors === true);
  const stray = STRAY_FILE.test(name);
  const parsed = parseName(name);
  if (!stray) for (const rule of env.nameRules) run(rule, { name, path, parsed, settings: env.settings });
  if (!content) return entry;

  const read = await readMember(content, name, env);
  entry.size = read.size;
  entry.sha256 = read.sha256;
  if (read.error) {
    problems.push({
      code: 'unreadable',
      member: member.name,
      message: `this member cannot be read: ${read.error}`,
    });
    return entry;
  }
  if (read.stoppedByCap) return entry;
  if (ARCHIVES.has(read.contentFormat)) {
    problems.push({
      code: 'nested',
      member: member.name,
      message: `this member is itself ${read.contentFormat === 'zip' ? 'a zip' : 'a tar'} archive: its members were not opened or checked`,
    });
    entry.format = read.contentFormat;
    return entry;
  }
  entry.format = read.contentFormat;
  entry.checked = read.fits !== undefined;
  if (!stray) {
    const context: FileContext = {
      path,
      name,
      kind: entry.kind,
      format: read.comparison,
      contentFormat: read.contentFormat,
      checked: entry.checked,
      settings: env.settings,
    };
    for (const rule of env.fileRules) run(rule, context);
  }
  if (read.fits) {
    const context: FitsContext = {
      path,
      name,
      parsed,
      fits: read.fits,
      settings: env.settings,
      profiles: env.profilesFor(path),
    };
    for (const rule of env.fitsRules) run(rule, context);
  }
  return entry;
}

interface MemberRead {
  size: number;
  sha256: string | null;
  comparison: FormatComparison;
  contentFormat: string;
  /** The FITS reader's view, when the content (or what its gzip holds) is FITS. */
  fits?: FitsFile;
  error?: string;
  stoppedByCap?: boolean;
}

/**
 * Reads one member's bytes once: its SHA-256 and size, its head and tail for sniffing, and, when
 * the head is FITS (plain, or inside gzip), every byte through the FITS parser. Memory: the head,
 * the parser's state, one chunk.
 */
async function readMember(
  content: AsyncIterable<Buffer>,
  name: string,
  env: FileCheckEnvironment,
): Promise<MemberRead> {
  const hash = env.hash ? createHash('sha256') : undefined;
  let size = 0;
  const iterator = content[Symbol.asyncIterator]();
  const first: Buffer[] = [];
  let firstBytes = 0;
  // The stored head, enough to tell gzip and to sniff.
  try {
    while (firstBytes < SNIFF_HEAD_BYTES) {
      const next = await iterator.next();
      if (next.done) break;
      first.push(next.value);
      firstBytes += next.value.length;
    }
  } catch (error) {
    return failed(error, size);
  }
  const storedHead = Buffer.concat(first);
  const gzipped = isGzip(storedHead);
  /** Why the member's own bytes could not be read (as opposed to the gzip inside them). */
  let storedError: unknown;
  /** The stored bytes, the head first, hashed and counted on the way. */
  async function* stored(): AsyncGenerator<Buffer> {
    for (const chunk of first) {
      hash?.update(chunk);
      size += chunk.length;
      yield chunk;
    }
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await iterator.next();
      } catch (error) {
        storedError = error;
        throw error;
      }
      if (next.done) return;
      hash?.update(next.value);
      size += next.value.length;
      yield next.value;
    }
  }
  const limit = env.limits?.maxInflatedBytes ?? DEFAULT_LIMITS.maxInflatedBytes;
  // pipeline, not pipe: an error in the member's bytes must end the gunzip, not leave it waiting.
  const plain: AsyncIterable<Buffer> = gzipped
    ? pipeline(Readable.from(stored()), createGunzip(), () => {})
    : stored();
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  let plainSize = 0;
  let parser: FitsParser | undefined;
  let decided = false;
  let failure: string | undefined;
  let limited = false;
  const decide = () => {
    decided = true;
    if (looksLikeFits(head)) {
      parser = new FitsParser({ limits: env.limits });
      parser.push(head);
    }
  };
  try {
    for await (const chunk of plain) {
      let piece = chunk;
      if (plainSize + piece.length > limit) {
        piece = piece.subarray(0, limit - plainSize);
        limited = true;
      }
      plainSize += piece.length;
      tail = Buffer.concat([tail, piece.subarray(Math.max(0, piece.length - SNIFF_TAIL_BYTES))]).subarray(
        -SNIFF_TAIL_BYTES,
      );
      if (!decided) {
        head = Buffer.concat([head, piece]);
        if (head.length >= SNIFF_HEAD_BYTES) {
          const rest = head.subarray(SNIFF_HEAD_BYTES);
          head = head.subarray(0, SNIFF_HEAD_BYTES);
          decide();
          if (rest.length > 0) parser?.push(rest);
        }
      } else parser?.push(piece);
      if (limited) break;
      // Not FITS: only the size, the tail and the hash are wanted from the rest.
    }
  } catch (error) {
    const cause = storedError ?? error;
    if (stoppedByCap(cause)) return { ...failed(cause, size), error: undefined, stoppedByCap: true };
    if (!gzipped || storedError !== undefined) return failed(cause, size);
    failure = describeGzip(error);
  }
  if (!decided) decide();
  // head and tail are of the content (inside gzip, if any): so is the size they are judged with.
  const found = sniffFormat(head, tail, limited || failure ? Number.POSITIVE_INFINITY : plainSize);
  const inner = gzipped
    ? sniffInsideGzip(storedHead, limited || failure ? Number.POSITIVE_INFINITY : size)
    : undefined;
  const sniffedStored = gzipped ? sniffFormat(storedHead, new Uint8Array(0), size) : found;
  const comparison = compareFormat(name, sniffedStored, inner);
  const result: MemberRead = {
    size,
    sha256: hash && !limited && !failure ? hash.digest('hex') : null,
    comparison,
    contentFormat: found.format,
  };
  if (parser) {
    const walked = parser.end();
    if (limited || failure)
      walked.problems.splice(
        0,
        walked.problems.length,
        ...walked.problems.filter((problem) => !CUT_SHORT.has(problem.code)),
      );
    if (limited)
      walked.problems.push({
        code: 'inflate-limit',
        hdu: null,
        offset: plainSize,
        message: `the compressed member expands to more than ${limit} bytes; reading stopped there (raise the limit with --max-inflated-bytes)`,
      });
    if (failure) walked.problems.push({ code: 'gzip-error', hdu: null, offset: plainSize, message: failure });
    result.fits = { ...walked, compressed: gzipped, storedSize: size };
  }
  return result;
}

const CUT_SHORT = new Set(['data-truncated', 'header-truncated', 'no-end']);

/** Content that starts as FITS goes to the FITS reader, which judges the rest (as for a `.fits` file). */
function looksLikeFits(head: Buffer): boolean {
  return head.length >= 9 && head.subarray(0, 9).toString('latin1') === 'SIMPLE  =';
}

function failed(error: unknown, size: number): MemberRead {
  return {
    size,
    sha256: null,
    comparison: { verdict: 'unpromised', promise: undefined, found: { format: 'unknown' } },
    contentFormat: 'unknown',
    error: error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 300) : String(error),
  };
}

function describeGzip(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === 'Z_DATA_ERROR') return 'the gzip data is corrupt';
  if (code === 'Z_BUF_ERROR') return 'the gzip stream is truncated';
  return error instanceof Error ? error.message : String(error);
}

/**
 * The archive a file's sniffed content is, when it is one this tool opens. gzip named `.tar.gz` or
 * `.tgz` is opened even when its head did not inflate to a tar header (a cut stream): the walk
 * then says what is wrong with it.
 */
export function archiveFormatOf(name: string, found: string, innermost: string): ArchiveFormat | undefined {
  if (found === 'zip') return 'zip';
  if (found === 'tar') return 'tar';
  if (found === 'gzip' && (innermost === 'tar' || (innermost === 'gzip' && /\.(tar\.gz|tgz)$/i.test(name))))
    return 'tar.gz';
  return undefined;
}

/**
 * Checks an archive file: its members (each its own report entry), then the archive's own file
 * rules, which see what the walk found. The archive counts as checked: it was opened and walked.
 */
export async function checkArchive<Outcome extends { entry: FileEntry; findings: Finding[] }>(
  outcome: Outcome,
  item: { absolute: string | Buffer; path: string; kind: FileEntry['kind'] },
  format: ArchiveFormat,
  comparison: FormatComparison,
  contentFormat: string,
  env: FileCheckEnvironment,
): Promise<Outcome & { members: FileEntry[] }> {
  const walked = await checkArchiveMembers(item.absolute, item.path, format, env);
  outcome.entry.checked = true;
  const name = memberBaseName(item.path);
  const context: FileContext = {
    path: item.path,
    name,
    kind: item.kind,
    format: comparison,
    contentFormat,
    checked: true,
    settings: env.settings,
    archive: { problems: walked.problems },
  };
  for (const rule of env.fileRules)
    rule.check(context, (input) => {
      const finding = toFinding(rule.meta.id, rule.meta.severity, item.path, input, env.config.rules);
      if (finding) outcome.findings.push(finding);
    });
  // A loop, not push(...): a big archive's findings outnumber the arguments a call may take.
  for (const finding of walked.findings) outcome.findings.push(finding);
  return { ...outcome, members: walked.members };
}
