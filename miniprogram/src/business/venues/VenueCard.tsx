import { Button, Text, View } from '@tarojs/components'
import { useTranslation } from 'react-i18next'
import { disabledWhen } from '../../components/disabledWhen'
import type { Venue } from '../../contract'

type Props = {
  venue: Venue
  selected: boolean
  busy: boolean
  onSelect: () => void
  onPoster: () => void
  onRotate: () => void
}

// One venue of the business, with its poster and rotation actions.
export function VenueCard(props: Props) {
  const { venue, selected, busy } = props
  const { t } = useTranslation()
  const badges = [
    venue.policy.temperatureRequired ? t('business.temperatureRequired') : '',
    venue.policy.recordDocument ? t('business.recordDocument') : '',
  ].filter((badge) => badge !== '')
  return (
    <View
      id={`venue-item-${venue.id}`}
      className={selected ? 'venue venue--selected' : 'venue'}
      onClick={props.onSelect}
    >
      <Text className='venue__name'>{venue.name}</Text>
      <Text className='venue__line'>{venue.address}</Text>
      <Text className='venue__line'>
        {t(`venueForm.types.${venue.type}`)}
        {badges.map((badge) => ` · ${badge}`).join('')}
      </Text>
      <Text className='venue__line'>
        {t('business.codeVersion', { version: venue.codeVersion })}
      </Text>
      <View className='choices'>
        <Button
          id={`venue-poster-${venue.id}`}
          className='choice'
          disabled={disabledWhen(busy)}
          onClick={props.onPoster}
        >
          {t('business.poster')}
        </Button>
        <Button
          id={`venue-rotate-${venue.id}`}
          className='choice'
          disabled={disabledWhen(busy)}
          onClick={props.onRotate}
        >
          {t('business.rotate')}
        </Button>
      </View>
    </View>
  )
}
