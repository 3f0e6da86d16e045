import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { endsSession, type Failure, type Notice } from '../api/failure'
import { useFailure } from '../components/useFailure'
import { useServices } from '../services/services'

// Keeps the outcome of a console section's last action: a success text or
// a failure worded in the current language, with messages per field.
export function useSectionOutcome() {
  const { session, navigator } = useServices()
  const { notice, fieldMessages, setFailure } = useFailure()
  const [success, setSuccess] = useState<string | null>(null)

  const succeed = useCallback(
    (text: string) => {
      setFailure(null)
      setSuccess(text)
    },
    [setFailure],
  )

  // An expired or revoked session leads to sign-in, as on every page.
  const fail = useCallback(
    (failure: Failure) => {
      if (endsSession(failure)) {
        session.clear()
        navigator.go('login')
        return
      }
      setSuccess(null)
      setFailure(failure)
    },
    [session, navigator, setFailure],
  )

  const clear = useCallback(() => {
    setFailure(null)
    setSuccess(null)
  }, [setFailure])

  return { success, notice, fieldMessages, succeed, fail, clear }
}

type ResultProps = {
  id: string
  success: string | null
  notice: Notice | null
}

// The outcome of a section's last action, under its form. `data-outcome`
// is `success` or `error`.
export function SectionResult({ id, success, notice }: ResultProps) {
  if (notice !== null) {
    return (
      <View
        id={id}
        data-outcome='error'
        role='alert'
        className='op-result op-result--error'
      >
        <Text className='error-banner__title'>{notice.title}</Text>
        <Text className='error-banner__detail'>{notice.detail}</Text>
      </View>
    )
  }
  if (success === null) return null
  return (
    <View id={id} data-outcome='success' className='success'>
      <Text>{success}</Text>
    </View>
  )
}
