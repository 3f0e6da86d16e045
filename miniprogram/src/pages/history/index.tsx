import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiFailure } from '../../api/client'
import { Screen } from '../../components/Screen'
import { useFailure } from '../../components/useFailure'
import { usePageVisible } from '../../components/usePageVisible'
import type { CheckinView } from '../../contract'
import { currentLanguage } from '../../i18n'
import {
  followDecision,
  routeForStatus,
} from '../../navigation/startRoute'
import { useServices } from '../../services/services'
import { formatCityDateTime } from '../../time/cityTime'

function CheckinItem({ item }: { item: CheckinView }) {
  const { t, i18n } = useTranslation()
  const lang = currentLanguage(i18n)
  return (
    <View id={`history-item-${item.id}`} className='history-item'>
      <Text className='history-item__venue'>{item.venueName}</Text>
      <Text className='history-item__time'>
        {formatCityDateTime(item.at, lang)}
      </Text>
      <Text className='history-item__source'>
        {t(`history.sources.${item.source}`)}
      </Text>
      {item.flags.map((flag) => (
        <Text
          key={flag}
          data-flag={flag}
          className='history-item__flag'
        >
          {t(`history.flags.${flag}`)}
        </Text>
      ))}
    </View>
  )
}

export default function HistoryPage() {
  const { t } = useTranslation()
  const { api, session, navigator } = useServices()
  const { notice, setFailure } = useFailure()
  const visible = usePageVisible()
  const [items, setItems] = useState<CheckinView[] | null>(null)

  const fail = useCallback(
    (failure: ApiFailure) =>
      followDecision(routeForStatus(failure), session, navigator, setFailure),
    [session, navigator, setFailure],
  )

  useEffect(() => {
    if (!visible) return
    let cancelled = false
    void api.getCheckins().then((result) => {
      if (cancelled) return
      if (result.kind === 'ok') setItems(result.value.items)
      else fail(result)
    })
    return () => {
      cancelled = true
    }
  }, [visible, api, fail])

  const flagged = items?.some((item) => item.flags.length > 0) ?? false

  return (
    <Screen title={t('history.title')} notice={notice}>
      <View id='history-list' className='card'>
        {items !== null && items.length === 0 && (
          <Text className='intro'>{t('history.empty')}</Text>
        )}
        {items?.map((item) => <CheckinItem key={item.id} item={item} />)}
      </View>
      {flagged && <Text className='form__hint'>{t('history.flagsNote')}</Text>}
    </Screen>
  )
}
