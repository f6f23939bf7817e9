import type { RuleSets } from '../engine/run.js';
import { consistencyRules } from './collection/consistency.js';
import { directoryNames } from './collection/directory-names.js';
import { manifest } from './collection/manifest.js';
import { readme } from './collection/readme.js';
import { skippedEntry } from './collection/skipped-entry.js';
import { strayFile } from './collection/stray-file.js';
import { uniqueNames } from './collection/unique-names.js';
import { fitsRules } from './fits/index.js';
import { keywordRules } from './keywords/index.js';
import { mastRules } from './mast/index.js';
import { nameRules } from './naming/index.js';
import type { RuleMeta } from './types.js';

export const collectionRules = [
  readme,
  uniqueNames,
  directoryNames,
  strayFile,
  skippedEntry,
  manifest,
  ...consistencyRules,
];

/** Every rule that runs inside the engine, by scope. */
export const ruleSets: RuleSets = {
  name: nameRules,
  fits: [...fitsRules, ...keywordRules],
  collection: collectionRules,
};

/** Metadata of every rule, MAST rules included, sorted by id. */
export const allRuleMeta: RuleMeta[] = [
  ...nameRules.map((rule) => rule.meta),
  ...fitsRules.map((rule) => rule.meta),
  ...keywordRules.map((rule) => rule.meta),
  ...collectionRules.map((rule) => rule.meta),
  ...mastRules.map((rule: { meta: RuleMeta }) => rule.meta),
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
