import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileMatcher, runCheck } from '../../src/engine/run.js';
import type { CollectionRule, FitsRule, NameRule } from '../../src/types.js';
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
        file: [],
        content: [],
        fits: [fitsRule('fits/on'), fitsRule('fits/off')],
        collection: [collectionRule('collection/any')],
        mast: [],
      },
      hash: false,
    });
    expect(calls.get('name/on')).toBeGreaterThan(0);
    expect(calls.get('fits/on')).toBeGreaterThan(0);
    expect([...calls.keys()].sort()).toEqual(['fits/on', 'name/on']);
  });

  it('gathers header values into the file records for the caller, a collection rule, the MAST pass or a shard', async () => {
    const seen: string[] = [];
    const reader: CollectionRule = {
      meta: { ...meta('collection/reader'), scope: 'collection' },
      check: ({ files }) => {
        for (const file of files) if (file.kind === 'fits') seen.push(String(file.header.HLSPID));
      },
    };
    const run = (config: object, extra: object = {}) =>
      runCheck({
        paths: [join(REPO, 'fixtures/demo')],
        config,
        settings: {},
        rules: { name: [], file: [], fits: [], content: [], collection: [reader], mast: [] },
        hash: false,
        keepRecordHeaders: false,
        ...extra,
      });
    const fitsHeaders = (records: { kind: string; header: object; hduCount?: number }[]) =>
      records.filter((record) => record.kind === 'fits').map((record) => Object.keys(record.header).length);
    const kept = await run({});
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['NIRDEMO']));
    expect(fitsHeaders(kept.records).every((count) => count > 0)).toBe(true);
    const none = await run({ rules: { collection: 'off' } });
    expect(fitsHeaders(none.records).every((count) => count === 0)).toBe(true);
    expect(
      none.records.filter((record) => record.kind === 'fits').every((record) => record.hduCount! > 0),
    ).toBe(true);
    const sharded = await run({ rules: { collection: 'off' } }, { shard: { index: 1, count: 1 } });
    expect(fitsHeaders(sharded.records).every((count) => count > 0)).toBe(true);
    const mast = await run(
      { rules: { collection: 'off' } },
      {
        mastPass: async () => ({
          findings: [],
          notChecked: [],
          stats: { mode: 'offline', requests: 0, cacheHits: 0, ids: 0 },
        }),
      },
    );
    expect(fitsHeaders(mast.records).every((count) => count > 0)).toBe(true);
    const caller = await run({ rules: { collection: 'off' } }, { keepRecordHeaders: true });
    expect(fitsHeaders(caller.records).every((count) => count > 0)).toBe(true);
  });

  it('works out sky footprints only when the records need them', async () => {
    const run = (extra: object) =>
      runCheck({
        paths: [join(REPO, 'fixtures/demo')],
        config: {},
        settings: {},
        rules: { name: [], file: [], fits: [], content: [], collection: [], mast: [] },
        hash: false,
        keepRecordHeaders: true,
        ...extra,
      });
    const footprints = (records: { kind: string; footprint?: unknown }[]) =>
      records.filter((record) => record.kind === 'fits').map((record) => record.footprint !== undefined);
    const asked = await run({});
    expect(footprints(asked.records).length).toBeGreaterThan(0);
    expect(footprints(asked.records).some(Boolean)).toBe(true);
    const offline = await run({ footprints: false });
    expect(footprints(offline.records).every((has) => !has)).toBe(true);
    // A shard's records feed the MAST pass of its merge: they keep their footprints.
    const shard = await run({ footprints: false, shard: { index: 1, count: 1 } });
    expect(footprints(shard.records)).toEqual(footprints(asked.records));
  });

  it("gives each file the config's profiles for it, once each", () => {
    const profilesFor = profileMatcher({
      profiles: [
        { files: '**/*_cat.fits', profiles: ['catalog'] },
        { files: 'tables/**', profiles: ['catalog', 'spectrum'] },
      ],
    });
    expect(profilesFor('tables/hlsp_x_cat.fits')).toEqual(['catalog', 'spectrum']);
    expect(profilesFor('a/hlsp_x_cat.fits')).toEqual(['catalog']);
    expect(profilesFor('a/hlsp_x_drz.fits')).toEqual([]);
    expect(profileMatcher({})('a/hlsp_x_cat.fits')).toEqual([]);
  });
});
