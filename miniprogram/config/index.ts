import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

const sharedSource = path.resolve(__dirname, '..', '..', 'shared', 'src')
const localModules = path.resolve(__dirname, '..', 'node_modules')

// The API address is baked in at build time. An empty value lets each
// platform pick its default (see src/config/apiBase*.ts).
const apiBase = process.env.TARO_APP_API_BASE ?? ''

export default defineConfig<'webpack5'>(() => {
  const platform = process.env.TARO_ENV ?? 'weapp'
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'healthcode',
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    env: { TARO_APP_API_BASE: JSON.stringify(apiBase) },
    // npm installed React 18 and the Taro React packages under
    // miniprogram/node_modules, because the root node_modules contains the
    // React 19 that @testing-library/react and @tarojs/components-react
    // pulled in. Packages in the root, such as react-i18next and
    // @tarojs/taro-h5, would otherwise resolve React 19 or fail to find the
    // Taro React runtime.
    alias: {
      react: path.join(localModules, 'react'),
      '@tarojs/react': path.join(localModules, '@tarojs', 'react'),
      '@tarojs/plugin-framework-react': path.join(
        localModules,
        '@tarojs',
        'plugin-framework-react',
      ),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // The shared workspace is TypeScript source outside src/.
      compile: { include: [sharedSource] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      // Absolute asset paths, because a venue code URL (/c/<city>/<code>)
      // loads the app below the root. The hash router needs no server
      // rewrites beyond serving index.html for unknown paths.
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedSource] },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }
  return config
})
