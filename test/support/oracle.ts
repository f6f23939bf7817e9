/**
 * What the oracle suites share: asking Debian's /usr/bin/python3 (astropy, asdf) for its verdicts,
 * skipping a suite only when its module is absent, and comparing the verdicts with ours.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

export const PYTHON = '/usr/bin/python3';

/** A Python module an oracle suite asks, and whether the suite runs. */
export interface PythonOracle {
  /** The module's name, as messages give it. */
  name: string;
  /** Whether PYTHON can import it. */
  present: boolean;
  /** Whether the suite runs: when the module is present, or when HLSP_ORACLES=1 makes its absence a failure. */
  runs: boolean;
}

/** Whether PYTHON runs `imports`; when it cannot and HLSP_ORACLES is not 1, warns that `suite` is skipped. */
export function pythonOracle(name: string, imports: string, suite: string): PythonOracle {
  const present = !spawnSync(PYTHON, ['-c', imports], { stdio: 'ignore' }).status;
  const required = process.env.HLSP_ORACLES === '1';
  if (!present && !required) console.warn(`${name} is not importable by ${PYTHON}: the ${suite} is skipped`);
  return { name, present, runs: present || required };
}

/** The test that fails a suite run under HLSP_ORACLES=1 when its module is absent. */
export function itHasTheOracle(oracle: PythonOracle): void {
  it(`${oracle.name} is importable`, () => {
    expect(oracle.present, `${PYTHON} cannot import ${oracle.name} (HLSP_ORACLES=1 requires it)`).toBe(true);
  });
}

/** Runs `script` with `args` (and `input` on stdin); fails the test unless it exits 0. Returns stdout. */
export function runPython(
  script: string,
  args: string[],
  options: { timeout: number; input?: string },
): string {
  const run = spawnSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8', ...options });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** Runs a script that prints one JSON value a line, and returns the values. */
export function pythonJsonLines<T>(
  script: string,
  args: string[],
  options: { timeout: number; input?: string },
): T[] {
  return runPython(script, args, options)
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as T);
}

/** 'ok' when there are no errors, else 'error: ' and the errors: the verdict form the oracles compare. */
export function verdictOf(errors: string[]): string {
  return errors.length === 0 ? 'ok' : `error: ${errors.join(' | ')}`;
}

/**
 * The cases on which our verdict and the oracle's differ on valid ('ok') or not, each told by
 * `describe`; cases are read one at a time, in order.
 */
export async function disagreements<Case>(
  cases: Case[],
  theirs: string[],
  ours: (c: Case) => Promise<string>,
  describe: (c: Case, ours: string, theirs: string) => string,
): Promise<string[]> {
  const found: string[] = [];
  for (const [i, c] of cases.entries()) {
    const verdict = await ours(c);
    if ((verdict === 'ok') !== (theirs[i] === 'ok')) found.push(describe(c, verdict, theirs[i]!));
  }
  return found;
}

/** Each file is 'ok' to us where the oracle reads it, and an error where it does not. */
export async function expectSameVerdicts(
  files: string[],
  theirs: string[],
  ours: (path: string) => Promise<string>,
): Promise<void> {
  for (const [i, file] of files.entries())
    expect({ file, ours: await ours(file) }).toEqual({
      file,
      ours: theirs[i] === 'ok' ? 'ok' : expect.stringMatching(/^error/),
    });
}

/** The files below those of `roots` that exist whose names end in `ending`, in the order found. */
export function filesUnder(roots: string[], ending: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(ending)) found.push(path);
    }
  };
  for (const root of roots) if (existsSync(root)) walk(root);
  return found;
}
