import type { MastRule } from '../../types.js';

export const programExists: MastRule = {
  meta: {
    id: 'mast/program-exists',
    description:
      "PROPOSID names a JWST program that MAST has data for, and the product's sources belong to it.",
    severity: 'error',
    scope: 'mast',
    source: 'MAST Portal API, Mast.Caom.Filtered (obs_collection JWST, proposal_id)',
  },
  check(context, report) {
    const program = context.program;
    if (!program) return;
    if (!program.known) {
      report({
        keyword: 'PROPOSID',
        message: `PROPOSID = '${program.id}' is not a JWST program with data in MAST`,
        hint: 'use the JWST program number the data came from, e.g. 2736',
      });
      return;
    }
    const foreign = context.sources.filter(
      (source) => context.observations.has(source.obsId) && !source.programs.includes(program.id),
    );
    if (foreign.length > 0 && context.sources.every((source) => !source.programs.includes(program.id))) {
      report({
        keyword: 'PROPOSID',
        message: `PROPOSID = '${program.id}', but the sources come from program ${[...new Set(foreign.flatMap((s) => s.programs))].join(', ')}`,
        hint: 'set PROPOSID to the program of the source data (or MULTI-style numbered keywords for several)',
        severity: 'warning',
      });
    }
  },
};
