/**
 * Unified Content Descriptors (IVOA UCD1+ 1.x): words separated by `;`, each `atom(.atom)*` with
 * an optional `namespace:` prefix; words of the default `ivoa` namespace come from the controlled
 * vocabulary (src/ucd/words.ts), where the first word must be one that may be primary and every
 * later word one that may be secondary. The same judgement as astropy's
 * `check_ucd(ucd, check_controlled_vocabulary=True, has_colon=True)`.
 */
import { UCD_WORD_ENTRIES } from './words.js';

type Role = 'primary' | 'secondary' | 'both';

const ROLES = new Map<string, { role: Role; word: string }>(
  UCD_WORD_ENTRIES.map((entry) => {
    const [flag, word] = entry.split('|') as [string, string];
    const role: Role = flag === 'P' ? 'primary' : flag === 'S' ? 'secondary' : 'both';
    return [word.toLowerCase(), { role, word }];
  }),
);

const CHARACTERS = /[^A-Za-z0-9_.:;-]/;
const NAMESPACE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const WORD = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9][A-Za-z0-9_-]*)*$/;

export interface UcdWord {
  namespace: string;
  word: string;
}

export type UcdResult = { ok: true; words: UcdWord[] } | { ok: false; error: string; hint?: string };

/** Parses a UCD and checks its words against the UCD1+ vocabulary. */
export function checkUcd(ucd: string): UcdResult {
  const bad = CHARACTERS.exec(ucd);
  if (bad) return { ok: false, error: `the character '${bad[0]}' is not allowed in a UCD` };
  const words: UcdWord[] = [];
  const parts = ucd.split(';');
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    const colons = part.split(':');
    if (colons.length > 2) return { ok: false, error: `the word '${part}' has more than one ':'` };
    const namespace = colons.length === 2 ? colons[0]!.toLowerCase() : 'ivoa';
    const word = colons[colons.length - 1]!;
    if (colons.length === 2 && !NAMESPACE.test(colons[0]!))
      return { ok: false, error: `'${colons[0]}' is not a namespace` };
    if (!WORD.test(word))
      return {
        ok: false,
        error: word === '' ? 'it has an empty word (a stray ;)' : `'${word}' is not a UCD word`,
      };
    words.push({ namespace, word });
    if (namespace !== 'ivoa') continue;
    const known = ROLES.get(word.toLowerCase());
    if (!known) return { ok: false, error: `'${word}' is not a word of the UCD1+ vocabulary` };
    if (index === 0 && known.role === 'secondary')
      return {
        ok: false,
        error: `'${known.word}' may only follow the first word (it is a secondary word)`,
        hint: 'start the UCD with a primary word, e.g. phot.flux;em.IR.J',
      };
    if (index > 0 && known.role === 'primary')
      return {
        ok: false,
        error: `'${known.word}' may only be the first word (it is a primary word)`,
        hint: 'put the primary word first',
      };
  }
  return { ok: true, words };
}
