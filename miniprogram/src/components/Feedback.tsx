import { Text, View } from '@tarojs/components'
import type { Notice } from '../api/failure'

export function ErrorBanner({ notice }: { notice: Notice | null }) {
  if (notice === null) return null
  return (
    <View id='error-banner' className='error-banner' role='alert'>
      <Text className='error-banner__title'>{notice.title}</Text>
      <Text className='error-banner__detail'>{notice.detail}</Text>
    </View>
  )
}

// The message for one field, under the field; `field` is the API's field
// path, such as `document.number`.
export function FieldError({
  field,
  messages,
}: {
  field: string
  messages: Readonly<Record<string, string>>
}) {
  const message = messages[field]
  if (message === undefined) return null
  return (
    <Text id={`field-error-${field}`} className='field-error'>
      {message}
    </Text>
  )
}
