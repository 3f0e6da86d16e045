import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { disabledWhen } from '../../components/disabledWhen'
import { FieldError } from '../../components/Feedback'
import { DocumentType } from '../../contract'
import { useServices } from '../../services/services'
import { useOperatorApi } from '../api'
import { useOperatorTranslation } from '../i18n'
import { SectionResult, useSectionOutcome } from '../outcome'
import { validateCase, type CaseForm, type CaseKind } from './validate'

const EMPTY: CaseForm = {
  documentType: 'mainland_id',
  number: '',
  country: '',
  kind: null,
  onset: '',
  sampleDate: '',
  note: '',
}

const KINDS: readonly CaseKind[] = ['confirmed', 'suspected']

// Reports a confirmed or suspected case by the person's document, and
// exports the reported cases as CSV.
export function CaseSection() {
  const { t } = useOperatorTranslation()
  const { t: tMain } = useTranslation()
  const { clock, savePoster } = useServices()
  const operatorApi = useOperatorApi()
  const outcome = useSectionOutcome()
  const { fieldMessages } = outcome
  const [form, setForm] = useState<CaseForm>(EMPTY)
  const [busy, setBusy] = useState(false)
  const update = (change: Partial<CaseForm>) =>
    setForm((previous) => ({ ...previous, ...change }))

  const submit = async () => {
    const checked = validateCase(form, clock())
    if (checked.kind === 'invalid') {
      outcome.fail(checked)
      return
    }
    setBusy(true)
    const result = await operatorApi.reportCase(checked.request)
    setBusy(false)
    if (result.kind !== 'ok') {
      outcome.fail(result)
      return
    }
    const reported = result.value
    setForm(EMPTY)
    outcome.succeed(
      [
        t('cases.reported', {
          name: reported.maskedName,
          kind: t(`cases.kinds.${reported.kind}`),
          onset: reported.onset,
        }),
        t(`matching.${reported.matching}`),
      ].join(' '),
    )
  }

  const exportCases = async () => {
    setBusy(true)
    const saved = await savePoster(operatorApi.casesExport(), 'cases.csv')
    setBusy(false)
    switch (saved.kind) {
      case 'saved':
        outcome.succeed(t('cases.exported'))
        return
      case 'open-failed':
        outcome.succeed(t('cases.exportOpenFailed'))
        return
      case 'problem':
      case 'network':
      case 'unexpected':
        outcome.fail(saved)
        return
    }
  }

  return (
    <View id='op-cases' className='form'>
      <Text className='form__label'>{t('cases.title')}</Text>
      <Text className='form__label'>{t('cases.documentType')}</Text>
      <View className='choices'>
        {DocumentType.options.map((type) => (
          <Button
            key={type}
            id={`op-case-doc-${type}`}
            className={
              type === form.documentType ? 'choice choice--selected' : 'choice'
            }
            onClick={() => update({ documentType: type })}
          >
            {tMain(`register.documentTypes.${type}`)}
          </Button>
        ))}
      </View>
      <FieldError field='document.type' messages={fieldMessages} />

      <Text className='form__label'>{t('cases.number')}</Text>
      <Input
        id='op-case-number'
        className='form__input'
        value={form.number}
        onInput={(event) => update({ number: event.detail.value })}
      />
      <FieldError field='document.number' messages={fieldMessages} />

      {form.documentType === 'passport' && (
        <View className='stack'>
          <Text className='form__label'>{t('cases.country')}</Text>
          <Input
            id='op-case-country'
            className='form__input'
            value={form.country}
            maxlength={3}
            onInput={(event) => update({ country: event.detail.value })}
          />
          <FieldError field='document.country' messages={fieldMessages} />
        </View>
      )}

      <Text className='form__label'>{t('cases.kind')}</Text>
      <View className='choices'>
        {KINDS.map((kind) => (
          <Button
            key={kind}
            id={`op-case-kind-${kind}`}
            className={
              kind === form.kind ? 'choice choice--selected' : 'choice'
            }
            onClick={() => update({ kind })}
          >
            {t(`cases.kinds.${kind}`)}
          </Button>
        ))}
      </View>
      <FieldError field='kind' messages={fieldMessages} />

      <Text className='form__label'>{t('cases.onset')}</Text>
      <Input
        id='op-case-onset'
        className='form__input'
        value={form.onset}
        placeholder='2026-02-10'
        onInput={(event) => update({ onset: event.detail.value })}
      />
      <FieldError field='onset' messages={fieldMessages} />

      <Text className='form__label'>{t('cases.sampleDate')}</Text>
      <Input
        id='op-case-sample'
        className='form__input'
        value={form.sampleDate}
        placeholder='2026-02-10'
        onInput={(event) => update({ sampleDate: event.detail.value })}
      />
      <FieldError field='sampleDate' messages={fieldMessages} />

      <Text className='form__label'>{t('cases.note')}</Text>
      <Input
        id='op-case-note'
        className='form__input'
        value={form.note}
        onInput={(event) => update({ note: event.detail.value })}
      />
      <FieldError field='note' messages={fieldMessages} />

      <Button
        id='op-case-submit'
        className='button button--primary'
        disabled={disabledWhen(busy)}
        onClick={() => void submit()}
      >
        {t('cases.submit')}
      </Button>
      <SectionResult
        id='op-case-result'
        success={outcome.success}
        notice={outcome.notice}
      />
      <Button
        id='op-export-cases'
        className='button button--secondary'
        disabled={disabledWhen(busy)}
        onClick={() => void exportCases()}
      >
        {t('cases.export')}
      </Button>
    </View>
  )
}
