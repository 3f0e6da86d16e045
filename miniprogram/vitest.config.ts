import path from 'node:path'
import { defineConfig } from 'vitest/config'

const localModules = path.resolve(__dirname, 'node_modules')
const stubs = path.resolve(__dirname, 'test', 'stubs')

// Component tests in jsdom. Taro's own packages need a mini-program or the
// H5 runtime, so small stand-ins replace them. React 18 lives in
// miniprogram/node_modules while the root contains React 19 for other
// packages, so React is aliased. @testing-library/react ships only
// CommonJS, which Node would resolve to React 19 past the alias, so the
// optimizer bundles it and the React packages with the alias applied.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@tarojs\/taro$/, replacement: path.join(stubs, 'taro.ts') },
      {
        find: /^@tarojs\/components$/,
        replacement: path.join(stubs, 'components.tsx'),
      },
      { find: /^react$/, replacement: path.join(localModules, 'react') },
      { find: /^react\/(.*)$/, replacement: `${localModules}/react/$1` },
      {
        find: /^react-dom$/,
        replacement: path.join(localModules, 'react-dom'),
      },
      {
        find: /^react-dom\/(.*)$/,
        replacement: `${localModules}/react-dom/$1`,
      },
    ],
  },
  esbuild: { jsx: 'automatic' },
  test: {
    name: 'miniprogram',
    root: __dirname,
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    // A device zone far from the city's, so a date shown in the device's
    // zone instead of Asia/Shanghai fails the tests.
    env: { TZ: 'America/Los_Angeles' },
    deps: {
      optimizer: {
        web: {
          enabled: true,
          include: [
            '@testing-library/react',
            'react',
            'react/jsx-runtime',
            'react/jsx-dev-runtime',
            'react-dom',
            'react-dom/client',
            'react-dom/test-utils',
            'react-i18next',
          ],
        },
      },
    },
  },
})
