// A mini-program has no origin of its own, so it calls the API at a fixed
// address: TARO_APP_API_BASE at build time, else the local stack.
export const API_BASE =
  process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000'
