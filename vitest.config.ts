import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs every spec that needs only Node; `*.e2e.spec.ts` specs drive Chromium or LibreOffice and run under
 * `npm run test:e2e` (E2E=1), which .ci/run also runs.
 */
const e2e = process.env.E2E === '1';

export default defineConfig({
  test: {
    include: e2e ? ['test/**/*.e2e.spec.ts'] : ['test/**/*.spec.ts'],
    exclude: e2e ? [] : ['test/**/*.e2e.spec.ts'],
    // Specs that spawn the CLI over whole folders or build the add-ins take seconds, not milliseconds.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'text'],
    },
  },
});
