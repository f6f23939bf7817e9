/** The MAST token never reaches the cache or a message, even when MAST (or a proxy) echoes it back. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAOM_COLUMNS } from '../../src/mast/columns.js';
import { redact } from '../../src/mast/redact.js';
import { scrubSecrets } from '../../src/mast/scrub.js';
import { useFakeMast } from '../support/fake-mast-harness.js';

const TOKEN = 'secret-token-1234567890abcdef';

const mast = useFakeMast('hlsp-mast-token-');

describe('an answer echoing the Authorization header', () => {
  it('is cached and returned without the token, and the rest of the answer is kept', async () => {
    mast.server.faults.push({ kind: 'echo-authorization' });
    const c = mast.client({ token: TOKEN });
    const rows = await c.filtered([{ paramName: 'obs_collection', values: ['JWST'] }], CAOM_COLUMNS);
    await c.close();
    expect(mast.server.requests[0]!.headers.authorization).toBe(`token ${TOKEN}`);
    expect(JSON.stringify(rows)).not.toContain(TOKEN);
    expect(rows[0]).toMatchObject({
      obs_id: 'jw02736-o001_t001_nircam_clear-f200w',
      echo: { authorization: '[REDACTED]', Authorization: '[REDACTED]' },
      note: 'Bearer [REDACTED]',
      link: 'https://mast.stsci.edu/api/v0.1/download?token=[REDACTED]&uri=x',
      'header-[REDACTED]': 'a key holding the token',
      escaped: '[REDACTED]',
    });
    const files = readdirSync(mast.cacheDir);
    expect(files).toHaveLength(1);
    for (const name of files) {
      const text = readFileSync(join(mast.cacheDir, name), 'utf8');
      expect(text).not.toContain(TOKEN);
      // Decoded too: a JSON escape of the token would survive a purely textual check.
      expect(JSON.stringify(JSON.parse(text))).not.toContain(TOKEN);
      expect(text).toContain('request headers: Authorization: [REDACTED]');
    }
  });
});

describe('scrubSecrets', () => {
  it('replaces the token in strings and keys at any depth, and every authorization value', () => {
    const value = JSON.parse(
      JSON.stringify({
        a: [{ b: `x${TOKEN}y` }, TOKEN],
        [`k-${TOKEN}`]: 1,
        headers: { 'Proxy-Authorization': 'Basic dXNlcjpwYXNz', authorization: { scheme: 'token' } },
        n: 5,
        t: true,
        z: null,
      }),
    );
    expect(scrubSecrets(value, TOKEN)).toEqual({
      a: [{ b: 'x[REDACTED]y' }, '[REDACTED]'],
      'k-[REDACTED]': 1,
      headers: { 'Proxy-Authorization': '[REDACTED]', authorization: '[REDACTED]' },
      n: 5,
      t: true,
      z: null,
    });
  });

  it('walks deeply nested answers without running out of stack', () => {
    const depth = 200_000;
    const value = JSON.parse(`${'['.repeat(depth)}"${TOKEN}"${']'.repeat(depth)}`);
    let inner: unknown = scrubSecrets(value, TOKEN);
    for (let i = 0; i < depth; i++) inner = (inner as unknown[])[0];
    expect(inner).toBe('[REDACTED]');
  });

  it('keeps a key named __proto__ as data, never as a prototype', () => {
    const value = JSON.parse(`{"__proto__": {"polluted": "${TOKEN}"}, "${TOKEN}": 1}`);
    const scrubbed = scrubSecrets(value, TOKEN) as Record<string, unknown>;
    expect(Object.getPrototypeOf(scrubbed)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(scrubbed, '__proto__')?.value).toEqual({ polluted: '[REDACTED]' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('redact', () => {
  it('removes the token as written, URL-encoded, after Bearer or token=, and any Authorization header line', () => {
    const token = 'a+b/c=d';
    const text = [
      `Bearer ${token}`,
      `https://x/?token=${encodeURIComponent(token)}&y=1`,
      'Authorization: Basic dXNlcjpwYXNz',
      'proxy-authorization=Negotiate abc',
      'no secret here',
    ].join('\n');
    expect(redact(text, token)).toBe(
      [
        'Bearer [REDACTED]',
        'https://x/?token=[REDACTED]&y=1',
        'Authorization: [REDACTED]',
        'proxy-authorization=[REDACTED]',
        'no secret here',
      ].join('\n'),
    );
  });

  it('still removes Authorization header values when no token is configured', () => {
    expect(redact('GET / HTTP/1.1\r\nAuthorization: token abc\r\nHost: x', undefined)).toBe(
      'GET / HTTP/1.1\r\nAuthorization: [REDACTED]\r\nHost: x',
    );
  });
});
