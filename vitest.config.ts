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
];

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
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: NEEDS_BUILD } },
      {
        extends: true,
        test: {
          name: 'build',
          include: NEEDS_BUILD.map((glob) => (glob.endsWith('**') ? `${glob}/*.test.ts` : glob)),
        },
      },
    ],
  },
});
