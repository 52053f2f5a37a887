import { defineConfig } from 'vitest/config';

// End-to-end journeys: a real server (built app + SQLite in a temp folder) driven by Debian's
// Chromium through playwright-core. One file at a time: two cores, and each file owns a server.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globalSetup: ['tests/e2e/support/global-setup.ts'],
  },
});
