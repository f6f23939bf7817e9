import type { ParsedName } from './parse.js';

/**
 * True for the collection's README and manifest (`hlsp_<proj-id>_readme.<ext>`,
 * `hlsp_<proj-id>_manifest.csv`): collection-level files that need no version field.
 */
export function isReadme(parsed: ParsedName): boolean {
  const type = parsed.productType.toLowerCase();
  return type === 'readme' || type === 'manifest';
}

/**
 * Whether a field is meant as a version (`v` and a digit). A README needs no version: real
 * collections deliver `hlsp_<proj-id>_<obs>_<anything>_readme.txt`, so the field before `readme`
 * is judged as a version only when it looks like one.
 */
export function looksLikeVersion(field: string | undefined): boolean {
  return /^v[0-9]/i.test(field ?? '');
}

/** True when the name is meant to be an HLSP name (starts with hlsp_ in any case). */
/** mast_contributor_tools' version pattern: v, up to two digits, up to two .N or pN parts. */
export const VERSION_PATTERN = /^v[0-9]{0,2}([.p][0-9]{0,2}){0,2}[0-9]$/;

export function isHlspName(parsed: ParsedName): boolean {
  const first = parsed.parts[0];
  // Every name rule asks, on every file: the usual lower-case name needs no lower-cased copy.
  return first === 'hlsp' || first?.toLowerCase() === 'hlsp';
}

/** The labels of an 8-part name's middle fields, in order. */
const FULL_NAME_LABELS = ['observatory', 'instrument', 'target', 'opt-elem', 'version'];

/** The name's fields with their template labels, for per-field rules. */
export function labelledFields(parsed: ParsedName): { label: string; value: string }[] {
  const parts = parsed.parts;
  const out: { label: string; value: string }[] = [];
  const count = parts.length;
  for (let i = 0; i < count; i++) {
    const value = parts[i]!;
    let label: string;
    if (i === 0) label = 'hlsp';
    else if (i === 1) label = 'proj-id';
    else if (i === count - 1) label = 'product-type';
    else if (count === 8) label = FULL_NAME_LABELS[i - 2]!;
    // A README's field before `readme` is a version only when it looks like one.
    else if (i === count - 2 && (!isReadme(parsed) || (count >= 5 && looksLikeVersion(value))))
      label = 'version';
    else label = 'field';
    out.push({ label, value: i === count - 1 ? parsed.productType : value });
  }
  if (parsed.extension) out.push({ label: 'extension', value: parsed.extension });
  return out;
}

/** How a message names a labelled field: "the target field", or "the field" for an unnamed middle one. */
export function fieldPhrase(label: string): string {
  return label === 'field' ? 'the field' : `the ${label} field`;
}
