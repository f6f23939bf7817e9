const REDACTED = '[REDACTED]';

/** `Authorization: …` / `authorization=…` as in a dumped request: the value runs to the line's end. */
const AUTHORIZATION_VALUE = /\b((?:proxy-)?authorization\s*[:=]\s*)[^\r\n"]*/gi;

/**
 * Removes a secret from any text before it is shown, logged, cached or thrown: the secret as
 * written and URL-encoded (as in `token=…`), and any Authorization header value, whoever's it is.
 */
export function redact(text: string, secret: string | undefined): string {
  if (secret) {
    text = text.split(secret).join(REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) text = text.split(encoded).join(REDACTED);
  }
  return text.replace(AUTHORIZATION_VALUE, `$1${REDACTED}`);
}

/** True for a header or field name whose value is a credential, whatever the value is. */
export function isCredentialName(name: string): boolean {
  return /^(?:proxy-)?authorization$/i.test(name);
}

export { REDACTED };
