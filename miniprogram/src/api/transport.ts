import Taro from '@tarojs/taro'
import { stringHeaders, type Transport } from './http'

const TIMEOUT_MS = 15_000

// Sends requests with Taro.request. WeChat and the H5 build resolve every
// HTTP response, error statuses included, and reject only when no response
// arrived.
export const sendRequest: Transport = async (request) => {
  try {
    const response = await Taro.request({
      url: request.url,
      method: request.method,
      header: { ...request.headers },
      data: request.body,
      dataType: 'json',
      timeout: TIMEOUT_MS,
    })
    return {
      kind: 'response',
      status: response.statusCode,
      body: response.data,
      headers: stringHeaders(response.header),
    }
  } catch {
    return { kind: 'network-error' }
  }
}
