// The H5 build calls its own origin unless TARO_APP_API_BASE is set at build
// time, because the local web server passes /v1/* on to the API. That needs
// no CORS and works on any port.
export const API_BASE = process.env.TARO_APP_API_BASE || ''
