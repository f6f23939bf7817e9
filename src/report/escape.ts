/** Control characters (from hostile file names or header values) shown as escapes, never sent to the terminal. */
export function terminalSafe(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f]/g,
    (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** Escapes text for XML/HTML element content and attribute values. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // XML 1.0 forbids most control characters, even escaped: show them as visible escapes.
      .replace(
        /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
        (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`,
      )
  );
}

const ZERO_WIDTH_SPACE = '\u200b';
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** `hlsp_demo_v1` stays as it is: underscores between letters cannot start emphasis in GFM. */
function escapeUnderscores(run: string, offset: number, text: string): string {
  const before = text[offset - 1] ?? '';
  const after = text[offset + run.length] ?? '';
  return LETTER_OR_DIGIT.test(before) && LETTER_OR_DIGIT.test(after) ? run : run.replace(/_/g, '\\_');
}

/**
 * Untrusted text as inline GitHub-flavoured Markdown that renders as the same characters: no HTML,
 * links, images, emphasis, code, math or table cells, and no line break. Characters are escaped with
 * backslashes, not entities, so the raw text stays readable (no `&apos;`). GitHub links mentions,
 * issue references and bare URLs after rendering, where no escape reaches: a zero-width space
 * keeps a file name from notifying `@someone` or linking `#12` or `https://…` in a comment.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      // A lone carriage return ends a line too, and with it a table row.
      .replace(/\r\n|\r|\n/g, ' ')
      .replace(
        /[\u0000-\u001f\u007f-\u009f]/g,
        (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`,
      )
      .replace(/[\\`*[\]<>&|~$#]/g, '\\$&')
      .replace(/_+/g, escapeUnderscores)
      .replace(/@(?=[\p{L}\p{N}_])/gu, `@${ZERO_WIDTH_SPACE}`)
      .replace(/#(?=[0-9])/g, `#${ZERO_WIDTH_SPACE}`)
      .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
      .replace(/\b(www)\./gi, `$1${ZERO_WIDTH_SPACE}.`)
  );
}
