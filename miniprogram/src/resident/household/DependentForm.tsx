import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Failure } from '../../api/failure'
import { disabledWhen } from '../../components/disabledWhen'
import { FieldError } from '../../components/Feedback'
import { DocumentType } from '../../contract'
import { useServices } from '../../services/services'
import { useResidentApi } from '../api'
import {
  Relationship,
  type DependentRequest,
  type DependentView,
} from '../contract'
import { validateDependent, type DependentForm as Form } from './validate'

type Props = {
  documentTypes: readonly DocumentType[]
  fieldMessages: Readonly<Record<string, string>>
  onAdded: (dependent: DependentView, linked: boolean) => void
  onFailure: (failure: Failure) => void
}

const EMPTY: Form = {
  name: '',
  documentType: 'mainland_id',
  number: '',
  country: '',
  relationship: null,
}

// Registers a dependent with the fields of registration and a
// relationship. When another guardian registered the person already, it
// offers to become a further guardian with the same document.
export function DependentForm(props: Props) {
  const { documentTypes, fieldMessages } = props
  const { t } = useTranslation()
  const { clock } = useServices()
  const residentApi = useResidentApi()
  const [form, setForm] = useState<Form>(EMPTY)
  const [busy, setBusy] = useState(false)
  // The request that met DEPENDENT_ALREADY_REGISTERED, kept for the link.
  const [taken, setTaken] = useState<DependentRequest | null>(null)
  const update = (change: Partial<Form>) => {
    setTaken(null)
    setForm((previous) => ({ ...previous, ...change }))
  }
  const type = documentTypes.includes(form.documentType)
    ? form.documentType
    : (documentTypes[0] ?? form.documentType)

  const submit = async () => {
    const checked = validateDependent({ ...form, documentType: type }, clock())
    if (checked.kind === 'invalid') {
      props.onFailure(checked)
      return
    }
    setBusy(true)
    const result = await residentApi.addDependent(checked.request)
    setBusy(false)
    if (result.kind === 'ok') {
      setForm(EMPTY)
      props.onAdded(result.value, false)
      return
    }
    if (
      result.kind === 'problem' &&
      result.problem.code === 'DEPENDENT_ALREADY_REGISTERED'
    ) {
      setTaken(checked.request)
    }
    props.onFailure(result)
  }

  const link = async (request: DependentRequest) => {
    setBusy(true)
    const result = await residentApi.linkDependent({
      document: request.document,
      relationship: request.relationship,
    })
    setBusy(false)
    if (result.kind !== 'ok') {
      props.onFailure(result)
      return
    }
    setTaken(null)
    setForm(EMPTY)
    props.onAdded(result.value, true)
  }

  return (
    <View id='dep-form' className='form'>
      <Text className='form__label'>{t('household.addTitle')}</Text>
      <Text className='form__label'>{t('household.name')}</Text>
      <Input
        id='dep-name'
        className='form__input'
        value={form.name}
        placeholder={t('register.namePlaceholder')}
        onInput={(event) => update({ name: event.detail.value })}
      />
      <FieldError field='name' messages={fieldMessages} />

      <Text className='form__label'>{t('register.documentType')}</Text>
      <View className='choices'>
        {documentTypes.map((option) => (
          <Button
            key={option}
            id={`dep-doc-${option}`}
            className={option === type ? 'choice choice--selected' : 'choice'}
            onClick={() => update({ documentType: option })}
          >
            {t(`register.documentTypes.${option}`)}
          </Button>
        ))}
      </View>
      <FieldError field='document.type' messages={fieldMessages} />

      <Text className='form__label'>{t('register.number')}</Text>
      <Input
        id='dep-number'
        className='form__input'
        value={form.number}
        placeholder={t('register.numberPlaceholder')}
        onInput={(event) => update({ number: event.detail.value })}
      />
      <FieldError field='document.number' messages={fieldMessages} />

      {type === 'passport' && (
        <View className='stack'>
          <Text className='form__label'>{t('register.country')}</Text>
          <Input
            id='dep-country'
            className='form__input'
            value={form.country}
            maxlength={3}
            placeholder={t('register.countryPlaceholder')}
            onInput={(event) => update({ country: event.detail.value })}
          />
          <FieldError field='document.country' messages={fieldMessages} />
        </View>
      )}

      <Text className='form__label'>{t('household.relationship')}</Text>
      <View className='choices'>
        {Relationship.options.map((option) => (
          <Button
            key={option}
            id={`dep-relationship-${option}`}
            className={
              option === form.relationship
                ? 'choice choice--selected'
                : 'choice'
            }
            onClick={() => update({ relationship: option })}
          >
            {t(`household.relationships.${option}`)}
          </Button>
        ))}
      </View>
      <FieldError field='relationship' messages={fieldMessages} />

      <Button
        id='dep-submit'
        className='button button--primary'
        disabled={disabledWhen(busy)}
        onClick={() => void submit()}
      >
        {t('household.submit')}
      </Button>

      {taken !== null && (
        <View id='dep-taken' className='card'>
          <Text className='intro'>{t('household.alreadyRegistered')}</Text>
          <Button
            id='dep-link'
            className='button button--secondary'
            disabled={disabledWhen(busy)}
            onClick={() => void link(taken)}
          >
            {t('household.linkSubmit')}
          </Button>
        </View>
      )}
    </View>
  )
}
