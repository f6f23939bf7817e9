/**
 * The layering of src/ (docs/architecture.md), checked by `npm run deps` as part of `npm test`.
 * Readers (fits, naming) sit at the bottom; rules read them; the engine runs whatever rules it is
 * given; the api assembles a run; the cli is a client of the api.
 */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'Import cycles hide the layering.', from: {}, to: { circular: true } },
    {
      name: 'engine-knows-no-rules',
      severity: 'error',
      comment: 'The rule set is an input of the engine; it imports no rule module.',
      from: { path: '^src/engine/' },
      to: { path: '^src/rules/' },
    },
    {
      name: 'report-knows-no-rules',
      severity: 'error',
      comment: 'Formatters get the rule metadata in their context.',
      from: { path: '^src/report/' },
      to: { path: '^src/rules/' },
    },
    {
      name: 'rules-know-no-engine',
      severity: 'error',
      comment: 'A rule reads its context; it does not reach into the engine, the api or the cli.',
      from: { path: '^src/rules/' },
      to: { path: '^src/(engine|api|cli)/' },
    },
    {
      name: 'readers-sit-below',
      severity: 'error',
      comment: 'The readers know nothing of rules, engine, api or cli.',
      from: { path: '^src/(fits|naming|discover)/' },
      to: { path: '^src/(rules|engine|api|cli|mast)/' },
    },
    {
      name: 'nothing-imports-the-cli',
      severity: 'error',
      comment: 'The command line is a client of the library, never the other way round.',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
