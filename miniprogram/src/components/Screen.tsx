import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Notice } from '../api/failure'
import { ErrorBanner } from './Feedback'
import { LanguageSwitch } from './LanguageSwitch'

// The frame of every page: title, language choice and the error banner.
export function Screen({
  title,
  notice,
  children,
}: {
  title: string
  notice: Notice | null
  children: ReactNode
}) {
  return (
    <View className='screen'>
      <View className='screen__header'>
        <Text className='screen__title'>{title}</Text>
        <LanguageSwitch />
      </View>
      <ErrorBanner notice={notice} />
      {children}
    </View>
  )
}
