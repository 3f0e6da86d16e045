import Taro from '@tarojs/taro'

export type ConfirmRequest = {
  title: string
  content: string
  confirmText: string
  cancelText: string
}

// Asks a yes-or-no question in the platform's modal dialog. Resolves false
// when the user cancels or the dialog fails to open.
export type Confirm = (request: ConfirmRequest) => Promise<boolean>

export const taroConfirm: Confirm = async (request) => {
  try {
    const result = await Taro.showModal(request)
    return result.confirm
  } catch {
    return false
  }
}
