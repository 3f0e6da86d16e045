import { Button, Input, Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Failure } from '../../api/failure'
import { disabledWhen } from '../../components/disabledWhen'
import { Screen } from '../../components/Screen'
import { useFailure } from '../../components/useFailure'
import { usePageVisible } from '../../components/usePageVisible'
import type { Venue } from '../../contract'
import {
  followDecision,
  routeForStatus,
} from '../../navigation/startRoute'
import { useServices } from '../../services/services'
import {
  loadGuardVenues,
  loadSelectedVenueId,
  saveSelectedVenueId,
} from '../guardVenues'
import { loadKeys, refreshKeys } from '../keyCache'
import { ManualCheckin } from '../ManualCheckin'
import { readTemperature } from '../temperature'
import { useRedemptionSync } from '../useRedemptionSync'
import { VerdictPanel } from '../VerdictPanel'
import {
  verifyAtCheckpoint,
  type VerdictView,
} from '../verifyAtCheckpoint'

type Hint = 'tokenMissing' | 'temperatureInvalid' | 'keysMissing'

export default function GuardPage() {
  const { t } = useTranslation()
  const { api, store, clock, scanner, session, navigator } = useServices()
  const { notice, fieldMessages, setFailure } = useFailure()
  const visible = usePageVisible()
  const queue = useRedemptionSync(visible)
  const [venues, setVenues] = useState<Venue[] | null>(null)
  const [venueId, setVenueId] = useState(() => loadSelectedVenueId(store))
  const [token, setToken] = useState('')
  const [temperature, setTemperature] = useState('')
  const [hint, setHint] = useState<Hint | null>(null)
  const [view, setView] = useState<VerdictView | null>(null)
  const [hasKeys, setHasKeys] = useState(() => loadKeys(store) !== null)
  const [busy, setBusy] = useState(false)
  const checking = useRef(false)

  const fail = useCallback(
    (failure: Failure) => {
      if (failure.kind === 'invalid') setFailure(failure)
      else {
        followDecision(routeForStatus(failure), session, navigator, setFailure)
      }
    },
    [session, navigator, setFailure],
  )

  // Venues and keys come from storage when the device is offline.
  useEffect(() => {
    if (!visible) return
    let cancelled = false
    void loadGuardVenues(api, store).then(({ venues: list, failure }) => {
      if (cancelled) return
      setVenues(list)
      if (failure !== null && failure.kind !== 'network') fail(failure)
      setVenueId((id) =>
        list.some((venue) => venue.id === id) ? id : (list[0]?.id ?? null),
      )
    })
    void refreshKeys(api, store, clock).then((keys) => {
      if (!cancelled) setHasKeys(keys !== null)
    })
    return () => {
      cancelled = true
    }
  }, [visible, api, store, clock, fail])

  const venue = venues?.find((candidate) => candidate.id === venueId) ?? null
  const temperatureRequired = venue?.guardPolicy.temperatureRequired ?? false

  const chooseVenue = (id: string) => {
    saveSelectedVenueId(store, id)
    setVenueId(id)
    setView(null)
  }

  const readTemperatureField = () => {
    const reading = readTemperature(temperature, temperatureRequired)
    setHint(reading.kind === 'invalid' ? 'temperatureInvalid' : null)
    return reading
  }

  const showVerdict = (verdict: VerdictView) => {
    setFailure(null)
    setView(verdict)
    setToken('')
    setTemperature('')
    queue.refreshCount()
    if (verdict.source === 'online') void queue.sync()
  }

  const verify = async (scanned: string) => {
    if (venue === null || checking.current) return
    if (scanned === '') {
      setHint('tokenMissing')
      return
    }
    const reading = readTemperatureField()
    if (reading.kind === 'invalid') return
    checking.current = true
    setBusy(true)
    const outcome = await verifyAtCheckpoint(
      { token: scanned, venue, temperature: reading.temperature },
      { api, store, clock },
    )
    checking.current = false
    setBusy(false)
    switch (outcome.kind) {
      case 'verdict':
        showVerdict(outcome.view)
        return
      case 'no-keys':
        setView(null)
        setHint('keysMissing')
        return
      case 'failed':
        setView(null)
        fail(outcome.failure)
        return
    }
  }

  const scanAndVerify = async () => {
    if (scanner.kind !== 'camera' || checking.current) return
    const outcome = await scanner.scan()
    if (outcome.kind === 'scanned') await verify(outcome.text.trim())
  }

  const syncNow = async () => {
    const failure = await queue.sync()
    if (failure !== null) fail(failure)
  }

  return (
    <Screen title={t('guard.title')} notice={notice}>
      <View className='queue'>
        <Text id='guard-queue-count' data-count={String(queue.count)}>
          {t('guard.queue', { count: queue.count })}
        </Text>
        {queue.count > 0 && (
          <Button
            id='guard-sync'
            size='mini'
            className='choice'
            onClick={() => void syncNow()}
          >
            {t('guard.sync')}
          </Button>
        )}
      </View>
      {queue.report !== null && (
        <Text id='guard-sync-report' className='form__hint'>
          {t('guard.syncReport', queue.report)}
        </Text>
      )}
      {!hasKeys && (
        <Text id='guard-keys-missing' className='field-error'>
          {t('guard.keysMissing')}
        </Text>
      )}

      <View className='form'>
        <Text className='form__label'>{t('guard.venue')}</Text>
        {venues !== null && venues.length === 0 && (
          <Text className='form__hint'>{t('guard.noVenues')}</Text>
        )}
        <View className='choices'>
          {venues?.map((candidate) => (
            <Button
              key={candidate.id}
              id={`guard-venue-${candidate.id}`}
              className={
                candidate.id === venueId ? 'choice choice--selected' : 'choice'
              }
              onClick={() => chooseVenue(candidate.id)}
            >
              {candidate.name}
            </Button>
          ))}
        </View>
      </View>

      {venue !== null && (
        <View className='form'>
          {temperatureRequired && (
            <View>
              <Text className='form__label'>{t('guard.temperature')}</Text>
              <Input
                id='guard-temperature'
                className='form__input'
                type='digit'
                value={temperature}
                placeholder={t('guard.temperaturePlaceholder')}
                onInput={(event) => setTemperature(event.detail.value)}
              />
            </View>
          )}
          {scanner.kind === 'camera' ? (
            <Button
              id='guard-verify'
              className='button button--primary'
              disabled={disabledWhen(busy)}
              onClick={() => void scanAndVerify()}
            >
              {t('guard.scan')}
            </Button>
          ) : (
            <View>
              <Text className='form__label'>{t('guard.token')}</Text>
              <Input
                id='guard-token'
                className='form__input'
                value={token}
                maxlength={-1}
                placeholder={t('guard.tokenPlaceholder')}
                onInput={(event) => setToken(event.detail.value)}
              />
              <Button
                id='guard-verify'
                className='button button--primary'
                disabled={disabledWhen(busy)}
                onClick={() => void verify(token.trim())}
              >
                {t('guard.verify')}
              </Button>
            </View>
          )}
          {hint !== null && (
            <Text id='guard-hint' className='field-error'>
              {t(`guard.${hint}`)}
            </Text>
          )}
        </View>
      )}

      {view !== null && <VerdictPanel view={view} />}

      {venue !== null && (
        <ManualCheckin
          venue={venue}
          readTemperature={readTemperatureField}
          fieldMessages={fieldMessages}
          onVerdict={showVerdict}
          onFailure={fail}
        />
      )}
    </Screen>
  )
}
