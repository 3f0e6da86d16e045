import { Button, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { disabledWhen } from '../../components/disabledWhen'
import { FieldError } from '../../components/Feedback'
import { useServices } from '../../services/services'
import { useOperatorApi } from '../api'
import type { OverrideRequestView } from '../contract'
import { useOperatorTranslation } from '../i18n'
import { SectionResult, useSectionOutcome } from '../outcome'
import { TermsFields } from './TermsFields'
import { validateBulkOverride, type BulkOverrideForm as Form } from './validate'

const EMPTY: Form = {
  residentIds: '',
  color: null,
  until: '',
  reasonCode: null,
  evidenceRef: '',
}

const COLORS: readonly NonNullable<Form['color']>[] = ['yellow', 'red']

// Requests a yellow or red color for many residents. The change applies
// only once a second operator approves it.
export function BulkOverrideForm({
  onRequested,
}: {
  onRequested: (request: OverrideRequestView) => void
}) {
  const { t } = useOperatorTranslation()
  const { clock } = useServices()
  const operatorApi = useOperatorApi()
  const outcome = useSectionOutcome()
  const { fieldMessages } = outcome
  const [form, setForm] = useState<Form>(EMPTY)
  const [busy, setBusy] = useState(false)
  const update = (change: Partial<Form>) =>
    setForm((previous) => ({ ...previous, ...change }))

  const submit = async () => {
    const checked = validateBulkOverride(form, clock())
    if (checked.kind === 'invalid') {
      outcome.fail(checked)
      return
    }
    setBusy(true)
    const result = await operatorApi.requestBulkOverride(checked.request)
    setBusy(false)
    if (result.kind !== 'ok') {
      outcome.fail(result)
      return
    }
    setForm(EMPTY)
    outcome.succeed(
      t('overrides.requested', { count: result.value.residentIds.length }),
    )
    onRequested(result.value)
  }

  return (
    <View id='op-bulk' className='form'>
      <Text className='form__label'>{t('overrides.bulkTitle')}</Text>
      <Text className='form__label'>{t('overrides.residents')}</Text>
      <Textarea
        id='op-bulk-residents'
        className='form__textarea form__textarea--code'
        value={form.residentIds}
        maxlength={100_000}
        onInput={(event) => update({ residentIds: event.detail.value })}
      />
      <FieldError field='residentIds' messages={fieldMessages} />

      <Text className='form__label'>{t('overrides.color')}</Text>
      <View className='choices'>
        {COLORS.map((color) => (
          <Button
            key={color}
            id={`op-bulk-color-${color}`}
            className={
              color === form.color ? 'choice choice--selected' : 'choice'
            }
            onClick={() => update({ color })}
          >
            {t(`colors.${color}`)}
          </Button>
        ))}
      </View>
      <FieldError field='color' messages={fieldMessages} />

      <TermsFields
        idPrefix='op-bulk'
        terms={form}
        fieldMessages={fieldMessages}
        onChange={update}
      />
      <Button
        id='op-bulk-submit'
        className='button button--primary'
        disabled={disabledWhen(busy)}
        onClick={() => void submit()}
      >
        {t('overrides.bulkSubmit')}
      </Button>
      <SectionResult
        id='op-bulk-result'
        success={outcome.success}
        notice={outcome.notice}
      />
    </View>
  )
}
