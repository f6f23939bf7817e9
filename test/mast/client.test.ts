import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheMiss, MastError } from '../../src/mast/client.js';
import { CAOM_COLUMNS, MISSION_COLUMNS } from '../../src/mast/columns.js';
import { runMastPass } from '../../src/mast/pass.js';
import { parseProgram, parseSourceId } from '../../src/mast/provenance.js';
import { builtinRules } from '../../src/rules/index.js';
import type { FileRecord } from '../../src/types.js';
import { recordedRows } from '../support/fake-mast.js';
import { FAST, useFakeMast } from '../support/fake-mast-harness.js';

const TOKEN = 'secret-token-1234567890abcdef';
const _noSleep = async () => {};

const mast = useFakeMast('hlsp-mast-cache-');

const JWST = { paramName: 'obs_collection', values: ['JWST'] };
const byId = (ids: string[]) => [JWST, { paramName: 'obs_id', values: ids }];

describe('provenance ids', () => {
  it.each([
    [
      'jw02736001001_02105_00001_nrcb1_cal.fits',
      'jw02736001001_02105_00001_nrcb1',
      ['2736'],
      'exposure',
      'jw02736001001_02105_00001',
    ],
    [
      'jw01413001001_02101_00001_mirimage',
      'jw01413001001_02101_00001_mirimage',
      ['1413'],
      'exposure',
      'jw01413001001_02101_00001',
    ],
    [
      'jw01234001001_02101_00001-seg002_nrs1_rateints.fits',
      'jw01234001001_02101_00001-seg002_nrs1',
      ['1234'],
      'exposure',
      'jw01234001001_02101_00001',
    ],
    [
      'jw02736-o001_t001_nircam_clear-f200w_i2d.fits',
      'jw02736-o001_t001_nircam_clear-f200w',
      ['2736'],
      'source',
      'jw02736-o001_t001_nircam',
    ],
    [
      'jw02736-o001_t001_nircam_clear-f200w',
      'jw02736-o001_t001_nircam_clear-f200w',
      ['2736'],
      'source',
      'jw02736-o001_t001_nircam',
    ],
    [
      'jw01039-c1001_t001_miri_ch3-long',
      'jw01039-c1001_t001_miri_ch3-long',
      ['1039'],
      'source',
      'jw01039-c1001_t001_miri',
    ],
    [
      'jw00212jw01039-o035o004_t007t001_miri_ch2ch3-shortlong_x1d.fits',
      'jw00212jw01039-o035o004_t007t001_miri_ch2ch3-shortlong',
      ['212', '1039'],
      'source',
      'jw00212jw01039-o035o004_t007t001_miri',
    ],
    [
      'mast:JWST/product/jw02736-o007_s000006355_nirspec_f170lp-g235m_x1d.fits',
      'jw02736-o007_s000006355_nirspec_f170lp-g235m',
      ['2736'],
      'source',
      'jw02736-o007_s000006355_nirspec',
    ],
  ])('%s → %s', (text, obsId, programs, level, fileSetName) => {
    expect(parseSourceId(text)).toEqual({ raw: text, obsId, programs, level, fileSetName });
  });

  it('ignores ids that are not JWST', () => {
    expect(parseSourceId('o4sp040b0_raw.fits')).toBeUndefined();
    expect(parseSourceId('tess2019-s0001')).toBeUndefined();
  });

  it('reads PROPOSID as an unpadded program', () => {
    expect(parseProgram('02736')).toBe('2736');
    expect(parseProgram(1345)).toBe('1345');
    expect(parseProgram('GO-123')).toBeUndefined();
  });
});

describe('MastClient against the fake Portal API', () => {
  const client = (extra = {}) => mast.client({ token: TOKEN, ...extra });

  it('sends the form request with the token and a User-Agent, and returns the rows', async () => {
    const c = client();
    const rows = await c.filtered(byId(['jw02736-o001_t001_nircam_clear-f200w']), CAOM_COLUMNS);
    await c.close();
    expect(rows.map((r) => r.obs_id)).toEqual(['jw02736-o001_t001_nircam_clear-f200w']);
    const sent = mast.server.requests[0]!;
    expect(sent.headers.authorization).toBe(`token ${TOKEN}`);
    expect(sent.headers['user-agent']).toMatch(/^hlsp-validate\/\d+\.\d+\.\d+/);
    expect(sent.request).toMatchObject({ service: 'Mast.Caom.Filtered', format: 'json', page: 1 });
  });

  it('asks the JWST Mission Search with a JSON body and pages it by limit and offset', async () => {
    const c = client({ pagesize: 2 });
    const names = ['jw02736001001_02105_00001', 'jw02736001001_02105_00002', 'jw02736-o001_t001_nircam'];
    const rows = await c.missionSearch([{ fileSetName: names.join(',') }], ['fileSetName', 'cal_ver']);
    await c.close();
    expect(rows.map((r) => r.fileSetName).sort()).toEqual([...names].sort());
    expect(rows.every((r) => Object.keys(r).join() === 'fileSetName,cal_ver')).toBe(true);
    expect(mast.server.requests.map((r) => r.path)).toEqual([
      '/search/jwst/api/v0.1/search',
      '/search/jwst/api/v0.1/search',
    ]);
    expect(mast.server.requests.map((r) => r.search?.offset)).toEqual([0, 2]);
    expect(mast.server.requests[0]!.headers['content-type']).toBe('application/json');
    expect(mast.server.requests[0]!.headers.authorization).toBe(`token ${TOKEN}`);
  });

  it('retries the Mission Search like the Portal API, and replays it from the cache', async () => {
    mast.server.faults.push({ kind: 'status', status: 503 }, { kind: 'drop' });
    const first = client();
    const rows = await first.missionSearch([{ fileSetName: 'jw02736-o001_t001_nircam' }], ['cal_ver']);
    await first.close();
    expect(rows).toEqual([{ cal_ver: '1.14.0' }]);
    expect(mast.server.requests.length).toBe(3);
    const replay = client({ replayOnly: true });
    expect(await replay.missionSearch([{ fileSetName: 'jw02736-o001_t001_nircam' }], ['cal_ver'])).toEqual(
      rows,
    );
    await expect(
      replay.missionSearch([{ fileSetName: 'jw01345-o001_t021_nircam' }], ['cal_ver']),
    ).rejects.toThrow(/no recorded response for the JWST Mission Search/);
    await replay.close();
    expect(mast.server.requests.length).toBe(3);
  });

  it('pages until every row has arrived', async () => {
    const c = client({ pagesize: 2 });
    const rows = await c.filtered([JWST], CAOM_COLUMNS);
    await c.close();
    expect(rows.length).toBe(recordedRows().length);
    expect(mast.server.requests.length).toBe(Math.ceil(recordedRows().length / 2));
  });

  it('polls while MAST says EXECUTING', async () => {
    mast.server.faults.push({ kind: 'executing' }, { kind: 'executing' });
    const c = client();
    expect((await c.filtered(byId(['jw02736-o001_t001_nircam_clear-f150w']), CAOM_COLUMNS)).length).toBe(1);
    await c.close();
    expect(mast.server.requests.length).toBe(3);
  });

  it('turns status ERROR (with HTTP 200) into a clear, non-retried error', async () => {
    mast.server.faults.push({ kind: 'error', msg: 'Incorrect syntax near *.' });
    const c = client();
    await expect(c.filtered([JWST], CAOM_COLUMNS)).rejects.toThrow(
      'MAST answered ERROR: Incorrect syntax near *.',
    );
    await c.close();
    expect(mast.server.requests.length).toBe(1);
  });

  it('retries 503, an HTML 504, a dropped connection and 429, then succeeds', async () => {
    const sleeps: number[] = [];
    mast.server.faults.push(
      { kind: 'status', status: 503 },
      { kind: 'status', status: 504, body: '<html><body><h1>504 Gateway Time-out</h1></body></html>' },
      { kind: 'drop' },
      { kind: 'status', status: 429, headers: { 'retry-after': '2' } },
    );
    const c = client({ retries: 5, sleep: async (ms: number) => void sleeps.push(ms) });
    expect((await c.filtered(byId(['jw02736-o001_t001_nircam_clear-f444w']), CAOM_COLUMNS)).length).toBe(1);
    await c.close();
    expect(mast.server.requests.length).toBe(5);
    expect(sleeps).toContain(2000);
  });

  it('treats a 200 answer that is not JSON as transient', async () => {
    mast.server.faults.push({ kind: 'status', status: 200, body: '<html>maintenance</html>' });
    const c = client();
    expect((await c.filtered(byId(['jw02736-o001_t001_nircam_clear-f444w']), CAOM_COLUMNS)).length).toBe(1);
    await c.close();
  });

  it('gives up after the retries with a message that never holds the token', async () => {
    for (let i = 0; i < 4; i++) mast.server.faults.push({ kind: 'status', status: 503 });
    const c = client({ retries: 3 });
    const error = await c.filtered([JWST], CAOM_COLUMNS).catch((e: unknown) => e as MastError);
    await c.close();
    expect(error).toBeInstanceOf(MastError);
    expect((error as Error).message).toMatch(/HTTP 503.*gave up after 4 attempts/);
    expect((error as Error).message).not.toContain(TOKEN);
  });

  it('times out a slow answer and retries it', async () => {
    mast.server.faults.push({ kind: 'slow', ms: 1500 });
    const c = client({ timeoutMs: 300 });
    expect((await c.filtered(byId(['jw02736-o001_t001_nircam_clear-f444w']), CAOM_COLUMNS)).length).toBe(1);
    await c.close();
    expect(mast.server.requests.length).toBe(2);
  });

  it('never follows a redirect, so the token cannot reach another host', async () => {
    mast.server.faults.push({ kind: 'redirect', location: 'http://127.0.0.2:9/steal' });
    const c = client();
    await expect(c.filtered([JWST], CAOM_COLUMNS)).rejects.toThrow(/redirects are not followed/);
    await c.close();
    expect(mast.server.requests.length).toBe(1);
  });

  it('answers from the cache the second time, and the cache never holds the token', async () => {
    const first = client();
    await first.filtered(byId(['jw02736-o001_t001_nircam_clear-f200w']), CAOM_COLUMNS);
    await first.close();
    const replay = client({ replayOnly: true });
    expect((await replay.filtered(byId(['jw02736-o001_t001_nircam_clear-f200w']), CAOM_COLUMNS)).length).toBe(
      1,
    );
    await replay.close();
    expect(replay.cacheHits).toBe(1);
    expect(mast.server.requests.length).toBe(1);
    for (const name of readdirSync(mast.cacheDir))
      expect(readFileSync(join(mast.cacheDir, name), 'utf8')).not.toContain(TOKEN);
    const miss = client({ replayOnly: true });
    await expect(miss.filtered(byId(['jw09999-o001_t001_miri_f770w']), CAOM_COLUMNS)).rejects.toBeInstanceOf(
      CacheMiss,
    );
    await miss.close();
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    for (let i = 0; i < 6; i++) mast.server.faults.push({ kind: 'slow', ms: 50 });
    const c = client({ concurrency: 2 });
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await c.filtered(byId([`id-${i}`]), CAOM_COLUMNS);
        inFlight--;
      }),
    );
    await c.close();
    expect(mast.server.requests.length).toBe(6);
    expect(peak).toBeGreaterThanOrEqual(2);
  });
});

function product(path: string, header: FileRecord['header'], provenance: string[]): FileRecord {
  return {
    path,
    kind: 'fits',
    size: 2880,
    sha256: null,
    header: { TELESCOP: 'JWST', ...header },
    provenance,
  };
}

describe('runMastPass', () => {
  const now = new Date('2026-11-24T00:00:00Z');
  const options = () => ({
    rules: builtinRules.mast,
    mode: 'online' as const,
    mastUrl: mast.server.url,
    cacheDir: mast.cacheDir,
    now,
    token: TOKEN,
    client: FAST,
  });

  it('batches every id of the run: 1,000 products from 20 programs cost a few dozen requests', async () => {
    const records = Array.from({ length: 1000 }, (_, i) =>
      product(`p${i}.fits`, { PROPOSID: String(1000 + (i % 20)) }, [
        `jw0${1000 + (i % 20)}-o${String(i % 50).padStart(3, '0')}_t001_nircam_clear-f200w`,
      ]),
    );
    const result = await runMastPass(records, options());
    expect(result.stats.requests).toBeLessThanOrEqual(24);
    // 100 distinct observation ids (i mod 20 × i mod 50) and 20 programs, each looked up once.
    expect(result.stats.ids).toBe(100 + 20);
    expect(result.findings.filter((f) => f.ruleId === 'mast/observation-exists')).toHaveLength(1000);
  });

  it('counts the same ids offline as it looks up online, and marks nothing unchecked when nothing is claimed', async () => {
    const records: FileRecord[] = [
      ...Array.from({ length: 30 }, (_, i) =>
        product(`p${i}.fits`, { PROPOSID: String(1000 + (i % 3)) }, [
          `jw0${1000 + (i % 3)}-o${String(i % 5).padStart(3, '0')}_t001_nircam_clear-f200w`,
          'not a JWST id',
        ]),
      ),
      // A JWST product that names its program and no sources; a HST one that names neither.
      product('program-only.fits', { PROPOSID: '4242' }, []),
      product('hst.fits', { TELESCOP: 'HST', PROPOSID: '9999' }, []),
      {
        ...product('table.csv', { PROPOSID: '7777' }, ['jw07777-o001_t001_nircam_clear-f200w']),
        kind: 'table',
      },
    ];
    const online = await runMastPass(records, options());
    const offline = await runMastPass(records, { ...options(), mode: 'offline' });
    // 15 observation ids (i mod 3 × i mod 5) and the programs 1000-1002 and 4242.
    expect(offline.stats).toEqual({ mode: 'offline', requests: 0, cacheHits: 0, ids: 15 + 4 });
    expect(offline.stats.ids).toBe(online.stats.ids);
    expect(offline.notChecked).toHaveLength(builtinRules.mast.length);
    const nothing = await runMastPass([records.at(-2)!, records.at(-1)!], { ...options(), mode: 'offline' });
    expect(nothing).toEqual({
      findings: [],
      notChecked: [],
      stats: { mode: 'offline', requests: 0, cacheHits: 0, ids: 0 },
    });
  });

  it('reports unknown ids, planned observations, instrument and filter mismatches, dates, position and exclusive access', async () => {
    const records = [
      product(
        'ok.fits',
        {
          INSTRUME: 'NIRCAM',
          FILTER: 'F200W',
          PROPOSID: '2736',
          'MJD-BEG': 59737.2,
          'MJD-END': 59737.9,
          RA_TARG: 110.83,
          DEC_TARG: -73.45,
        },
        ['jw02736-o001_t001_nircam_clear-f200w'],
      ),
      product(
        'bad.fits',
        {
          INSTRUME: 'NIRSPEC',
          FILTER: 'F444W',
          PROPOSID: '4242',
          'MJD-BEG': 59800,
          'MJD-END': 59801,
          RA_TARG: 10,
          DEC_TARG: 10,
        },
        [
          'jw02736-o001_t001_nircam_clear-f200w',
          'jw02736-o009_t001_nircam_clear-f277w',
          'jw09999-o001_t001_miri_f770w',
          'jw02736-o099_t001_nircam_clear-f200w',
        ],
      ),
    ];
    const result = await runMastPass(records, options());
    expect(result.notChecked).toEqual([]);
    expect(result.findings.filter((f) => f.path === 'ok.fits')).toEqual([]);
    const rules = [...new Set(result.findings.map((f) => f.ruleId))].sort();
    expect(rules).toEqual([
      'mast/date-coverage',
      'mast/exclusive-access',
      'mast/filter-match',
      'mast/footprint-overlap',
      'mast/instrument-match',
      'mast/observation-executed',
      'mast/observation-exists',
      'mast/program-exists',
    ]);
    const exclusive = result.findings.find((f) => f.ruleId === 'mast/exclusive-access')!;
    expect(exclusive.message).toMatch(/until 2028-08-17/);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('reports a CAL_VER older than the pipeline version MAST lists for the source data, and asks only when CAL_VER is given', async () => {
    const sources = ['jw02736001001_02105_00001_nrcb1_cal.fits', 'jw02736-o001_t001_nircam_clear-f200w'];
    const records = [
      product('old.fits', { CAL_VER: '1.8.2' }, sources),
      product('same.fits', { CAL_VER: '1.14.0' }, sources),
      product('newer.fits', { CAL_VER: '1.15.1' }, sources),
      product('unreadable.fits', { CAL_VER: 'latest' }, sources),
      product('none.fits', {}, sources),
    ];
    const result = await runMastPass(records, options());
    const found = result.findings.filter((f) => f.ruleId === 'mast/calibration-version');
    expect(found.map((f) => f.path)).toEqual(['old.fits']);
    expect(found[0]).toMatchObject({ severity: 'info', keyword: 'CAL_VER' });
    expect(found[0]!.message).toBe(
      "CAL_VER = '1.8.2' is older than the pipeline version MAST lists for the source data (1.14.0, for jw02736001001_02105_00001)",
    );
    const searches = mast.server.requests.filter((r) => r.search);
    expect(searches).toHaveLength(1);
    expect(searches[0]!.search!.conditions).toEqual([
      { fileSetName: 'jw02736-o001_t001_nircam,jw02736001001_02105_00001' },
    ]);
    mast.server.requests.length = 0;
    await runMastPass([product('none.fits', {}, sources)], options());
    expect(mast.server.requests.filter((r) => r.search)).toHaveLength(0);
  });

  it('asks CAOM for the named columns the rules read, never *', async () => {
    await runMastPass(
      [product('a.fits', { PROPOSID: '2736' }, ['jw02736-o001_t001_nircam_clear-f200w'])],
      options(),
    );
    const columns = mast.server.requests.filter((r) => !r.search).map((r) => r.request.params.columns);
    expect(columns.sort()).toEqual([CAOM_COLUMNS.join(','), 'proposal_id']);
    expect(columns.join(',')).not.toContain('*');
    const c = mast.client();
    await expect(c.filtered(byId(['x']), ['*'])).rejects.toThrow('MAST columns must be named: *');
    await c.close();
  });

  it('takes the optical element from the Mission Search where the CAOM row has filters: null (MIRI MRS)', async () => {
    const records = [
      product('mrs.fits', { CHANNEL: '3', BAND: 'LONG' }, ['jw01039-o004_t001_miri_ch3-long_s3d.fits']),
      product('wrong.fits', { CHANNEL: '1', BAND: 'SHORT' }, ['jw01039-o004_t001_miri_ch3-long']),
      product('unknown.fits', { CHANNEL: '1', BAND: 'SHORT' }, ['jw01039-o005_t001_miri_ch1-short']),
      product('nircam.fits', { FILTER: 'F200W' }, ['jw02736-o001_t001_nircam_clear-f200w']),
    ];
    const result = await runMastPass(records, options());
    const found = result.findings.filter((f) => f.ruleId === 'mast/filter-match');
    expect(found.map((f) => [f.path, f.severity, f.message])).toEqual([
      [
        'wrong.fits',
        'error',
        'the product says CH1-SHORT, but its source observation did not use it (they used CH3-LONG)',
      ],
      [
        'unknown.fits',
        'info',
        'MAST lists no optical element for the 1 source observation, so CH1-SHORT could not be compared',
      ],
    ]);
    // One search, for the datasets whose CAOM rows name no filter; the NIRCam one is not asked.
    const searches = mast.server.requests.filter((r) => r.search);
    expect(searches.map((r) => r.search!.conditions)).toEqual([
      [{ fileSetName: 'jw01039-o004_t001_miri,jw01039-o005_t001_miri' }],
    ]);
    expect(searches[0]!.search!.select_cols).toEqual([...MISSION_COLUMNS]);
  });

  it('reports every MAST rule as not checked when MAST is unreachable, offline or not recorded', async () => {
    const records = [product('a.fits', {}, ['jw02736-o001_t001_nircam_clear-f200w'])];
    const unreachable = await runMastPass(records, {
      ...options(),
      mastUrl: 'http://127.0.0.1:9',
      client: { ...FAST, retries: 1 },
    });
    expect(unreachable.findings).toEqual([]);
    expect(unreachable.notChecked.length).toBe(builtinRules.mast.length);
    expect(unreachable.notChecked[0]!.reason).toMatch(/MAST could not be queried/);
    expect(JSON.stringify(unreachable)).not.toContain(TOKEN);
    const offline = await runMastPass(records, { ...options(), mode: 'offline' });
    expect(offline.notChecked[0]!.reason).toMatch(/offline/);
    expect(offline.stats.requests).toBe(0);
    const replay = await runMastPass(records, { ...options(), mode: 'cache' });
    expect(replay.notChecked[0]!.reason).toMatch(/--mast cache: no recorded response/);
  });
});
