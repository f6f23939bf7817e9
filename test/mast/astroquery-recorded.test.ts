/**
 * Real MAST answers (astroquery's recorded test data, fixtures/mast-recorded/astroquery) through
 * our client and rules: the envelope is accepted, the fields the rules read are found or their
 * absence is reported, and every s_region MAST sent is read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAOM_COLUMNS, missingColumns } from '../../src/mast/columns.js';
import { finishedAnswerProblem } from '../../src/mast/envelope.js';
import { exclusiveAccess } from '../../src/rules/mast/exclusive-access.js';
import { footprintOverlap } from '../../src/rules/mast/footprint-overlap.js';
import { parseStcs } from '../../src/rules/mast/support/stcs.js';
import { runMastRule } from '../rules/mast/run-mast-rule.js';
import { useFakeMast } from '../support/fake-mast-harness.js';

type Answer = { data?: Record<string, unknown>[]; results?: Record<string, unknown>[] };
const DIR = new URL('../../fixtures/mast-recorded/astroquery/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, DIR), 'utf8');
const answer = (name: string) => JSON.parse(text(name)) as Answer;
const PORTAL = ['caom.json', 'advSearch.json', 'advSearchPos.json'];

const mast = useFakeMast('hlsp-mast-astroquery-');

describe("astroquery's recorded MAST answers", () => {
  it.each(PORTAL)(
    '%s is a finished Portal answer our client accepts and returns row for row',
    async (name) => {
      expect(finishedAnswerProblem(answer(name), 'portal')).toBeNull();
      mast.server.faults.push({ kind: 'recorded', body: text(name) });
      const c = mast.client();
      const rows = await c.filtered([{ paramName: 'obs_collection', values: ['HST'] }], CAOM_COLUMNS);
      await c.close();
      expect(rows).toEqual(answer(name).data);
      expect(mast.server.requests).toHaveLength(1);
    },
  );

  it('a Mission Search answer is accepted; one without results is refused, also from the cache', async () => {
    expect(finishedAnswerProblem(answer('mission_results.json'), 'mission')).toBeNull();
    expect(finishedAnswerProblem(answer('mission_incorrect_results.json'), 'mission')).toBe(
      'results is not a list',
    );
    mast.server.faults.push({ kind: 'recorded', body: text('mission_results.json') });
    const c = mast.client({ pagesize: 10 });
    const rows = await c.missionSearch([{ sci_pep_id: '12557' }], ['sci_data_set_name']);
    expect(rows).toEqual(answer('mission_results.json').results);
    // A malformed answer is retried (a proxy's page, most likely), then the real one is used.
    mast.server.faults.push({ kind: 'recorded', body: text('mission_incorrect_results.json') });
    const retried = await c.missionSearch([{ sci_pep_id: '1' }], ['fileSetName']);
    await c.close();
    expect(retried).toEqual([]);
    expect(mast.server.requests).toHaveLength(3);
  });

  it('names the CAOM columns the rules read that these rows lack', () => {
    for (const name of PORTAL)
      for (const row of answer(name).data!)
        expect(missingColumns(row, CAOM_COLUMNS)).toEqual(['dataRights', 'intentType', 'mtFlag']);
  });

  it('takes t_obs_release alone as the access answer, and warns when a row has neither column', () => {
    // A real row, with a JWST obs_id so that a product can name it as its source.
    const row = { ...answer('advSearch.json').data![0]!, obs_id: 'jw02736-o001_t001_nircam_clear-f200w' };
    expect(row).not.toHaveProperty('dataRights');
    const findings = runMastRule(exclusiveAccess, { provenance: [String(row.obs_id)], rows: [row] });
    expect(findings.map((f) => f.message)).toEqual([]);
    const silent = { ...row, t_obs_release: null };
    expect(
      runMastRule(exclusiveAccess, { provenance: [String(row.obs_id)], rows: [silent] })[0]!.message,
    ).toBe(
      "MAST did not say whether the source 'jw02736-o001_t001_nircam_clear-f200w' is public (its answer has no dataRights or t_obs_release)",
    );
  });

  it('reads every s_region MAST sent (GSC1, J2000 and ICRS; polygons and circles)', () => {
    const kinds = new Map<string, number>();
    for (const name of PORTAL)
      for (const row of answer(name).data!) {
        const region = parseStcs(row.s_region);
        expect(region, String(row.s_region)).toHaveProperty('shapes');
        for (const shape of 'shapes' in region ? region.shapes : [])
          kinds.set(shape.kind, (kinds.get(shape.kind) ?? 0) + 1);
      }
    expect(Object.fromEntries(kinds)).toEqual({ polygon: 21, circle: 13 });
  });

  it('compares a product placed at each row with that row’s s_region, and one elsewhere', () => {
    for (const source of answer('caom.json').data!) {
      const row: Record<string, unknown> = { ...source, obs_id: 'jw02736-o001_t001_nircam_clear-f200w' };
      const at = (ra: number, dec: number) =>
        runMastRule(footprintOverlap, {
          header: { RA_TARG: ra, DEC_TARG: dec },
          provenance: [String(row.obs_id)],
          rows: [row],
        });
      expect(at(Number(row.s_ra), Number(row.s_dec))).toEqual([]);
      expect(at(Number(row.s_ra), Number(row.s_dec) > 0 ? -10 : 10)).toHaveLength(1);
    }
  });
});
