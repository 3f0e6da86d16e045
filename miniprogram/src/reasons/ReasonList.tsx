import { Text, View } from '@tarojs/components'
import { useTranslation } from 'react-i18next'
import type { StatusReason } from '../contract'
import { currentLanguage } from '../i18n'
import { formatCityDateTime } from '../time/cityTime'
import { reasonKind } from './reasonKind'

type Props = {
  reasons: readonly StatusReason[]
  // Prefix of each reason's element id, `reason` gives `reason-0`.
  idPrefix?: string
}

// Lists reasons with what kind of record each is, the server's text (which
// names the venue and time window of an exposure, never the case), when it
// began and until when it applies.
export function ReasonList({ reasons, idPrefix = 'reason' }: Props) {
  const { t, i18n } = useTranslation()
  const lang = currentLanguage(i18n)
  if (reasons.length === 0) {
    return <Text className='reason'>{t('home.noReasons')}</Text>
  }
  return (
    <View className='reason-list'>
      {reasons.map((reason, index) => {
        const kind = reasonKind(reason.rule)
        return (
          <View
            key={`${index}-${reason.rule}`}
            id={`${idPrefix}-${index}`}
            data-rule={reason.rule}
            data-color={reason.color}
            className={`reason reason--${reason.color}`}
          >
            <Text className='reason__kind'>{t(`reasons.kinds.${kind}`)}</Text>
            <Text className='reason__text'>{reason.text}</Text>
            <Text className='reason__since'>
              {t('reasons.since', {
                time: formatCityDateTime(reason.since, lang),
              })}
            </Text>
            <Text className='reason__until'>
              {reason.until === null
                ? t('reasons.untilOpen')
                : t('home.reasonUntil', {
                    time: formatCityDateTime(reason.until, lang),
                  })}
            </Text>
            {kind === 'household' && (
              <Text className='reason__note'>{t('reasons.householdNote')}</Text>
            )}
          </View>
        )
      })}
    </View>
  )
}
