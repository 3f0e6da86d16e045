import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { currentLanguage } from '../../i18n'
import { formatCityDateTime } from '../../time/cityTime'
import { useOperatorApi } from '../api'
import type { FlagView } from '../contract'
import { useOperatorTranslation } from '../i18n'
import { SectionResult, useSectionOutcome } from '../outcome'

// Residents whose declaration left out a stay that imported travel
// records show.
export function FlagSection() {
  const { t } = useOperatorTranslation()
  const { i18n } = useTranslation()
  const lang = currentLanguage(i18n)
  const operatorApi = useOperatorApi()
  const outcome = useSectionOutcome()
  const { fail } = outcome
  const [flags, setFlags] = useState<FlagView[] | null>(null)

  useEffect(() => {
    let cancelled = false
    void operatorApi.listFlags().then((result) => {
      if (cancelled) return
      if (result.kind === 'ok') setFlags(result.value.items)
      else fail(result)
    })
    return () => {
      cancelled = true
    }
  }, [operatorApi, fail])

  return (
    <View id='op-flags' className='card'>
      <Text className='form__label'>{t('flags.title')}</Text>
      <Text className='form__hint'>{t('flags.intro')}</Text>
      <SectionResult
        id='op-flags-result'
        success={null}
        notice={outcome.notice}
      />
      {flags !== null && flags.length === 0 && (
        <Text className='intro'>{t('flags.empty')}</Text>
      )}
      {flags?.map((flag) => (
        <View
          key={flag.id}
          id={`op-flag-${flag.id}`}
          data-resident={flag.residentId}
          className='appeal'
        >
          <Text className='appeal__status'>
            {t('flags.resident', {
              name: flag.maskedName,
              id: flag.residentId,
            })}
          </Text>
          <Text className='appeal__line'>
            {t('flags.place', { place: flag.place })}
          </Text>
          <Text className='appeal__line'>
            {t('flags.at', { time: formatCityDateTime(flag.at, lang) })}
          </Text>
          <Text className='appeal__line'>
            {t('flags.declaredAt', {
              time: formatCityDateTime(flag.declaredAt, lang),
            })}
          </Text>
        </View>
      ))}
    </View>
  )
}
