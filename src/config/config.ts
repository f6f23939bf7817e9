import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { isPlaceholderDoi } from '../naming/doi.js';
import { packagePath } from '../paths.js';
import type { Severity } from '../report/types.js';
import { compileSchema, type Validator } from '../schemas/compile.js';
import type { ProjectSettings } from '../types.js';
import { didYouMean } from '../util/did-you-mean.js';
import { plural } from '../util/plural.js';

export const CONFIG_FILE = 'hlsp.config.json';

export type RuleSetting = Severity | 'off';

export interface ProfileAssignment {
  /** Glob (picomatch syntax) relative to the collection root. */
  files: string;
  /** Keyword profiles to apply, e.g. ['image', 'jwst']. */
  profiles: string[];
}

export interface Config extends ProjectSettings {
  $schema?: string;
  profiles?: ProfileAssignment[];
  /** Rule id or group (`fits`, `fits/*`) → severity or 'off'. */
  rules?: Record<string, RuleSetting>;
  ignore?: string[];
  /** MAST cross-reference settings; the command line wins over these. */
  mast?: { mode?: 'online' | 'cache' | 'offline'; url?: string; cacheDir?: string; required?: boolean };
}

export interface LoadedConfig {
  config: Config;
  /** Where it came from, or null when no file was found. */
  path: string | null;
}

/** A configuration problem the user must fix; the CLI exits with 2. */
export class ConfigError extends Error {}

/** Searches for hlsp.config.json from `start` up to the filesystem root. */
export function findConfig(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function schemaPath(): string {
  return packagePath('schemas', 'config.schema.json');
}

/** Line and column of a byte position in text, 1-based. */
function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Loads and validates a config file; every problem is reported at once, with where and a fix. */
export function readConfigFile(path: string, ruleIds: string[]): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineColumn(text, Number(position[1]))}` : '';
    throw new ConfigError(`${path}${where}: not valid JSON (${message})`);
  }
  const problems = validateConfig(data, ruleIds);
  if (problems.length > 0) {
    throw new ConfigError(
      `${path} has ${plural(problems.length, 'problem')}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  return data as Config;
}

/**
 * The config schema as ajv checks it, with its `format: uri` taken out and checked beside it (at
 * `uriPaths`), so that it compiles to standalone code at build time.
 */
export function configAjvSchema(): { schema: object; uriPaths: string[][] } {
  const uriPaths: string[][] = [];
  const strip = (node: unknown, path: string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => strip(item, path));
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'format' && value === 'uri') uriPaths.push(path);
      else if (key === 'properties' && value && typeof value === 'object')
        out[key] = Object.fromEntries(
          Object.entries(value).map(([name, child]) => [name, strip(child, [...path, name])]),
        );
      else out[key] = strip(value, path);
    }
    return out;
  };
  const schema = strip(JSON.parse(readFileSync(schemaPath(), 'utf8')), []) as object;
  return { schema, uriPaths };
}

function isUri(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(text) && URL.canParse(text);
}

let compiled: { validate: Validator; uriPaths: string[][]; schema: object } | undefined;

/** Rule ids that were renamed, old → new: a config written for the old id is told the new one. */
const RENAMED_RULES: Record<string, string> = {
  // RA_TARG within 0.25 deg of s_ra/s_dec became a comparison of the WCS footprint with s_region.
  'mast/target-position': 'mast/footprint-overlap',
};

/** Validates a parsed config against the schema and the known rule ids; returns readable problems. */
export function validateConfig(data: unknown, ruleIds: string[]): string[] {
  if (!compiled) {
    const { schema, uriPaths } = configAjvSchema();
    compiled = { validate: compileSchema(schema), uriPaths, schema };
  }
  const { validate, uriPaths, schema } = compiled;
  const problems: string[] = [];
  if (!validate(data)) {
    for (const error of validate.errors ?? []) {
      // Unknown rule ids are reported below, with a suggestion.
      if (error.instancePath === '/rules' && (error.keyword === 'propertyNames' || 'propertyName' in error))
        continue;
      problems.push(describeSchemaError(error, schema));
    }
  }
  for (const path of uriPaths) {
    const value = path.reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      data,
    );
    if (typeof value === 'string' && !isUri(value))
      problems.push(`/${path.join('/')}: must match format "uri"`);
  }
  const doi = (data as Config | null)?.doi;
  if (typeof doi === 'string' && isPlaceholderDoi(doi))
    problems.push(`/doi: '${doi}' is a placeholder; MAST assigns the DOI: leave doi out until it does`);
  const rules = (data as Config | null)?.rules;
  if (rules && typeof rules === 'object') {
    const groups = new Set(ruleIds.map((id) => id.split('/')[0]!));
    for (const key of Object.keys(rules)) {
      const group = key.replace(/\/\*$/, '');
      if (ruleIds.includes(key) || groups.has(group)) continue;
      const renamed = RENAMED_RULES[key];
      if (renamed && ruleIds.includes(renamed)) {
        problems.push(`/rules/${key}: the rule '${key}' is now '${renamed}'; use the new id`);
        continue;
      }
      const suggestion = didYouMean(key, [...ruleIds, ...groups]);
      problems.push(
        `/rules/${key}: unknown rule id '${key}'${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
      );
    }
  }
  return [...new Set(problems)];
}

/** A JSON Pointer as the user wrote the keys: `/rules/fits~1checksum` → `/rules/fits/checksum`. */
function keyPath(pointer: string): string {
  return pointer.replace(/~1/g, '/').replace(/~0/g, '~') || '/';
}

/** The property names the schema allows at a JSON Pointer (for did-you-mean). */
function allowedKeys(schema: object, pointer: string): string[] {
  let node = schema as { properties?: Record<string, object>; items?: object };
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    const next: object | undefined = /^[0-9]+$/.test(key) && node.items ? node.items : node.properties?.[key];
    if (!next) return [];
    node = next as typeof node;
  }
  return Object.keys(node.properties ?? {});
}

function describeSchemaError(error: ErrorObject, schema: object): string {
  const where = keyPath(error.instancePath);
  switch (error.keyword) {
    case 'additionalProperties': {
      const property = (error.params as { additionalProperty: string }).additionalProperty;
      const guess = didYouMean(property, allowedKeys(schema, error.instancePath));
      return `${where}: unknown setting '${property}'${guess ? `; did you mean '${guess}'?` : ''}`;
    }
    case 'enum':
      return `${where}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${where}: ${error.message ?? 'invalid'}`;
  }
}

/** The severity a rule's finding ends up with, or 'off'. Exact ids win over groups. */
export function effectiveSeverity(ruleId: string, severity: Severity, rules: Config['rules']): RuleSetting {
  if (!rules) return severity;
  const exact = rules[ruleId];
  if (exact) return exact;
  const group = ruleId.split('/')[0]!;
  return rules[`${group}/*`] ?? rules[group] ?? severity;
}

/** True when the config turns a rule off (by its id or its group): such a rule need not run at all. */
export function isRuleOff(ruleId: string, rules: Config['rules']): boolean {
  return effectiveSeverity(ruleId, 'error', rules) === 'off';
}

/** Project settings: the config's values, with the command line's --project winning. */
export function projectSettings(config: Config, project?: string): ProjectSettings {
  const settings: ProjectSettings = {};
  const id = project ?? config.project;
  if (id) settings.project = id.toLowerCase();
  if (config.doi) settings.doi = config.doi;
  if (config.title) settings.title = config.title;
  if (config.lead) settings.lead = config.lead;
  if (config.version) settings.version = config.version;
  return settings;
}
