import { Button, Text, View } from '@tarojs/components'
import { useTranslation } from 'react-i18next'
import { currentLanguage } from '../../i18n'
import { greenAtText } from '../../reasons/greenAt'
import { ReasonList } from '../../reasons/ReasonList'
import { useServices } from '../../services/services'
import type { DependentView } from '../contract'

// One dependent with their color, when it turns green and the reasons,
// and the actions a guardian takes for them.
export function DependentItem({ dependent }: { dependent: DependentView }) {
  const { t, i18n } = useTranslation()
  const lang = currentLanguage(i18n)
  const { navigator } = useServices()
  const { id, status } = dependent
  const params = { id }
  return (
    <View
      id={`dep-item-${id}`}
      data-color={status.rated ? status.color : 'none'}
      className='dependent'
    >
      <View className='dependent__head'>
        <Text className='dependent__name'>{dependent.maskedName}</Text>
        <Text
          className={
            status.rated
              ? `badge badge--${status.color}`
              : 'badge badge--none'
          }
        >
          {status.rated
            ? t(`home.colors.${status.color}`)
            : t('household.noColor')}
        </Text>
      </View>
      <Text className='dependent__line'>
        {[
          t(`household.relationships.${dependent.relationship}`),
          dependent.maskedDocument,
          t('household.guardians', { count: dependent.guardianCount }),
        ].join(' · ')}
      </Text>
      {status.rated && (
        <View className='reasons'>
          <Text className='card__line'>
            {greenAtText(t, status.color, status.until, lang)}
          </Text>
          <ReasonList reasons={status.reasons} idPrefix={`dep-${id}-reason`} />
        </View>
      )}
      <View className='choices'>
        <Button
          id={`dep-show-code-${id}`}
          className='choice'
          onClick={() => navigator.open('dependentCode', params)}
        >
          {t('household.showCode')}
        </Button>
        <Button
          id={`dep-answer-${id}`}
          className='choice'
          onClick={() => navigator.open('dependentQuestionnaire', params)}
        >
          {t('household.answer')}
        </Button>
        {status.rated && status.reasons.length > 0 && (
          <Button
            id={`dep-appeal-${id}`}
            className='choice'
            onClick={() => navigator.open('appeals', { residentId: id })}
          >
            {t('household.appeal')}
          </Button>
        )}
      </View>
    </View>
  )
}
