/**
 * hlsp-validate as a library:
 *
 *   import { check, formatters } from 'hlsp-validate';
 *   const report = await check(['my-collection'], { mast: { mode: 'offline' } });
 *   process.stdout.write(formatters.stylish(report, formatterContext()));
 *
 * Everything here is the public API; the rest of the package is internal.
 */

import type { LoadedConfig } from './config/config.js';
import { readConfigFile } from './config/config.js';
import { findProjectConfig } from './config/project.js';
import { formatterContext as contextFor } from './report/context.js';
import type { FormatterContext } from './report/types.js';
import { allRuleMeta } from './rules/index.js';

export { check, checkNames, type Options } from './api/check.js';
export type { MastOptions } from './api/mast.js';
export type { Config } from './config/config.js';
export type { Shard } from './engine/run.js';
export type { FormatName, LoadedFormatter } from './report/index.js';
export { formatterFor, formatters, streamedFormatters } from './report/index.js';
export type { FileEntry, Formatter, FormatterContext, Report, Summary } from './report/types.js';
export type {
  CollectionContext,
  CollectionRule,
  FileRecord,
  Finding,
  FindingCause,
  FindingInput,
  FitsContext,
  FitsRule,
  MastContext,
  MastRule,
  NameContext,
  NameRule,
  Rule,
  RuleMeta,
  Severity,
} from './types.js';
export { VERSION } from './version.js';

/** The metadata of every built-in rule, sorted by id. */
export const rules = allRuleMeta;

/**
 * The configuration for a collection: `hlsp.config.json` in `dir` or the nearest directory above it,
 * or a config file given by path. `path` is null when there is none (an empty config).
 */
export function loadConfig(dirOrFile: string): LoadedConfig {
  const ids = allRuleMeta.map((meta) => meta.id);
  if (dirOrFile.endsWith('.json')) return { config: readConfigFile(dirOrFile, ids), path: dirOrFile };
  return findProjectConfig(undefined, dirOrFile, ids);
}

/** What a formatter needs besides the report: colour, and the docs link of each built-in rule. */
export function formatterContext(options: { color?: boolean } = {}): FormatterContext {
  return contextFor(options.color ?? false, allRuleMeta);
}
