/** A cached MAST answer is checked against the shape the client expects before it is used. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheMiss } from '../../src/mast/client.js';
import { CAOM_COLUMNS } from '../../src/mast/columns.js';
import { useFakeMast } from '../support/fake-mast-harness.js';

const OBS_ID = 'jw02736-o001_t001_nircam_clear-f200w';
const FILTERS = [
  { paramName: 'obs_collection', values: ['JWST'] },
  { paramName: 'obs_id', values: [OBS_ID] },
];
const DATASET = 'jw02736-o001_t001_nircam';

const mast = useFakeMast('hlsp-mast-cache-shape-');

/** Records one Portal answer in the cache and returns its file. */
async function recordPortal(): Promise<string> {
  const c = mast.client();
  await c.filtered(FILTERS, CAOM_COLUMNS);
  await c.close();
  const files = readdirSync(mast.cacheDir);
  expect(files).toHaveLength(1);
  return join(mast.cacheDir, files[0]!);
}

async function recordMission(): Promise<string> {
  const c = mast.client();
  await c.missionSearch([{ fileSetName: DATASET }], ['cal_ver']);
  await c.close();
  return join(mast.cacheDir, readdirSync(mast.cacheDir)[0]!);
}

type Entry = { request: unknown; response: Record<string, unknown> };

function rewrite(file: string, change: (entry: Entry) => unknown): void {
  const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
  writeFileSync(file, JSON.stringify(change(entry)));
}

const damagedPortalEntries: [string, (entry: Entry) => unknown][] = [
  ['data that is not a list', (e) => ({ ...e, response: { ...e.response, data: 'oops' } })],
  ['rows that are not objects', (e) => ({ ...e, response: { ...e.response, data: [1, 'two', null] } })],
  ['no data at all', (e) => ({ ...e, response: { status: 'COMPLETE', msg: '' } })],
  ['a response that is null', (e) => ({ ...e, response: null })],
  ['a response that is a list', (e) => ({ ...e, response: [e.response] })],
  ['a status the client never caches', (e) => ({ ...e, response: { ...e.response, status: 'EXECUTING' } })],
  ['paging that is not an object', (e) => ({ ...e, response: { ...e.response, paging: 7 } })],
  ['no response', (e) => ({ request: e.request })],
  ['the entry of another request', (e) => ({ ...e, request: { ...(e.request as object), page: 2 } })],
  ['an entry that is not an object', () => 'just a string'],
];

describe('cached MAST answers are validated on replay', () => {
  it.each(damagedPortalEntries)('online, asks again instead of replaying %s', async (_, damage) => {
    const file = await recordPortal();
    rewrite(file, damage);
    const c = mast.client();
    const rows = await c.filtered(FILTERS, CAOM_COLUMNS);
    await c.close();
    expect(rows.map((r) => r.obs_id)).toEqual([OBS_ID]);
    expect(c.cacheHits).toBe(0);
    expect(mast.server.requests).toHaveLength(2);
    // The fresh answer replaced the damaged one.
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
    expect((entry.response.data as { obs_id: string }[]).map((r) => r.obs_id)).toEqual([OBS_ID]);
  });

  it('online, asks again when a cached file does not parse', async () => {
    const file = await recordPortal();
    writeFileSync(file, '{"request": {"service": "Mast.Caom.Filt');
    const c = mast.client();
    expect((await c.filtered(FILTERS, CAOM_COLUMNS)).map((r) => r.obs_id)).toEqual([OBS_ID]);
    await c.close();
    expect(mast.server.requests).toHaveLength(2);
  });

  it('online, deletes a damaged entry even when MAST then fails', async () => {
    const file = await recordPortal();
    rewrite(file, damagedPortalEntries[0]![1]);
    mast.server.faults.push({ kind: 'error', msg: 'down for maintenance' });
    const c = mast.client();
    await expect(c.filtered(FILTERS, CAOM_COLUMNS)).rejects.toThrow(
      'MAST answered ERROR: down for maintenance',
    );
    await c.close();
    expect(existsSync(file)).toBe(false);
  });

  it.each(damagedPortalEntries)(
    'replaying, never uses %s and says the recording is damaged',
    async (_, damage) => {
      const file = await recordPortal();
      rewrite(file, damage);
      const before = readFileSync(file);
      const c = mast.client({ replayOnly: true });
      const error = await c.filtered(FILTERS, CAOM_COLUMNS).catch((e: unknown) => e);
      await c.close();
      expect(error).toBeInstanceOf(CacheMiss);
      expect((error as Error).message).toMatch(
        /^the recorded response for Mast\.Caom\.Filtered page 1 is damaged \(.+\)$/,
      );
      expect(mast.server.requests).toHaveLength(1);
      // Replay mode writes nothing (the recordings may sit in a checked tree).
      expect(readFileSync(file)).toEqual(before);
    },
  );

  it('replaying, never uses a Mission Search entry without results', async () => {
    const file = await recordMission();
    rewrite(file, (e) => ({ ...e, response: { ...e.response, results: { cal_ver: '1.14.0' } } }));
    const c = mast.client({ replayOnly: true });
    await expect(c.missionSearch([{ fileSetName: DATASET }], ['cal_ver'])).rejects.toThrow(
      /^the recorded response for the JWST Mission Search from row 0 is damaged \(results is not a list\)$/,
    );
    await c.close();
  });

  it('replays a valid entry of either kind', async () => {
    await recordPortal();
    await recordMission();
    const c = mast.client({ replayOnly: true });
    expect((await c.filtered(FILTERS, CAOM_COLUMNS)).map((r) => r.obs_id)).toEqual([OBS_ID]);
    expect(await c.missionSearch([{ fileSetName: DATASET }], ['cal_ver'])).toEqual([{ cal_ver: '1.14.0' }]);
    await c.close();
    expect(c.cacheHits).toBe(2);
  });
});
