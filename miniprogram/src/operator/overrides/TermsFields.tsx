import { Button, Input, Text, View } from '@tarojs/components'
import { FieldError } from '../../components/Feedback'
import { OverrideReasonCode } from '../contract'
import { useOperatorTranslation } from '../i18n'
import type { OverrideTerms } from './validate'

type Props = {
  // Prefix of the element ids, such as `op-override`.
  idPrefix: string
  terms: OverrideTerms
  fieldMessages: Readonly<Record<string, string>>
  onChange: (change: Partial<OverrideTerms>) => void
}

// The end, reason and evidence fields of an override.
export function TermsFields(props: Props) {
  const { idPrefix, terms, fieldMessages, onChange } = props
  const { t } = useOperatorTranslation()
  return (
    <View className='stack'>
      <Text className='form__label'>{t('overrides.until')}</Text>
      <Input
        id={`${idPrefix}-until`}
        className='form__input'
        value={terms.until}
        placeholder='2026-02-20 00:00'
        onInput={(event) => onChange({ until: event.detail.value })}
      />
      <FieldError field='until' messages={fieldMessages} />

      <Text className='form__label'>{t('overrides.reasonCode')}</Text>
      <View className='choices'>
        {OverrideReasonCode.options.map((code) => (
          <Button
            key={code}
            id={`${idPrefix}-reason-${code}`}
            className={
              code === terms.reasonCode ? 'choice choice--selected' : 'choice'
            }
            onClick={() => onChange({ reasonCode: code })}
          >
            {t(`overrides.reasonCodes.${code}`)}
          </Button>
        ))}
      </View>
      <FieldError field='reasonCode' messages={fieldMessages} />

      <Text className='form__label'>{t('overrides.evidence')}</Text>
      <Input
        id={`${idPrefix}-evidence`}
        className='form__input'
        value={terms.evidenceRef}
        onInput={(event) => onChange({ evidenceRef: event.detail.value })}
      />
      <FieldError field='evidenceRef' messages={fieldMessages} />
    </View>
  )
}
