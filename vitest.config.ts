import { defineConfig } from 'vitest/config'

// Unit and integration tests of every workspace. The end-to-end tests have
// their own config because they need the H5 build and the whole stack.
export default defineConfig({
  test: {
    projects: ['shared', 'cloudfunctions', 'miniprogram'],
  },
})
