import { Button, Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Failure } from '../../api/failure'
import { Screen } from '../../components/Screen'
import { useFailure } from '../../components/useFailure'
import { usePageVisible } from '../../components/usePageVisible'
import type { Venue } from '../../contract'
import {
  followDecision,
  routeForStatus,
} from '../../navigation/startRoute'
import { useServices } from '../../services/services'
import { VenueCard } from './VenueCard'
import { VenuePanel } from './VenuePanel'

export default function VenuesPage() {
  const { t } = useTranslation()
  const services = useServices()
  const { api, session, navigator, confirm, savePoster } = services
  const { notice, fieldMessages, setFailure } = useFailure()
  const visible = usePageVisible()
  const [venues, setVenues] = useState<Venue[] | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const fail = useCallback(
    (failure: Failure) => {
      setMessage(null)
      if (failure.kind === 'invalid') setFailure(failure)
      else {
        followDecision(routeForStatus(failure), session, navigator, setFailure)
      }
    },
    [session, navigator, setFailure],
  )

  const succeed = useCallback(
    (text: string) => {
      setFailure(null)
      setMessage(text)
    },
    [setFailure],
  )

  // Loads again on every show, to list a venue added on the next page.
  useEffect(() => {
    if (!visible) return
    let cancelled = false
    void api.listVenues().then((result) => {
      if (cancelled) return
      if (result.kind !== 'ok') {
        fail(result)
        return
      }
      const owned = result.value.items.filter((v) => v.access === 'owner')
      setVenues(owned)
      setSelectedId((id) => id ?? owned[0]?.id ?? null)
    })
    return () => {
      cancelled = true
    }
  }, [visible, api, fail])

  const downloadPoster = async (venue: Venue) => {
    setBusy(true)
    const outcome = await savePoster(
      api.posterRequest(venue.id, 'pdf'),
      `venue-${venue.id}-v${venue.codeVersion}.pdf`,
    )
    setBusy(false)
    switch (outcome.kind) {
      case 'saved':
        succeed(t('business.posterSaved'))
        return
      case 'open-failed':
        succeed(t('business.posterOpenFailed'))
        return
      case 'problem':
      case 'network':
      case 'unexpected':
        fail(outcome)
        return
    }
  }

  const rotate = async (venue: Venue) => {
    const confirmed = await confirm({
      title: t('business.rotateTitle'),
      content: t('business.rotateContent'),
      confirmText: t('business.rotateConfirm'),
      cancelText: t('business.rotateCancel'),
    })
    if (!confirmed) return
    setBusy(true)
    const result = await api.rotateVenueCode(venue.id)
    setBusy(false)
    if (result.kind !== 'ok') {
      fail(result)
      return
    }
    const rotated = result.value
    setVenues((list) =>
      (list ?? []).map((v) => (v.id === rotated.id ? rotated : v)),
    )
    succeed(t('business.rotated', { version: rotated.codeVersion }))
  }

  const selected = venues?.find((venue) => venue.id === selectedId) ?? null

  return (
    <Screen title={t('business.venuesTitle')} notice={notice}>
      {message !== null && (
        <Text id='venue-message' className='success'>
          {message}
        </Text>
      )}
      <Button
        id='venue-new'
        className='button button--primary'
        onClick={() => navigator.open('venueNew')}
      >
        {t('business.newVenue')}
      </Button>
      <View id='venue-list' className='card'>
        {venues !== null && venues.length === 0 && (
          <Text className='intro'>{t('business.noVenues')}</Text>
        )}
        {venues?.map((venue) => (
          <VenueCard
            key={venue.id}
            venue={venue}
            selected={venue.id === selectedId}
            busy={busy}
            onSelect={() => setSelectedId(venue.id)}
            onPoster={() => void downloadPoster(venue)}
            onRotate={() => void rotate(venue)}
          />
        ))}
      </View>
      {selected !== null && (
        <VenuePanel
          venue={selected}
          fieldMessages={fieldMessages}
          onFailure={fail}
          onMessage={succeed}
        />
      )}
    </Screen>
  )
}
