import { appendFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatterContext as contextFor } from '../report/context.js';
import { formatterFor } from '../report/load.js';
import type { FormatterContext, Report } from '../report/types.js';
import { allRuleMeta } from '../rules/index.js';
import type { RuleMeta } from '../types.js';
import { writeFileAtomicInPieces } from '../util/write-atomic.js';
import { writePieces } from '../util/write-pieces.js';

export const FORMAT_NAMES = [
  'stylish',
  'json',
  'sarif',
  'junit',
  'github',
  'html',
  'markdown',
  'codeclimate',
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

import { UsageError } from '../errors.js';

export { UsageError };

export interface OutputTarget {
  format: FormatName;
  /** File to write, or undefined for standard output. */
  file?: string;
}

/** Parses `--format fmt[:file]` values plus `--output` and `--html` into output targets. */
export function outputTargets(formats: string[], output?: string, html?: string): OutputTarget[] {
  const targets: OutputTarget[] = [];
  for (const value of formats.length > 0 ? formats : ['stylish']) {
    const colon = value.indexOf(':');
    const format = (colon < 0 ? value : value.slice(0, colon)) as FormatName;
    if (!FORMAT_NAMES.includes(format)) {
      throw new UsageError(`unknown format '${format}'; use one of ${FORMAT_NAMES.join(', ')}`);
    }
    const target: OutputTarget = { format };
    if (colon >= 0) target.file = value.slice(colon + 1);
    targets.push(target);
  }
  const toStdout = targets.filter((target) => !target.file);
  if (output) {
    if (toStdout.length !== 1)
      throw new UsageError('--output needs exactly one --format without its own file');
    toStdout[0]!.file = output;
  }
  if (html) targets.push({ format: 'html', file: html });
  const stillToStdout = targets.filter((target) => !target.file);
  if (stillToStdout.length > 1) {
    const [, second] = stillToStdout;
    throw new UsageError(
      `only one format can go to standard output; give the others a file, e.g. --format ${second!.format}:report.${second!.format === 'junit' ? 'xml' : second!.format}`,
    );
  }
  for (const target of targets) if (target.file) checkOutputDirectory(target.file);
  // With every format going to files, the terminal still gets the summary, unless --output took it.
  if (!output && !targets.some((target) => !target.file)) targets.unshift({ format: 'stylish' });
  return targets;
}

/** An output file's directory must exist before any checking starts, not after an hour's run. */
function checkOutputDirectory(file: string): void {
  const directory = dirname(resolve(file));
  let isDirectory = false;
  try {
    isDirectory = statSync(directory).isDirectory();
  } catch {
    throw new UsageError(`cannot write ${file}: the directory ${directory} does not exist`);
  }
  if (!isDirectory) throw new UsageError(`cannot write ${file}: ${directory} is not a directory`);
}

export function formatterContext(color: boolean, ruleMeta: RuleMeta[] = allRuleMeta): FormatterContext {
  return contextFor(color, ruleMeta);
}

/** Whether to colour terminal output: never with NO_COLOR or --no-color, only on a terminal. */
export function useColor(option: boolean | undefined, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (option === false) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/**
 * Renders the report in every requested format; files are written atomically. Every format is
 * written in pieces as it is made, never held as one string: a report of a million files fits.
 */
export async function emit(
  report: Report,
  targets: OutputTarget[],
  color: boolean,
  ruleMeta: RuleMeta[] = allRuleMeta,
): Promise<void> {
  for (const target of targets) {
    const context = formatterContext(target.file ? false : color, ruleMeta);
    const { streamed } = await formatterFor(target.format);
    const pieces = streamed(report, context);
    if (target.file) await writeFileAtomicInPieces(resolve(target.file), pieces);
    else await writePieces(process.stdout, pieces);
  }
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) {
    try {
      const { formatter: markdown } = await formatterFor('markdown');
      appendFileSync(summaryFile, markdown(report, formatterContext(false, ruleMeta)));
    } catch {
      process.stderr.write(`warning: could not append to GITHUB_STEP_SUMMARY (${summaryFile})\n`);
    }
  }
}

export function parseInteger(name: string, min: number): (value: string) => number {
  return (value) => {
    if (!/^[0-9]+$/.test(value) || Number(value) < min)
      throw new UsageError(`${name} must be a whole number ≥ ${min}, got '${value}'`);
    return Number(value);
  };
}
