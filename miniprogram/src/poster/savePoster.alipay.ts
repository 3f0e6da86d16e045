import Taro from '@tarojs/taro'
import type { PosterSaver } from './types'

type AlipayDownload = { tempFilePath: string; statusCode?: number }

// Downloads the poster PDF with the bearer token in the header and opens it
// with my.openDocument, which shows PDF files only. Taro 4.2's Alipay
// adapter returns my.downloadFile's apFilePath as tempFilePath.
// NOTE: Alipay's my.downloadFile documents no status code, so a download
// without one counts as a success. This has not been run on a device.
export const savePoster: PosterSaver = async (request) => {
  let download: AlipayDownload
  try {
    download = await Taro.downloadFile({
      url: request.url,
      header: { ...request.headers },
    })
  } catch {
    return { kind: 'network' }
  }
  const status = download.statusCode
  if (status !== undefined && status !== 200) {
    return { kind: 'unexpected', status }
  }
  try {
    await Taro.openDocument({
      filePath: download.tempFilePath,
      fileType: 'pdf',
    })
  } catch {
    return { kind: 'open-failed' }
  }
  return { kind: 'saved' }
}
