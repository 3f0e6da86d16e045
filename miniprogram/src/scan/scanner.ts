// Taro builds pick scanner.weapp.ts, scanner.alipay.ts or scanner.h5.ts.
// This default serves type checking, the tests and any other Taro target,
// which get the paste field.
export { platformScanner } from './scanner.h5'
