/** Byte-level tests for text: UTF-8 validity and how many control characters a text may hold. */

/**
 * True when `bytes` is valid UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
 * With `mayBeCut`, a sequence that is valid so far but runs past the end is accepted: the bytes are
 * the head of a longer file, and the rest of the character lies beyond it.
 */
export function isValidUtf8(bytes: Uint8Array, mayBeCut: boolean): boolean {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index++;
      continue;
    }
    let length: number;
    // The range of the second byte is narrower than 80–BF after some leads: that is what rules out
    // overlong forms (E0, F0), surrogates (ED) and code points past U+10FFFF (F4).
    let secondMin = 0x80;
    let secondMax = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) secondMin = 0xa0;
      if (lead === 0xed) secondMax = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) secondMin = 0x90;
      if (lead === 0xf4) secondMax = 0x8f;
    } else return false;
    for (let offset = 1; offset < length; offset++) {
      if (index + offset >= bytes.length) return mayBeCut;
      const byte = bytes[index + offset]!;
      const min = offset === 1 ? secondMin : 0x80;
      const max = offset === 1 ? secondMax : 0xbf;
      if (byte < min || byte > max) return false;
    }
    index += length;
  }
  return true;
}

/** At most one control character per this many bytes is still text (a stray form feed or escape). */
const BYTES_PER_CONTROL = 100;

/**
 * True when `bytes` could be text in some encoding: no NUL byte and almost no C0 control characters
 * other than tab, line feed, vertical tab, form feed, carriage return and escape. Binary data fails
 * this quickly: about one byte in ten of random data is such a control character.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const byte of bytes) {
    if (byte === 0) return false;
    if ((byte < 0x20 && !(byte >= 0x09 && byte <= 0x0d) && byte !== 0x1b) || byte === 0x7f) controls++;
  }
  return controls * BYTES_PER_CONTROL <= bytes.length;
}
