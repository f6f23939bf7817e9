import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine/run.js';
import type { CollectionRule, FitsRule, NameRule } from '../../src/rules/types.js';
import { REPO } from '../support/cli.js';

const meta = (id: string) => ({
  id,
  description: `test rule ${id}`,
  severity: 'warning' as const,
  scope: 'fits' as const,
});

describe('runCheck', () => {
  it('does not run a rule the config turns off, by id or by group', async () => {
    const calls = new Map<string, number>();
    const count = (id: string) => calls.set(id, (calls.get(id) ?? 0) + 1);
    const nameRule = (id: string): NameRule => ({
      meta: { ...meta(id), scope: 'name' },
      check: () => count(id),
    });
    const fitsRule = (id: string): FitsRule => ({ meta: meta(id), check: () => count(id) });
    const collectionRule = (id: string): CollectionRule => ({
      meta: { ...meta(id), scope: 'collection' },
      check: () => count(id),
    });
    await runCheck({
      paths: [join(REPO, 'fixtures/demo')],
      config: { rules: { 'name/off': 'off', 'fits/off': 'off', collection: 'off', 'fits/on': 'error' } },
      settings: {},
      rules: {
        name: [nameRule('name/on'), nameRule('name/off')],
        fits: [fitsRule('fits/on'), fitsRule('fits/off')],
        collection: [collectionRule('collection/any')],
      },
      hash: false,
    });
    expect(calls.get('name/on')).toBeGreaterThan(0);
    expect(calls.get('fits/on')).toBeGreaterThan(0);
    expect([...calls.keys()].sort()).toEqual(['fits/on', 'name/on']);
  });
});
