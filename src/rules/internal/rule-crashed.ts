import type { CollectionRule } from '../../types.js';

/**
 * Reported by the engine (src/engine/rule-crash.ts), not by this check: listed here so that the id
 * has its metadata, its place in `hlsp-validate rules`, its docs page and its config entry.
 */
export const ruleCrashed: CollectionRule = {
  meta: {
    id: 'internal/rule-crashed',
    description:
      'A rule threw an exception on a file (or on the collection): reported as an error naming the rule and the message, and the run goes on.',
    severity: 'error',
    scope: 'collection',
    rationale:
      'One broken rule, built in or from a plugin, must not cost the whole report: the engine catches the exception, and the file gets this error instead of a PASS it was not given (what the rule checks was not checked). The message names the rule and the exception (its first line, at most 300 characters, no stack). Reported by the engine for every scope (name, file, FITS, collection, MAST rules); this rule itself checks nothing.',
    source: 'hlsp-validate: docs/security.md (one file never aborts a run)',
  },
  check() {
    // The engine reports this id where a rule throws; there is nothing to check here.
  },
};
