// How `npm run corpus:external` judges one file: fitsverify's verdict from its output, ours from
// the findings, and the class the pair falls in. Kept apart from the script so it is unit-tested.

export type Verdict = 'error' | 'clean';
export type Kind = 'both clean' | 'both error' | 'only ours' | 'only fitsverify';

export interface TheirVerdict {
  verdict: Verdict;
  /** fitsverify's summary: "OK", "2 warnings, 0 errors", or its first line when it gave up. */
  line: string;
}

export interface OurVerdict {
  verdict: Verdict;
  /** The rules that reported an error, sorted. */
  rules: string[];
  /** Whether any internal/* finding (a defect of the tool) was reported. */
  internal: boolean;
}

/** fitsverify's verdict from its text: 'error' when it counts errors or gives up, 'clean' otherwise. */
export function fitsverifyVerdict(text: string): TheirVerdict {
  if (/verification OK/.test(text)) return { verdict: 'clean', line: 'OK' };
  const counts = /(\d+) warnings? and (\d+) errors?/.exec(text);
  if (counts)
    return {
      verdict: Number(counts[2]) > 0 ? 'error' : 'clean',
      line: `${counts[1]} warnings, ${counts[2]} errors`,
    };
  return { verdict: 'error', line: text.trim().split('\n')[0] || 'no output' };
}

/** Our verdict: 'error' when any finding is an error; the rules that said so, sorted. */
export function ourVerdict(findings: readonly { ruleId: string; severity: string }[]): OurVerdict {
  const errors = findings.filter((finding) => finding.severity === 'error');
  return {
    verdict: errors.length > 0 ? 'error' : 'clean',
    rules: [...new Set(errors.map((finding) => finding.ruleId))].sort(),
    internal: findings.some((finding) => finding.ruleId.startsWith('internal/')),
  };
}

/**
 * The class of one file, and whether the run must fail for it: an internal finding always fails;
 * a file only fitsverify calls broken fails unless the known differences explain it.
 */
export function classify(
  ours: OurVerdict,
  theirs: TheirVerdict,
  knownReason: string | undefined,
): { kind: Kind; failure: string | undefined } {
  const kind: Kind =
    ours.verdict === theirs.verdict
      ? ours.verdict === 'error'
        ? 'both error'
        : 'both clean'
      : ours.verdict === 'error'
        ? 'only ours'
        : 'only fitsverify';
  const failure = ours.internal
    ? 'an internal finding: a defect of the tool'
    : kind === 'only fitsverify' && !knownReason
      ? 'fitsverify finds an error we miss, not listed as a known difference'
      : undefined;
  return { kind, failure };
}

/** fitsverify's first error, on one line, from the text of `fitsverify -e` (errors go to stderr). */
export function firstFitsverifyError(text: string): string | undefined {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.startsWith('*** Error:'));
  if (at < 0) return undefined;
  let first = lines[at]!.replace(/^\*\*\* Error:\s*/, '').trim();
  // CFITSIO's own messages follow on the next line.
  if (/\(from CFITSIO error stack:\)$/.test(first)) {
    const stack = [lines[at + 1]?.trim() ?? ''];
    // "input date string has illegal format (ffs2dt):" is followed by the value.
    if (stack[0]!.endsWith(':') && lines[at + 2]?.trim()) stack.push(lines[at + 2]!.trim());
    first = `${first.replace(/\s*\(from CFITSIO error stack:\)$/, '')} ${stack.join(' ')}`.trim();
  }
  return first.replace(/\s+/g, ' ');
}
