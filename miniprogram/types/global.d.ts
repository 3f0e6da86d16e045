/// <reference types="@tarojs/taro" />

declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'alipay' | 'h5'
    /** API origin baked in at build time; empty selects the default. */
    TARO_APP_API_BASE?: string
  }
}
