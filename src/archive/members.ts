/**
 * What an archive member's name says about it: whether extracting it would escape the directory it
 * is extracted into, and how to show it safely. Member names are untrusted text.
 */

/**
 * Why a member name would write outside the extraction directory, or undefined when it is safe:
 * an absolute path, a drive letter, a backslash (a separator on Windows, so `..\\x` escapes there),
 * or a `..` segment.
 */
export function unsafeReason(name: string): string | undefined {
  if (name.startsWith('/')) return 'its path is absolute';
  if (/^[A-Za-z]:/.test(name)) return 'its path starts with a drive letter';
  if (name.includes('\\')) return 'its path holds a backslash, a directory separator on Windows';
  if (name.split('/').includes('..')) return "its path climbs out of the archive with '..'";
  return undefined;
}

/** The member's path as one key: `./a//b` and `a/b` extract to the same file. */
export function memberKey(name: string): string {
  return name
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}

/** The last part of a member's path: its file name, judged as a product name. */
export function memberBaseName(name: string): string {
  const parts = name.split(/[/\\]/).filter((part) => part !== '');
  return parts.at(-1) ?? '';
}

/**
 * A member name as it may be shown anywhere: control characters (C0, C1, DEL), line and paragraph
 * separators and bidirectional overrides become visible escapes (`\x1b`, `\u202e`), so that a name
 * cannot rewrite a terminal, forge a report line or reorder the text around it.
 */
export function displayName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

/** A name's bytes as text: UTF-8 when they are valid UTF-8 (most zips, flagged or not), else Latin-1. */
export function decodeName(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return Buffer.from(bytes).toString('latin1');
  }
}
