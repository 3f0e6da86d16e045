import { Button, Text, View } from '@tarojs/components'
import { useTranslation } from 'react-i18next'
import { disabledWhen } from '../../components/disabledWhen'
import { currentLanguage } from '../../i18n'
import { reasonKind } from '../../reasons/reasonKind'
import { ReasonList } from '../../reasons/ReasonList'
import { formatCityDateTime } from '../../time/cityTime'
import type { OperatorAppealView } from '../contract'
import { useOperatorTranslation } from '../i18n'

type Props = {
  appeal: OperatorAppealView
  busy: boolean
  onApprove: () => void
  onReject: () => void
}

// One appeal as an operator reviews it: who (masked), what they wrote, the
// color and reasons when they appealed, and the decision buttons while
// pending.
export function OperatorAppealItem(props: Props) {
  const { appeal, busy } = props
  const { t } = useOperatorTranslation()
  const { t: tMain, i18n } = useTranslation()
  const lang = currentLanguage(i18n)
  const separator = lang === 'zh' ? '、' : ', '
  const kinds = [...new Set(appeal.rules.map(reasonKind))]
    .map((kind) => tMain(`reasons.kinds.${kind}`))
    .join(separator)
  const { snapshot, decision } = appeal
  return (
    <View
      id={`op-appeal-${appeal.id}`}
      data-status={appeal.status}
      className={`appeal appeal--${appeal.status}`}
    >
      <Text className='appeal__status'>
        {`${appeal.maskedName} · ${t(`appeals.statuses.${appeal.status}`)}`}
      </Text>
      <Text className='appeal__line'>
        {t('appeals.filedAt', {
          time: formatCityDateTime(appeal.filedAt, lang),
        })}
      </Text>
      <Text className='appeal__line'>
        {t('appeals.rules', { rules: kinds })}
      </Text>
      <Text className='appeal__message'>
        {t('appeals.message', { message: appeal.message })}
      </Text>
      <Text className='appeal__line'>
        {t('appeals.snapshot', { color: t(`colors.${snapshot.color}`) })}
      </Text>
      <ReasonList
        reasons={snapshot.reasons}
        idPrefix={`op-appeal-${appeal.id}-reason`}
      />
      {decision !== null && (
        <Text className='appeal__line'>
          {t('appeals.decision', { reason: decision.reason })}
        </Text>
      )}
      {appeal.status === 'pending' && (
        <View className='choices'>
          <Button
            id={`op-appeal-approve-${appeal.id}`}
            className='choice'
            disabled={disabledWhen(busy)}
            onClick={props.onApprove}
          >
            {t('appeals.approve')}
          </Button>
          <Button
            id={`op-appeal-reject-${appeal.id}`}
            className='choice'
            disabled={disabledWhen(busy)}
            onClick={props.onReject}
          >
            {t('appeals.reject')}
          </Button>
        </View>
      )}
    </View>
  )
}
