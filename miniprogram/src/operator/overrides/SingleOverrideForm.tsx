import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { disabledWhen } from '../../components/disabledWhen'
import { FieldError } from '../../components/Feedback'
import { Color } from '../../contract'
import { useServices } from '../../services/services'
import { useOperatorApi } from '../api'
import { useOperatorTranslation } from '../i18n'
import { SectionResult, useSectionOutcome } from '../outcome'
import { TermsFields } from './TermsFields'
import { validateOverride, type OverrideForm } from './validate'

const EMPTY: OverrideForm = {
  residentId: '',
  color: null,
  until: '',
  reasonCode: null,
  evidenceRef: '',
}

// Sets one resident's color until a time, with a reason and evidence.
export function SingleOverrideForm() {
  const { t } = useOperatorTranslation()
  const { clock } = useServices()
  const operatorApi = useOperatorApi()
  const outcome = useSectionOutcome()
  const { fieldMessages } = outcome
  const [form, setForm] = useState<OverrideForm>(EMPTY)
  const [busy, setBusy] = useState(false)
  const update = (change: Partial<OverrideForm>) =>
    setForm((previous) => ({ ...previous, ...change }))

  const submit = async () => {
    const checked = validateOverride(form, clock())
    if (checked.kind === 'invalid') {
      outcome.fail(checked)
      return
    }
    setBusy(true)
    const result = await operatorApi.setOverride(checked.request)
    setBusy(false)
    if (result.kind !== 'ok') {
      outcome.fail(result)
      return
    }
    const { residentId, before, after } = result.value
    setForm(EMPTY)
    outcome.succeed(
      t('overrides.applied', {
        id: residentId,
        before: t(`colors.${before ?? 'none'}`),
        after: t(`colors.${after ?? 'none'}`),
      }),
    )
  }

  return (
    <View id='op-override' className='form'>
      <Text className='form__label'>{t('overrides.singleTitle')}</Text>
      <Text className='form__label'>{t('overrides.resident')}</Text>
      <Input
        id='op-override-resident'
        className='form__input'
        value={form.residentId}
        onInput={(event) => update({ residentId: event.detail.value })}
      />
      <FieldError field='residentId' messages={fieldMessages} />

      <Text className='form__label'>{t('overrides.color')}</Text>
      <View className='choices'>
        {Color.options.map((color) => (
          <Button
            key={color}
            id={`op-override-color-${color}`}
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
        idPrefix='op-override'
        terms={form}
        fieldMessages={fieldMessages}
        onChange={update}
      />
      <Button
        id='op-override-submit'
        className='button button--primary'
        disabled={disabledWhen(busy)}
        onClick={() => void submit()}
      >
        {t('overrides.submit')}
      </Button>
      <SectionResult
        id='op-override-result'
        success={outcome.success}
        notice={outcome.notice}
      />
    </View>
  )
}
