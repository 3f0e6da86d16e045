import { Button, Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Failure } from '../api/failure'
import { disabledWhen } from '../components/disabledWhen'
import { FieldError } from '../components/Feedback'
import {
  DocumentType,
  parseDocument,
  type DocumentInput,
  type Venue,
} from '../contract'
import { useServices } from '../services/services'
import type { TemperatureReading } from './temperature'
import { onlineView, type VerdictView } from './verifyAtCheckpoint'

type Props = {
  venue: Venue
  // Reads the temperature field of the page, which both checks share.
  readTemperature: () => TemperatureReading
  fieldMessages: Readonly<Record<string, string>>
  onVerdict: (view: VerdictView) => void
  onFailure: (failure: Failure) => void
}

// Verifies a person without a phone by document type and number, as they
// registered. This needs the server, so it has no offline verdict.
export function ManualCheckin(props: Props) {
  const { venue, fieldMessages } = props
  const { t } = useTranslation()
  const { api, clock } = useServices()
  const [types, setTypes] = useState<DocumentType[]>(DocumentType.options)
  const [type, setType] = useState<DocumentType>('mainland_id')
  const [number, setNumber] = useState('')
  const [country, setCountry] = useState('')
  const [busy, setBusy] = useState(false)

  // Offers the documents the city accepts, like registration does.
  useEffect(() => {
    void api.getCity().then((result) => {
      if (result.kind !== 'ok') return
      const accepted = result.value.acceptedDocuments
      setTypes(
        DocumentType.options.filter((option) => accepted.includes(option)),
      )
    })
  }, [api])

  const submit = async () => {
    const document: DocumentInput = {
      type,
      number: number.trim(),
      ...(type === 'passport' ? { country: country.trim() } : {}),
    }
    const parsed = parseDocument(document, clock())
    if (parsed.kind === 'invalid') {
      props.onFailure({
        kind: 'invalid',
        fields: [{ field: parsed.field, code: parsed.code }],
      })
      return
    }
    const reading = props.readTemperature()
    if (reading.kind === 'invalid') return

    setBusy(true)
    const result = await api.manualCheckin({
      venueId: venue.id,
      document,
      ...(reading.temperature === undefined
        ? {}
        : { temperature: reading.temperature }),
    })
    setBusy(false)

    if (result.kind !== 'ok') {
      props.onFailure(result)
      return
    }
    setNumber('')
    setCountry('')
    props.onVerdict(onlineView(result.value))
  }

  return (
    <View className='form'>
      <Text className='form__label'>{t('guard.manualTitle')}</Text>
      <Text className='form__hint'>{t('guard.manualIntro')}</Text>
      <Text className='form__label'>{t('guard.documentType')}</Text>
      <View className='choices'>
        {types.map((option) => (
          <Button
            key={option}
            id={`manual-doc-${option}`}
            className={option === type ? 'choice choice--selected' : 'choice'}
            onClick={() => setType(option)}
          >
            {t(`register.documentTypes.${option}`)}
          </Button>
        ))}
      </View>
      <Text className='form__label'>{t('guard.number')}</Text>
      <Input
        id='manual-number'
        className='form__input'
        value={number}
        placeholder={t('guard.numberPlaceholder')}
        onInput={(event) => setNumber(event.detail.value)}
      />
      <FieldError field='document.number' messages={fieldMessages} />
      {type === 'passport' && (
        <View>
          <Text className='form__label'>{t('guard.country')}</Text>
          <Input
            id='manual-country'
            className='form__input'
            value={country}
            maxlength={3}
            onInput={(event) => setCountry(event.detail.value)}
          />
          <FieldError field='document.country' messages={fieldMessages} />
        </View>
      )}
      <Button
        id='manual-submit'
        className='button button--secondary'
        disabled={disabledWhen(busy)}
        onClick={() => void submit()}
      >
        {t('guard.manualSubmit')}
      </Button>
    </View>
  )
}
