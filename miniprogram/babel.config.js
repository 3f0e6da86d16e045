// babel-preset-taro compiles the TypeScript and JSX of src/ and of the
// shared workspace, which the app imports as source.
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        useBuiltIns: false,
      },
    ],
  ],
}
