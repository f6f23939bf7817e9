import { defineConfig } from 'vitest/config';

/** Tests that run the built tool (dist/), a browser, or worker threads: `npm test` runs them too. */
const NEEDS_BUILD = [
  'test/cli/**',
  'test/packaging/**',
  'test/engine/pool.test.ts',
  'test/engine/workers.test.ts',
  'test/discover/discover.test.ts',
  'test/fixtures/oracle.test.ts',
  'test/report/html.browser.test.ts',
  'test/ci/**',
  'test/docs/quick-start.test.ts',
];

/**
 * Tests that ask other tools (astropy, fpack, scripts run by tsx) or build large inputs (a
 * 10,000-member zip): `npm test` runs them, the edit–test loop does not.
 */
const SLOW_OR_ORACLE = [
  'test/archive/many-members.test.ts',
  'test/scripts/new-rule.test.ts',
  'test/readers/ecsv-oracle.test.ts',
  'test/readers/votable-oracle.test.ts',
  'test/readers/asdf-oracle.test.ts',
  'test/readers/real-images.test.ts',
  'test/fits/compression/oracle.test.ts',
  'test/fits/compression/twin.test.ts',
  'test/units/oracle.test.ts',
];

const FULL_ONLY = [...NEEDS_BUILD, ...SLOW_OR_ORACLE];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A rule that throws is rethrown, not reported: no test can pass over a crash that an
    // `internal/rule-crashed` finding would hide (the containment tests turn this off for their runs).
    env: { HLSP_RETHROW_RULE_ERRORS: '1' },
    projects: [
      // `npm run test:unit`: the edit–test loop, no build needed.
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: FULL_ONLY } },
      {
        extends: true,
        test: {
          name: 'build',
          include: FULL_ONLY.map((glob) => (glob.endsWith('**') ? `${glob}/*.test.ts` : glob)),
        },
      },
    ],
  },
});
