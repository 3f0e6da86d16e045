import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Screen } from '../../components/Screen'
import { usePageVisible } from '../../components/usePageVisible'
import { currentLanguage } from '../../i18n'
import { deviceExpiry, loadPass, type StoredPass } from '../../pass/storedPass'
import { QrCanvas } from '../../qr/QrCanvas'
import { useServices } from '../../services/services'
import { formatCityClock, formatCityDateTime } from '../../time/cityTime'
import { useTicker } from './useTicker'

// Side of the QR canvas in CSS pixels.
const QR_SIZE = 240

function ColorBlock({ pass, expired }: { pass: StoredPass; expired: boolean }) {
  const { t } = useTranslation()
  const color = pass.pass.color
  const modifier = expired ? 'expired' : (color ?? 'hidden')
  return (
    <View
      id='pass-color'
      data-color={color ?? 'hidden'}
      className={`color-block color-block--${modifier}`}
    >
      <Text className='color-block__name'>
        {color === null ? t('pass.hiddenColor') : t(`home.colors.${color}`)}
      </Text>
      {color === null && (
        <Text className='color-block__person'>{t('pass.hiddenColorNote')}</Text>
      )}
    </View>
  )
}

// A clock with seconds over a sweeping bar. A screenshot or a recording
// replayed later shows a stale time, so the guard can tell it from the
// live screen.
function LiveMark({ now }: { now: Date }) {
  const { t } = useTranslation()
  return (
    <View id='pass-live' className='live'>
      <Text className='live__time'>
        {t('pass.live', { time: formatCityClock(now.toISOString()) })}
      </Text>
      <View className='live__track'>
        <View className='live__bar' />
      </View>
    </View>
  )
}

export default function PassPage() {
  const { t, i18n } = useTranslation()
  const lang = currentLanguage(i18n)
  const { store, clock, navigator } = useServices()
  const visible = usePageVisible()
  const [stored] = useState(() => loadPass(store))
  const now = useTicker(visible, clock)

  if (stored === null) {
    return (
      <Screen title={t('pass.title')} notice={null}>
        <Text id='pass-missing' className='intro'>
          {t('pass.missing')}
        </Text>
        <Button
          id='pass-scan-again'
          className='button button--primary'
          onClick={() => navigator.replace('checkin')}
        >
          {t('pass.scanAgain')}
        </Button>
      </Screen>
    )
  }

  const millisecondsLeft = deviceExpiry(stored) - now.getTime()
  const secondsLeft = Math.max(0, Math.ceil(millisecondsLeft / 1000))
  const expired = secondsLeft === 0

  return (
    <Screen title={t('pass.title')} notice={null}>
      <ColorBlock pass={stored} expired={expired} />
      <View className='card'>
        <Text id='pass-venue' className='pass__venue'>
          {stored.checkin.venueName}
        </Text>
        <Text id='pass-time' className='card__line'>
          {t('pass.checkedInAt', {
            time: formatCityDateTime(stored.checkin.at, lang),
          })}
        </Text>
      </View>
      <LiveMark now={now} />
      <View className='qr'>
        {!expired && (
          <QrCanvas id='pass-qr' text={stored.pass.token} size={QR_SIZE} />
        )}
        <Text
          id='pass-expires'
          data-expired={expired ? 'true' : 'false'}
          className={expired ? 'pass__expired' : 'qr__caption'}
        >
          {expired
            ? t('pass.expired')
            : t('pass.validFor', { seconds: secondsLeft })}
        </Text>
      </View>
      {expired && (
        <Button
          id='pass-scan-again'
          className='button button--primary'
          onClick={() => navigator.replace('checkin')}
        >
          {t('pass.scanAgain')}
        </Button>
      )}
      <Button
        id='pass-home'
        className='button button--plain'
        onClick={() => navigator.back()}
      >
        {t('pass.home')}
      </Button>
    </Screen>
  )
}
