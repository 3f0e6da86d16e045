import { Button, Text, View } from '@tarojs/components'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiFailure } from '../../api/client'
import { Screen } from '../../components/Screen'
import { useFailure } from '../../components/useFailure'
import { usePageVisible } from '../../components/usePageVisible'
import type { ResidentProfile, ResidentStatus } from '../../contract'
import { currentLanguage } from '../../i18n'
import {
  followDecision,
  routeForStatus,
} from '../../navigation/startRoute'
import { QrCanvas } from '../../qr/QrCanvas'
import { greenAtText } from '../../reasons/greenAt'
import { ReasonList } from '../../reasons/ReasonList'
import { hasVenueCode } from '../../scan/venueLink'
import { useServices } from '../../services/services'
import { formatCityClock } from '../../time/cityTime'
import { SectionLinks } from './SectionLinks'
import { useResidentCode } from './useResidentCode'

type RatedStatus = Extract<ResidentStatus, { rated: true }>

// Side of the QR canvas in CSS pixels.
const QR_SIZE = 280

export default function HomePage() {
  const { t, i18n } = useTranslation()
  const lang = currentLanguage(i18n)
  const { api, session, navigator } = useServices()
  const { notice, setFailure } = useFailure()
  const visible = usePageVisible()
  const [profile, setProfile] = useState<ResidentProfile | null>(null)
  const [status, setStatus] = useState<RatedStatus | null>(null)
  const [statusVersion, setStatusVersion] = useState(0)
  const [qrFailed, setQrFailed] = useState(false)

  // A failure that implies where the user belongs (sign-in, registration,
  // questionnaire) sends them there. Others show in the banner.
  const fail = useCallback(
    (failure: ApiFailure) =>
      followDecision(routeForStatus(failure), session, navigator, setFailure),
    [session, navigator, setFailure],
  )

  const code = useResidentCode(visible, fail)
  // Read again on each show, because the business registration page
  // renews the session with new roles.
  const current = useMemo(() => session.load(), [session, visible])

  // Reasons come in the language of the request, so a language switch loads
  // the status again.
  useEffect(() => {
    if (!visible) return
    let cancelled = false
    void Promise.all([api.getProfile(), api.getStatus()]).then(
      ([profileResult, statusResult]) => {
        if (cancelled) return
        if (statusResult.kind !== 'ok' || !statusResult.value.rated) {
          const decision = routeForStatus(statusResult)
          followDecision(decision, session, navigator, fail)
          return
        }
        setStatus(statusResult.value)
        if (profileResult.kind === 'ok') setProfile(profileResult.value)
        else fail(profileResult)
      },
    )
    return () => {
      cancelled = true
    }
  }, [visible, i18n.language, statusVersion, api, session, navigator, fail])

  // A code in another color means the rating changed since the status was
  // loaded, for instance when a quarantine ended.
  // One reload per code, so a server whose status and code disagree does
  // not cause a reload loop.
  const reloadedForToken = useRef<string | null>(null)
  useEffect(() => {
    if (code === null || status === null || code.color === status.color) {
      return
    }
    if (reloadedForToken.current === code.token) return
    reloadedForToken.current = code.token
    setStatusVersion((version) => version + 1)
  }, [code, status])

  // A venue code kept from a poster scanned outside the app takes the
  // resident on to check-in once the code is known to be rated.
  useEffect(() => {
    if (status !== null && hasVenueCode()) navigator.open('checkin')
  }, [status, navigator])

  const signOut = () => {
    session.clear()
    navigator.go('login')
  }

  return (
    <Screen title={t('home.title')} notice={notice}>
      {status !== null && (
        <View
          id='home-color'
          data-color={status.color}
          className={`color-block color-block--${status.color}`}
        >
          <Text className='color-block__name'>
            {t(`home.colors.${status.color}`)}
          </Text>
          {profile !== null && (
            <Text id='home-name' className='color-block__person'>
              {profile.maskedName}
            </Text>
          )}
        </View>
      )}

      <View className='qr'>
        <QrCanvas
          id='home-qr'
          text={code?.token ?? null}
          size={QR_SIZE}
          onDrawn={(drawn) => setQrFailed(!drawn)}
        />
        <Text className='qr__caption'>
          {qrFailed
            ? t('home.codeUnavailable')
            : code !== null
              ? t('home.codeExpires', { time: formatCityClock(code.expiresAt) })
              : ''}
        </Text>
      </View>

      <SectionLinks session={current} />

      {status !== null && (
        <View className='card'>
          <Text id='home-until' className='card__line'>
            {greenAtText(t, status.color, status.until, lang)}
          </Text>
          <View id='home-reasons' className='reasons'>
            <Text className='reasons__title'>{t('home.reasons')}</Text>
            <ReasonList reasons={status.reasons} />
          </View>
          {status.reasons.length > 0 && (
            <Button
              id='home-appeal'
              className='button button--plain'
              onClick={() => navigator.open('appeals')}
            >
              {t('home.appeal')}
            </Button>
          )}
        </View>
      )}

      <Button
        id='home-answer-again'
        className='button button--secondary'
        onClick={() => navigator.go('questionnaire')}
      >
        {t('home.answerAgain')}
      </Button>
      <Button
        id='home-sign-out'
        className='button button--plain'
        onClick={signOut}
      >
        {t('home.signOut')}
      </Button>
    </Screen>
  )
}
