import { isHlspName, isReadme, labelledFields, VERSION_PATTERN } from '../../../naming/fields.js';
import { parseName } from '../../../naming/parse.js';
import {
  instrumentsOf,
  isKnownExtension,
  isKnownObservatory,
  isKnownProductType,
  knownExtensions,
  knownObservatories,
  knownProductTypes,
} from '../../../naming/vocabulary.js';
import type { ProjectSettings } from '../../../types.js';
import { didYouMean } from '../../../util/did-you-mean.js';
import { FIELD_MAX } from '../field-length.js';

/** Characters each field may hold (name/characters); anything else becomes a '-' between elements. */
const KEEP: Record<string, RegExp> = {
  target: /[^a-z0-9.-]/g,
  version: /[^a-z0-9.]/g,
  extension: /[^a-z0-9.]/g,
};
const KEEP_DEFAULT = /[^a-z0-9-]/g;

/** Elements joined by single hyphens, none at either end. */
const tidy = (value: string) => value.replace(/-+/g, '-').replace(/^-|-$/g, '');

/** v1-0, V1_0, 1.0 → v1.0; undefined when no valid version comes of it. */
export function repairedVersion(version: string): string | undefined {
  const candidate = `v${version.toLowerCase().replace(/^v?/, '').replace(/[-_]/g, '.')}`;
  return VERSION_PATTERN.test(candidate) ? candidate : undefined;
}

function repairField(label: string, value: string, instrumentsKnown: string[]): string | undefined {
  switch (label) {
    case 'version':
      return repairedVersion(value);
    case 'target':
      // p for +, as MAST's own renaming tools write coordinates; ep<n> for epochs.
      return tidy(value.replace(/\+/g, 'p').replace(KEEP.target!, '-')).replace(
        /(^|-)epoch([0-9]+)(?=-|$)/g,
        '$1ep$2',
      );
    case 'extension':
      return guess(value.replace(KEEP.extension!, ''), isKnownExtension, knownExtensions());
    case 'observatory':
      return elements(value, (e) => guess(e, isKnownObservatory, knownObservatories()));
    case 'instrument':
      return elements(value, (e) => guess(e, (i) => instrumentsKnown.includes(i), instrumentsKnown));
    case 'product-type':
      return guess(tidy(value.replace(KEEP_DEFAULT, '-')), isKnownProductType, knownProductTypes());
    default:
      return tidy(value.replace(KEEP_DEFAULT, '-'));
  }
}

function elements(value: string, fix: (element: string) => string): string {
  return tidy(value.replace(KEEP_DEFAULT, '-'))
    .split('-')
    .map((element) => (element === '' ? element : fix(element)))
    .join('-');
}

/** A vocabulary word as it is, or the known word it is a slip of, or as it is when none is near. */
function guess(word: string, known: (word: string) => boolean, candidates: string[]): string {
  return known(word) ? word : (didYouMean(word, candidates) ?? word);
}

/**
 * The name with every defect that can be repaired repaired at once: case, empty fields, stray
 * characters, the proj-id, the version, '+' and 'epoch' in the target, and misspelt vocabulary
 * words. Undefined when nothing needs repair, or when the result would still break a naming rule
 * that only the contributor can settle (field count, a target without a letter, lengths): one
 * suggested name, which itself passes `hlsp-validate names`, rather than a half-fixed one per rule.
 * Call it only for a finding: it is the costliest step of the name rules.
 */
export function suggestName(name: string, settings: ProjectSettings): string | undefined {
  // Several rules may report on the same name, one after another: work it out once.
  if (name !== last.name || settings.project !== last.project) {
    last = { name, project: settings.project, suggested: repairedName(name, settings) };
  }
  return last.suggested;
}
let last: { name: string; project: string | undefined; suggested: string | undefined } = {
  name: '',
  project: undefined,
  suggested: undefined,
};

function repairedName(name: string, settings: ProjectSettings): string | undefined {
  const parts = name
    .trim()
    .toLowerCase()
    .split('_')
    .filter((part) => part !== '');
  if (parts[0] !== 'hlsp' || parts.length < 2) return undefined;
  if (settings.project) parts[1] = settings.project.toLowerCase();
  const parsed = parseName(parts.join('_'));
  const instrumentsKnown = instrumentsOf(
    parsed.parts.length === 8 && isKnownObservatory(parsed.fields.observatory ?? '')
      ? parsed.fields.observatory
      : undefined,
  );
  const repaired: string[] = [];
  let extension = '';
  for (const { label, value } of labelledFields(parsed)) {
    const fixed = repairField(label, value, instrumentsKnown);
    if (fixed === undefined || fixed === '') return undefined;
    if (label === 'extension') extension = fixed;
    else repaired.push(fixed);
  }
  const suggested = `${repaired.join('_')}${extension ? `.${extension}` : ''}`;
  return suggested !== name && passes(parseName(suggested)) ? suggested : undefined;
}

/** The naming errors a repair cannot settle: a suggestion that still has one is no suggestion. */
function passes(parsed: ReturnType<typeof parseName>): boolean {
  if (!isHlspName(parsed) || parsed.extension === '') return false;
  const fields = parsed.parts.length + 1;
  if (fields < 4 || fields > 9 || (!isReadme(parsed) && parsed.parts.length < 4)) return false;
  if (!/^[a-z]/.test(parsed.fields.projId ?? '')) return false;
  if (parsed.parts.length === 8 && !/[a-z]/.test(parsed.fields.target ?? '')) return false;
  return labelledFields(parsed).every(
    ({ label, value }) =>
      value.length <= (FIELD_MAX[label] ?? Number.POSITIVE_INFINITY) &&
      (label !== 'version' || VERSION_PATTERN.test(value)),
  );
}
