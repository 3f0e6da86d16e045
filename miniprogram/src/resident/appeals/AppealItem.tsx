import { Text, View } from '@tarojs/components'
import { useTranslation } from 'react-i18next'
import { currentLanguage } from '../../i18n'
import { reasonKind } from '../../reasons/reasonKind'
import { formatCityDateTime } from '../../time/cityTime'
import type { AppealView } from '../contract'

type Props = {
  appeal: AppealView
  // True when the appeal is for one of the resident's dependents.
  forDependent: boolean
}

// One appeal with its status and, once decided, the operator's reply.
export function AppealItem({ appeal, forDependent }: Props) {
  const { t, i18n } = useTranslation()
  const lang = currentLanguage(i18n)
  const separator = lang === 'zh' ? '、' : ', '
  const kinds = [...new Set(appeal.rules.map(reasonKind))]
    .map((kind) => t(`reasons.kinds.${kind}`))
    .join(separator)
  const decision = appeal.decision
  return (
    <View
      id={`appeal-item-${appeal.id}`}
      data-status={appeal.status}
      className={`appeal appeal--${appeal.status}`}
    >
      <Text className='appeal__status'>
        {t(`appeals.status.${appeal.status}`)}
      </Text>
      {forDependent && (
        <Text className='appeal__line'>{t('appeals.dependentAppeal')}</Text>
      )}
      <Text className='appeal__line'>
        {t('appeals.filedAt', {
          time: formatCityDateTime(appeal.filedAt, lang),
        })}
      </Text>
      <Text className='appeal__line'>
        {t('appeals.appealedRules', { rules: kinds })}
      </Text>
      <Text className='appeal__message'>{appeal.message}</Text>
      {decision === null ? (
        <Text className='appeal__line'>{t('appeals.noReply')}</Text>
      ) : (
        <View className='appeal__reply'>
          <Text id={`appeal-reply-${appeal.id}`} className='appeal__line'>
            {t('appeals.reply', { reason: decision.reason })}
          </Text>
          <Text className='appeal__line'>
            {t('appeals.decidedAt', {
              time: formatCityDateTime(decision.decidedAt, lang),
            })}
          </Text>
        </View>
      )}
    </View>
  )
}
