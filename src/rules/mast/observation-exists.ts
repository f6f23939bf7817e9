import type { MastRule } from '../../types.js';

export const observationExists: MastRule = {
  meta: {
    id: 'mast/observation-exists',
    description:
      'Every JWST observation or file the product names as its source (FILEIDnn, PROVENANCE, HDRTAB) exists in MAST.',
    severity: 'error',
    scope: 'mast',
    rationale:
      'A source id MAST does not know is a typo, a file from another mission, or data that was reprocessed away; MAST cannot link the HLSP to it.',
    source: 'MAST Portal API, Mast.Caom.Filtered (obs_collection JWST, obs_id)',
  },
  check(context, report) {
    for (const source of context.sources) {
      if (context.observations.has(source.obsId)) continue;
      report({
        message: `the source '${source.raw}' is not a JWST observation in MAST (looked up as obs_id '${source.obsId}')`,
        hint: 'check the id against MAST; stage-3 ids look like jw02736-o001_t001_nircam_clear-f200w, exposures like jw02736001001_02105_00001_nrcb1',
      });
    }
  },
};
