import { describe, expect, it } from 'vitest';
import { metadataProfile } from '../../../src/rules/hlsp/metadata-profile.js';
import { ecsv, runContentRules } from '../../support/content.js';

const NAME = 'hlsp_nirdemo_jwst_nircam_smacs0723_multi_v1.0_cat.ecsv';
const FULL_META: Record<string, string | number> = {
  HLSPID: 'NIRDEMO',
  HLSPLEAD: 'Ada Example',
  HLSPNAME: 'NIRCam and NIRSpec demo of SMACS 0723',
  HLSPTARG: 'SMACS0723',
  HLSPVER: 'v1.0',
  DOI: '10.17909/demo-0001',
  LICENSE: 'CC BY 4.0',
  LICENURL: 'https://creativecommons.org/licenses/by/4.0/',
  TELESCOP: 'JWST',
  OBSERVAT: 'JWST',
  INSTRUME: 'NIRCAM',
  PROPOSID: '2736',
  REFERENC: '2022ApJ...936L..14P',
  TIMESYS: 'UTC',
  'DATE-BEG': '2022-06-07T04:48:00',
  'DATE-END': '2022-06-07T21:36:00',
  'MJD-BEG': 59737.2,
  'MJD-END': 59737.9,
  XPOSURE: 7537.0,
  RADESYS: 'ICRS',
};

function withMeta(meta: Record<string, unknown>): string {
  const lines = Object.entries(meta).map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`);
  return ecsv(['datatype:', '- {name: RA, datatype: float64}', 'meta:', ...lines], ['RA', '110.8']);
}
const run = (meta: Record<string, unknown>, profiles?: string[]) =>
  runContentRules([metadataProfile], NAME, withMeta(meta), { profiles });

describe('hlsp/metadata-profile', () => {
  it('passes an ECSV catalogue whose meta holds the common, catalog and jwst profiles', async () => {
    expect(await run(FULL_META)).toEqual([]);
  });

  it('grades a missing keyword by its level, as for FITS', async () => {
    const { HLSPLEAD: _lead, OBSERVAT: _observat, RADESYS: _radesys, ...rest } = FULL_META;
    const findings = await run(rest);
    expect(findings.map((f) => [f.keyword, f.severity])).toEqual([
      ['HLSPLEAD', 'error'],
      ['OBSERVAT', 'warning'],
      ['RADESYS', 'error'],
    ]);
    expect(findings[0]!.message).toBe(
      'HLSPLEAD is missing from the metadata (required in the common profile: full name of the HLSP lead)',
    );
  });

  it('reports a wrong type and a value outside the profile as errors', async () => {
    const findings = await run({ ...FULL_META, PROPOSID: 2736, LICENSE: 'CC-BY-4.0', 'MJD-BEG': 2459737.7 });
    expect(findings.map((f) => [f.keyword, f.severity, f.message])).toEqual([
      ['PROPOSID', 'error', 'PROPOSID must be a string, found 2736'],
      ['LICENSE', 'error', "LICENSE must be 'CC BY 4.0', found 'CC-BY-4.0'"],
      [
        'MJD-BEG',
        'error',
        'MJD-BEG = 2459737.7 is not a Modified Julian Date (expected 0 to 100000; a JD is MJD + 2400000.5)',
      ],
    ]);
  });

  it('checks the date format, which no FITS rule sees here', async () => {
    const findings = await run({ ...FULL_META, 'DATE-BEG': '2022-06-07 04:48:00' });
    expect(findings).toMatchObject([{ keyword: 'DATE-BEG', severity: 'error' }]);
  });

  it('upper-cases meta keys, and takes the profiles of the config', async () => {
    const lower = Object.fromEntries(Object.entries(FULL_META).map(([k, v]) => [k.toLowerCase(), v]));
    expect(await run(lower)).toEqual([]);
    const { RADESYS: _radesys, ...rest } = FULL_META;
    const spectrum = await run(rest, ['spectrum']);
    expect(spectrum.map((f) => f.keyword)).not.toContain('RADESYS');
    expect(spectrum).toContainEqual(expect.objectContaining({ keyword: 'DISPRSR', severity: 'error' }));
  });

  it('says nothing when the header could not be read (ecsv/header reports that)', async () => {
    expect(await runContentRules([metadataProfile], NAME, 'not ecsv\n')).toEqual([]);
  });
});
