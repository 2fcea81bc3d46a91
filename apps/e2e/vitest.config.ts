import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: one server (built API + apps on a fresh database) for the whole run,
// files one after another (one Chromium at a time on a 2-core machine).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
