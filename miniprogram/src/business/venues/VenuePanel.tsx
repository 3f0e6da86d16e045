import { Button, Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiFailure } from '../../api/client'
import type { Failure } from '../../api/failure'
import { disabledWhen } from '../../components/disabledWhen'
import { FieldError } from '../../components/Feedback'
import { parsePhone, type Venue, type VenueStats } from '../../contract'
import { useServices } from '../../services/services'
import { lastCityDays } from '../../time/statsRange'

const STATS_DAYS = 7

type Props = {
  venue: Venue
  fieldMessages: Readonly<Record<string, string>>
  onFailure: (failure: Failure) => void
  onMessage: (message: string) => void
}

// Guards and daily counts of the selected venue.
export function VenuePanel({
  venue,
  fieldMessages,
  onFailure,
  onMessage,
}: Props) {
  const { t } = useTranslation()
  const { api, clock } = useServices()
  const [phone, setPhone] = useState('')
  const [busy, setBusy] = useState(false)
  const [stats, setStats] = useState<VenueStats | null>(null)

  useEffect(() => {
    let cancelled = false
    setStats(null)
    const range = lastCityDays(clock(), STATS_DAYS)
    void api.getVenueStats(venue.id, range).then((result) => {
      if (cancelled) return
      if (result.kind === 'ok') setStats(result.value)
      else onFailure(result)
    })
    return () => {
      cancelled = true
    }
  }, [api, clock, venue.id, onFailure])

  const addGuard = async () => {
    const parsed = parsePhone(phone)
    if (parsed.kind === 'invalid') {
      onFailure({
        kind: 'invalid',
        fields: [{ field: 'phone', code: parsed.code }],
      })
      return
    }
    setBusy(true)
    const result = await api.addGuard(venue.id, { phone: parsed.phone })
    setBusy(false)
    if (result.kind !== 'ok') {
      onFailure(result satisfies ApiFailure)
      return
    }
    setPhone('')
    onMessage(t('business.guardAdded', { phone: result.value.maskedPhone }))
  }

  return (
    <View className='form'>
      <Text className='form__label'>
        {t('business.manage', { name: venue.name })}
      </Text>
      <Text className='form__label'>{t('business.guardPhone')}</Text>
      <Input
        id='venue-guard-phone'
        className='form__input'
        value={phone}
        onInput={(event) => setPhone(event.detail.value)}
      />
      <FieldError field='phone' messages={fieldMessages} />
      <Button
        id='venue-guard-add'
        className='button button--secondary'
        disabled={disabledWhen(busy)}
        onClick={() => void addGuard()}
      >
        {t('business.guardAdd')}
      </Button>
      <Text className='form__label'>{t('business.stats')}</Text>
      <View id='venue-stats' className='stats'>
        {stats?.days.map((day) => (
          <Text key={day.date} data-date={day.date} className='stats__day'>
            {t('business.statsDay', {
              date: day.date,
              checkins: day.checkins,
              denied: day.denied,
            })}
          </Text>
        ))}
      </View>
    </View>
  )
}
