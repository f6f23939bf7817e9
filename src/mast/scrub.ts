import { isCredentialName, REDACTED, redact } from './redact.js';

/**
 * Removes the token from a parsed MAST answer before anything keeps it: every string and key is
 * redacted, and every `authorization` field is replaced whole. Works on the parsed value, so a
 * token written with JSON escapes is found too. Iterative, so deep nesting cannot overflow the
 * stack. Changes the value in place (it is freshly parsed) and returns it.
 */
export function scrubSecrets(value: unknown, secret: string | undefined): unknown {
  const root = { value };
  const pending: object[] = [root];
  for (let container = pending.pop(); container !== undefined; container = pending.pop()) {
    if (Array.isArray(container)) {
      for (let i = 0; i < container.length; i++) container[i] = scrubLeaf(container[i], secret, pending);
      continue;
    }
    const record = container as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const scrubbed = isCredentialName(key) ? REDACTED : scrubLeaf(record[key], secret, pending);
      const cleanKey = redact(key, secret);
      if (cleanKey !== key) delete record[key];
      // defineProperty, not assignment: a key named __proto__ must stay data, not become a prototype.
      Object.defineProperty(record, cleanKey, {
        value: scrubbed,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return root.value;
}

/** A string redacted; an object or array queued for its own pass; anything else as is. */
function scrubLeaf(value: unknown, secret: string | undefined, pending: object[]): unknown {
  if (typeof value === 'string') return redact(value, secret);
  if (value !== null && typeof value === 'object') pending.push(value);
  return value;
}
