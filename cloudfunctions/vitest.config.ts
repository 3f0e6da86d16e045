import { defineConfig } from 'vitest/config'

// Integration tests of the Lambda handlers against one DynamoDB Local that
// the global setup starts on a free port. Each test file creates its own
// tables under a unique prefix.
export default defineConfig({
  test: {
    name: 'cloudfunctions',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./test/global-setup.ts'],
    // The tests run on Node 20, which the AWS SDK warns about in every
    // worker. Lambda runs Node 22, so the warning does not apply.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
