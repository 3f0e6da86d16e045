// Taro builds pick savePoster.weapp.ts, savePoster.alipay.ts or
// savePoster.h5.ts. This default serves type checking and the tests.
export { savePoster } from './savePoster.h5'
