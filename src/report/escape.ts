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

/** Escapes text for Markdown table cells and inline text (no HTML, no links, no pipes). */
export function escapeMarkdown(text: string): string {
  return (
    escapeXml(text)
      .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
      // A lone carriage return ends a line too, and with it a table row.
      .replace(/\r\n|\r|\n/g, ' ')
  );
}
