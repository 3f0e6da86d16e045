import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  describeFailure,
  type Failure,
  type FailureText,
} from '../api/failure'
import { currentLanguage } from '../i18n'

const NO_TEXT: FailureText = { banner: { title: '', detail: '' }, fields: {} }

// Keeps the last failure of a page and words it in the current language,
// so switching languages re-words a message already on screen.
export function useFailure() {
  const { t, i18n } = useTranslation()
  const [failure, setFailure] = useState<Failure | null>(null)
  const text =
    failure === null
      ? NO_TEXT
      : describeFailure(failure, currentLanguage(i18n), t)
  return {
    failure,
    setFailure,
    notice: failure === null ? null : text.banner,
    fieldMessages: text.fields,
  }
}
