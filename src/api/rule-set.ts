/**
 * The rule set of a run: the built-in rules and the rules of the plugin modules the caller names.
 * Worker threads build theirs with the same function from the same module URLs, so every thread
 * runs exactly the caller's set.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors.js';
import { builtinRules } from '../rules/index.js';
import type { RuleScope, RuleSet } from '../types.js';

const SCOPES: RuleScope[] = ['name', 'file', 'fits', 'content', 'collection', 'mast'];

/** A plugin given as a path (relative to `cwd`) or a URL, as a module URL that any thread can import. */
export function pluginUrl(specifier: string, cwd: string = process.cwd()): string {
  if (/^(file|data):/.test(specifier)) return specifier;
  return pathToFileURL(isAbsolute(specifier) ? specifier : resolve(cwd, specifier)).href;
}

/**
 * The built-in rules plus each plugin's `rules` export (or default export): an array of rules, each
 * with `meta.id`, `meta.scope` and `check`. A plugin that cannot be loaded, or a rule without these
 * or with an id already taken, stops the run before any file is checked.
 */
export async function loadRuleSet(pluginUrls: string[]): Promise<RuleSet> {
  const set: RuleSet = {
    name: [...builtinRules.name],
    file: [...builtinRules.file],
    fits: [...builtinRules.fits],
    content: [...builtinRules.content],
    collection: [...builtinRules.collection],
    mast: [...builtinRules.mast],
  };
  const ids = new Set(ruleIdsOf(set));
  for (const url of pluginUrls) {
    let module: { rules?: unknown; default?: unknown };
    try {
      module = await import(url);
    } catch (error) {
      throw new UsageError(`cannot load the rule plugin ${url}: ${(error as Error).message}`);
    }
    const rules = module.rules ?? module.default;
    if (!Array.isArray(rules))
      throw new UsageError(`the rule plugin ${url} exports no 'rules' array (nor a default export)`);
    for (const rule of rules) {
      const id = rule?.meta?.id;
      const scope = rule?.meta?.scope;
      if (typeof id !== 'string' || !/^[a-z0-9-]+\/[a-z0-9-]+$/.test(id))
        throw new UsageError(`the rule plugin ${url} has a rule whose meta.id is not 'group/name'`);
      if (!SCOPES.includes(scope) || typeof rule.check !== 'function')
        throw new UsageError(
          `rule ${id} of ${url} needs meta.scope (${SCOPES.join(', ')}) and a check function`,
        );
      if (ids.has(id)) throw new UsageError(`rule ${id} of ${url}: a rule with this id is already loaded`);
      ids.add(id);
      (set[scope as RuleScope] as unknown[]).push(rule);
    }
  }
  return set;
}

/** The ids of every rule of a set, in set order. */
export function ruleIdsOf(set: RuleSet): string[] {
  return [...set.name, ...set.file, ...set.fits, ...set.content, ...set.collection, ...set.mast].map(
    (rule) => rule.meta.id,
  );
}
