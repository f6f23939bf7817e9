import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTENSION_PROMISES } from '../../src/formats/registry.js';

const docs = readFileSync(new URL('../../docs/formats.md', import.meta.url), 'utf8');

describe('docs/formats.md', () => {
  it.each(EXTENSION_PROMISES.map((promise) => promise.extension))('documents .%s', (extension) => {
    expect(docs).toContain(`\`.${extension}\``);
  });
});
