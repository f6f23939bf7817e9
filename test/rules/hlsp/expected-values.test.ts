/** Hints name the value a keyword should have, where the profile, the name or the config knows it. */
import { describe, expect, it } from 'vitest';
import { parseName } from '../../../src/naming/parse.js';
import { keywordRequired } from '../../../src/rules/hlsp/keyword-required.js';
import { keywordType } from '../../../src/rules/hlsp/keyword-type.js';
import { keywordValue } from '../../../src/rules/hlsp/keyword-value.js';
import { metadataProfile } from '../../../src/rules/hlsp/metadata-profile.js';
import { nameHeaderMatch } from '../../../src/rules/hlsp/name-header-match.js';
import { impliedValue } from '../../../src/rules/hlsp/support/expected.js';
import type { FitsRule } from '../../../src/types.js';
import { ecsv, runContentRules } from '../../support/content.js';
import { DEMO_CONFIG, setCard } from '../../support/demo.js';
import { card, fitsFile } from '../../support/fits-builder.js';
import { IMAGE, type Mutation, primary } from '../../support/keyword-corpus.js';
import { runFitsRules } from '../../support/rule-harness.js';
import { demoHdus } from './run-hlsp-rule.js';

const NAME = IMAGE.split('/').pop()!;
const SETTINGS = {
  project: DEMO_CONFIG.project,
  doi: DEMO_CONFIG.doi,
  lead: DEMO_CONFIG.lead,
  title: DEMO_CONFIG.title,
  version: DEMO_CONFIG.version,
};

function hintFor(rule: FitsRule, keyword: string, mutate: Mutation, settings = SETTINGS): string | undefined {
  const findings = runFitsRules(fitsFile(demoHdus(IMAGE, mutate)), [rule], {
    name: NAME,
    settings,
    profiles: [],
  });
  return findings.find((f) => f.keyword === keyword)?.hint;
}

describe('hints carry the expected value', () => {
  it("names LICENSE's and LICENURL's only allowed values when they are missing", () => {
    expect(hintFor(keywordRequired, 'LICENSE', (h) => setCard(primary(h), 'LICENSE', null))).toBe(
      "add LICENSE = 'CC BY 4.0' to the primary header",
    );
    expect(hintFor(keywordRequired, 'LICENURL', (h) => setCard(primary(h), 'LICENURL', null))).toBe(
      "add LICENURL = 'https://creativecommons.org/licenses/by/4.0/' to the primary header",
    );
  });

  it('names the filter the file name implies when FILTER is missing', () => {
    const hint = hintFor(keywordRequired, 'FILTER', (h) => {
      for (const hdu of h) setCard(hdu.cards, 'FILTER', null);
    });
    expect(hint).toContain("FILTER = 'F200W'");
  });

  it('names the values the name and the config give for the other common keywords', () => {
    const cases: [string, string][] = [
      ['HLSPLEAD', "HLSPLEAD = 'Ada Example'"],
      ['HLSPID', "HLSPID = 'NIRDEMO'"],
      ['HLSPVER', "HLSPVER = 'v1.0'"],
      ['DOI', "DOI = '10.17909/demo-0001'"],
      ['TELESCOP', "TELESCOP = 'JWST'"],
      ['INSTRUME', "INSTRUME = 'NIRCAM'"],
    ];
    for (const [keyword, expected] of cases)
      expect(
        hintFor(keywordRequired, keyword, (h) => setCard(primary(h), keyword, null)),
        keyword,
      ).toBe(`add ${expected} to the primary header`);
  });

  it('names no value it does not know: no lead without a config, no DOI from a placeholder', () => {
    const drop = (keyword: string) => (h: Parameters<Mutation>[0]) => setCard(primary(h), keyword, null);
    expect(
      hintFor(keywordRequired, 'HLSPLEAD', drop('HLSPLEAD'), { project: 'nirdemo' } as typeof SETTINGS),
    ).toBe('add HLSPLEAD to the primary header');
    expect(hintFor(keywordRequired, 'DOI', drop('DOI'), { ...SETTINGS, doi: '10.17909/xxxx-xxxx' })).toBe(
      'add DOI to the primary header',
    );
  });

  it('names the value for an empty keyword and for a value of the wrong form', () => {
    expect(
      hintFor(keywordType, 'LICENSE', (h) => setCard(primary(h), 'LICENSE', card('LICENSE', null))),
    ).toBe("set LICENSE = 'CC BY 4.0'");
    expect(
      hintFor(keywordValue, 'DOI', (h) => setCard(primary(h), 'DOI', card('DOI', 'doi:demo-0001'))),
    ).toBe("set DOI = '10.17909/demo-0001'");
  });

  it('names the filter the name implies when the header gives another', () => {
    const hint = hintFor(nameHeaderMatch, 'FILTER', (h) => {
      for (const hdu of h.slice(1)) setCard(hdu.cards, 'FILTER', card('FILTER', 'F444W'));
    });
    expect(hint).toContain("set FILTER = 'F200W' if the name is right");
    expect(
      hintFor(nameHeaderMatch, 'TELESCOP', (h) => setCard(primary(h), 'TELESCOP', card('TELESCOP', 'HST'))),
    ).toBe("set TELESCOP = 'JWST' if the name is right, or rename the file");
  });

  it('names LICENSE in the metadata of a table', async () => {
    const text = ecsv(
      ['datatype:', '- {name: RA, datatype: float64}', 'meta:', '  HLSPID: NIRDEMO'],
      ['RA', '1'],
    );
    const findings = await runContentRules(
      [metadataProfile],
      'hlsp_nirdemo_jwst_nircam_smacs0723_multi_v1.0_cat.ecsv',
      text,
      { settings: SETTINGS },
    );
    expect(findings.find((f) => f.keyword === 'LICENSE')?.hint).toBe(
      "add LICENSE: 'CC BY 4.0' to the file's metadata",
    );
    expect(findings.find((f) => f.keyword === 'HLSPLEAD')?.hint).toBe(
      "add HLSPLEAD: 'Ada Example' to the file's metadata",
    );
  });
});

describe('impliedValue', () => {
  const fields = (name: string) => parseName(name);
  it('takes the one filter of opt-elem, leaving out CLEAR, and none from several', () => {
    expect(impliedValue('FILTER', fields('hlsp_p_jwst_nircam_t_clear-f200w_v1_img.fits'), {})).toBe('F200W');
    expect(
      impliedValue('FILTER', fields('hlsp_p_jwst_nircam_t_f150w-f200w_v1_img.fits'), {}),
    ).toBeUndefined();
    expect(impliedValue('FILTER', fields('hlsp_p_jwst_nircam_t_multi_v1_img.fits'), {})).toBeUndefined();
  });
  it('takes the instrument without its channel', () => {
    expect(impliedValue('INSTRUME', fields('hlsp_p_hst_acs-wfc_t_f814w_v1_drz.fits'), {})).toBe('ACS');
  });
});
