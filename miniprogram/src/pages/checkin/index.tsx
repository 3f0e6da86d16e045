import { Button, Input, Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiFailure } from '../../api/client'
import type { Notice } from '../../api/failure'
import { disabledWhen } from '../../components/disabledWhen'
import { Screen } from '../../components/Screen'
import { useFailure } from '../../components/useFailure'
import {
  followDecision,
  routeForStatus,
} from '../../navigation/startRoute'
import { usePageParam } from '../../navigation/pageParams'
import { takeVenueCode } from '../../scan/venueLink'
import { useServices } from '../../services/services'
import { useCheckin } from './useCheckin'

type Hint = 'codeMissing' | 'scanFailed'

export default function CheckinPage() {
  const { t } = useTranslation()
  const { scanner, session, navigator } = useServices()
  const { failure, notice, setFailure } = useFailure()
  const [code, setCode] = useState('')
  const [hint, setHint] = useState<Hint | null>(null)

  // A failure that implies where the user belongs (sign-in, registration,
  // questionnaire) sends them there.
  const report = useCallback(
    (result: ApiFailure | null) => {
      if (result === null) setFailure(null)
      else {
        followDecision(routeForStatus(result), session, navigator, setFailure)
      }
    },
    [session, navigator, setFailure],
  )
  const checkin = useCheckin(report)

  // A poster scanned outside the app arrives as the `q` option (WeChat and
  // Alipay) or as a code kept when the browser opened its URL (H5). Either
  // way the resident meant to check in, so the page does it once.
  const scannedOutside = usePageParam('q')
  const started = useRef(false)
  useEffect(() => {
    if (started.current) return
    started.current = true
    const pending = scannedOutside ?? takeVenueCode()
    if (pending === null) return
    setCode(pending)
    checkin.checkIn(pending)
  }, [scannedOutside, checkin])

  // A lost check-in gets its own words: the user should retry, and the
  // retry cannot count twice.
  const banner: Notice | null =
    failure?.kind === 'network'
      ? { title: t('checkin.networkTitle'), detail: t('checkin.network') }
      : notice

  const submitPasted = () => {
    const text = code.trim()
    if (text === '') {
      setHint('codeMissing')
      return
    }
    setHint(null)
    checkin.checkIn(text)
  }

  const scan = async () => {
    if (scanner.kind !== 'camera' || checkin.busy) return
    const outcome = await scanner.scan()
    switch (outcome.kind) {
      case 'scanned':
        setHint(null)
        checkin.checkIn(outcome.text.trim())
        return
      case 'cancelled':
        return
      case 'failed':
        setHint('scanFailed')
        return
    }
  }

  return (
    <Screen title={t('checkin.title')} notice={banner}>
      <Text className='intro'>{t('checkin.intro')}</Text>
      <View className='form'>
        {scanner.kind === 'camera' ? (
          <Button
            id='checkin-scan'
            className='button button--primary'
            disabled={disabledWhen(checkin.busy)}
            onClick={() => void scan()}
          >
            {t('checkin.scan')}
          </Button>
        ) : (
          <View className='paste'>
            <Text className='form__label'>{t('checkin.code')}</Text>
            <Input
              id='checkin-code'
              className='form__input'
              value={code}
              maxlength={-1}
              placeholder={t('checkin.codePlaceholder')}
              onInput={(event) => setCode(event.detail.value)}
            />
            <Button
              id='checkin-submit'
              className='button button--primary'
              disabled={disabledWhen(checkin.busy)}
              onClick={submitPasted}
            >
              {t('checkin.submit')}
            </Button>
          </View>
        )}
        {hint !== null && (
          <Text id='checkin-hint' className='field-error'>
            {t(`checkin.${hint}`)}
          </Text>
        )}
        {checkin.canRetry && (
          <Button
            id='checkin-retry'
            className='button button--secondary'
            disabled={disabledWhen(checkin.busy)}
            onClick={checkin.retry}
          >
            {t('checkin.retry')}
          </Button>
        )}
      </View>
    </Screen>
  )
}
