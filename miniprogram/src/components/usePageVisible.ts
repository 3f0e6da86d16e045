import { useDidHide, useDidShow } from '@tarojs/taro'
import { useState } from 'react'

// True while the page is on screen: between Taro's onShow and onHide.
export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(false)
  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))
  return visible
}
