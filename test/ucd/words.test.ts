/** The compiled UCD1+ vocabulary is the vendored word list, word for word (npm run generate-ucd rewrites it). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkUcd } from '../../src/ucd/index.js';
import { UCD_WORD_ENTRIES } from '../../src/ucd/words.js';

const LIST = new URL('../../schemas/ucd/ucd1p-words.txt', import.meta.url);

describe('UCD1+ vocabulary', () => {
  it('holds every word of schemas/ucd/ucd1p-words.txt with its flag', () => {
    const expected = readFileSync(LIST, 'ascii')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) =>
        line
          .split('|')
          .slice(0, 2)
          .map((part) => part.trim())
          .join('|'),
      );
    expect(UCD_WORD_ENTRIES).toEqual(expected);
    expect(UCD_WORD_ENTRIES.length).toBeGreaterThan(400);
  });

  it('accepts every word in the place its flag allows, and refuses it elsewhere', () => {
    for (const entry of UCD_WORD_ENTRIES) {
      const [flag, word] = entry.split('|') as [string, string];
      expect(checkUcd(word).ok, `${word} first`).toBe(flag !== 'S');
      expect(checkUcd(`meta.id;${word}`).ok, `${word} second`).toBe(flag !== 'P');
    }
  });
});
