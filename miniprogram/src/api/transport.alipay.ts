import Taro from '@tarojs/taro'
import { stringHeaders, type Transport } from './http'

const TIMEOUT_MS = 15_000

type AlipayHttpError = { status: number; data?: unknown }

function isHttpError(error: unknown): error is AlipayHttpError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { status?: unknown }).status === 'number'
  )
}

// Sends requests with Taro.request. Alipay's my.request calls `fail` for
// HTTP error statuses too, with the status and body in the error object,
// so those are turned back into responses here.
// NOTE: this branch follows Alipay's documentation of my.request (error 19,
// "HTTP error"); it has not been run on an Alipay device.
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
  } catch (error) {
    if (isHttpError(error)) {
      return { kind: 'response', status: error.status, body: error.data }
    }
    return { kind: 'network-error' }
  }
}
