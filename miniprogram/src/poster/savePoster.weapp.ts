import Taro from '@tarojs/taro'
import type { PosterSaver } from './types'

// Downloads the poster PDF with the bearer token in the header and opens it
// in WeChat's document viewer, whose menu saves or forwards it.
// NOTE: an error response is reported by its status only, because WeChat
// writes its body to a file instead of returning it.
export const savePoster: PosterSaver = async (request) => {
  let download: Taro.downloadFile.FileSuccessCallbackResult
  try {
    download = await Taro.downloadFile({
      url: request.url,
      header: { ...request.headers },
    })
  } catch {
    return { kind: 'network' }
  }
  if (download.statusCode !== 200) {
    return { kind: 'unexpected', status: download.statusCode }
  }
  try {
    await Taro.openDocument({
      filePath: download.tempFilePath,
      fileType: 'pdf',
      showMenu: true,
    })
  } catch {
    return { kind: 'open-failed' }
  }
  return { kind: 'saved' }
}
