import { Button, Text, Textarea, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Failure } from '../../api/failure'
import { disabledWhen } from '../../components/disabledWhen'
import { FieldError } from '../../components/Feedback'
import type { StatusReason } from '../../contract'
import { reasonKind } from '../../reasons/reasonKind'
import { useResidentApi } from '../api'
import { MAX_APPEAL_MESSAGE_LENGTH, type AppealView } from '../contract'
import { ruleGroups, textLength, validateAppeal } from './validate'

type Props = {
  reasons: readonly StatusReason[]
  // The dependent appealed for, or null for the signed-in resident.
  residentId: string | null
  fieldMessages: Readonly<Record<string, string>>
  onFiled: (appeal: AppealView) => void
  onFailure: (failure: Failure) => void
}

// Upper bound of the text field, above the API's limit so that a longer
// text shows the validation message instead of stopping the typing.
const MESSAGE_FIELD_LIMIT = MAX_APPEAL_MESSAGE_LENGTH * 2

// The appeal form: the reasons to contest, grouped by rule and all chosen
// at first, and the resident's message.
export function AppealForm(props: Props) {
  const { reasons, residentId, fieldMessages } = props
  const { t } = useTranslation()
  const residentApi = useResidentApi()
  const groups = ruleGroups(reasons)
  const ruleKey = groups.map((group) => group.rule).join(' ')
  const [message, setMessage] = useState('')
  const [rules, setRules] = useState<string[]>([])
  const [busy, setBusy] = useState(false)

  // A new set of reasons, such as after a language switch or a decision,
  // chooses every rule again.
  useEffect(() => {
    setRules(ruleKey === '' ? [] : ruleKey.split(' '))
  }, [ruleKey])

  const toggle = (rule: string) =>
    setRules((chosen) =>
      chosen.includes(rule)
        ? chosen.filter((other) => other !== rule)
        : [...chosen, rule],
    )

  const submit = async () => {
    const checked = validateAppeal({ message, rules, residentId })
    if (checked.kind === 'invalid') {
      props.onFailure(checked)
      return
    }
    setBusy(true)
    const result = await residentApi.fileAppeal(checked.request)
    setBusy(false)
    if (result.kind !== 'ok') {
      props.onFailure(result)
      return
    }
    setMessage('')
    props.onFiled(result.value)
  }

  if (groups.length === 0) {
    return (
      <View className='form'>
        <Text id='appeal-no-reasons' className='intro'>
          {t('appeals.noReasons')}
        </Text>
      </View>
    )
  }

  return (
    <View id='appeal-form' className='form'>
      <Text className='form__label'>{t('appeals.newTitle')}</Text>
      <Text className='form__label'>{t('appeals.reasonsLabel')}</Text>
      <View className='appeal-rules'>
        {groups.map((group, index) => (
          <Button
            key={group.rule}
            id={`appeal-rule-${index}`}
            data-rule={group.rule}
            className={
              rules.includes(group.rule)
                ? 'choice choice--selected appeal-rule'
                : 'choice appeal-rule'
            }
            onClick={() => toggle(group.rule)}
          >
            {t('appeals.ruleChoice', {
              kind: t(`reasons.kinds.${reasonKind(group.rule)}`),
              texts: group.reasons.map((reason) => reason.text).join(' / '),
            })}
          </Button>
        ))}
      </View>
      <FieldError field='rules' messages={fieldMessages} />

      <Text className='form__label'>{t('appeals.message')}</Text>
      <Textarea
        id='appeal-message'
        className='form__textarea'
        value={message}
        maxlength={MESSAGE_FIELD_LIMIT}
        placeholder={t('appeals.messagePlaceholder')}
        onInput={(event) => setMessage(event.detail.value)}
      />
      <Text className='form__hint'>
        {t('appeals.messageCount', {
          count: textLength(message.trim()),
          max: MAX_APPEAL_MESSAGE_LENGTH,
        })}
      </Text>
      <FieldError field='message' messages={fieldMessages} />

      <Button
        id='appeal-submit'
        className='button button--primary'
        disabled={disabledWhen(busy)}
        onClick={() => void submit()}
      >
        {t('appeals.submit')}
      </Button>
    </View>
  )
}
