import { defineConfig } from 'vitest/config'

// End-to-end tests: one local stack for the whole run, headless Chromium
// against the H5 build. Files run one after another because they share it.
export default defineConfig({
  test: {
    root: __dirname,
    include: ['**/*.e2e.ts'],
    globalSetup: ['./global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
})
