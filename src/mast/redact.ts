/** Removes a secret from any text before it is shown, logged, cached or thrown. */
export function redact(text: string, secret: string | undefined): string {
  if (!secret) return text;
  return text.split(secret).join('[REDACTED]');
}
