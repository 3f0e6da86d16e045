import { Button, Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiFailure } from '../../api/client'
import { disabledWhen } from '../../components/disabledWhen'
import { FieldError } from '../../components/Feedback'
import { Screen } from '../../components/Screen'
import { useFailure } from '../../components/useFailure'
import { DocumentType } from '../../contract'
import { currentLanguage } from '../../i18n'
import {
  decideStartRoute,
  followDecision,
  routeForStatus,
} from '../../navigation/startRoute'
import { useServices } from '../../services/services'
import { validateRegistration, type RegistrationForm } from './validate'

export default function RegisterPage() {
  const { t, i18n } = useTranslation()
  const { api, session, navigator, clock } = useServices()
  const { notice, fieldMessages, setFailure } = useFailure()
  const [documentTypes, setDocumentTypes] = useState<DocumentType[]>(
    DocumentType.options,
  )
  const [busy, setBusy] = useState(false)
  const [form, setForm] = useState<RegistrationForm>(() => ({
    name: '',
    documentType: 'mainland_id',
    number: '',
    country: '',
    phone: session.load()?.phone ?? '',
  }))
  const update = (change: Partial<RegistrationForm>) =>
    setForm((previous) => ({ ...previous, ...change }))

  // Offers only the documents the city accepts. If GET /v1/city fails,
  // every type stays on offer and the API rejects the ones it does not
  // accept.
  useEffect(() => {
    void api.getCity().then((result) => {
      if (result.kind !== 'ok') return
      const accepted = result.value.acceptedDocuments
      setDocumentTypes(
        DocumentType.options.filter((type) => accepted.includes(type)),
      )
      setForm((previous) =>
        accepted.includes(previous.documentType) || accepted[0] === undefined
          ? previous
          : { ...previous, documentType: accepted[0] },
      )
    })
  }, [api])

  const fail = (failure: ApiFailure) =>
    followDecision(routeForStatus(failure), session, navigator, setFailure)

  const continueJourney = async () => {
    session.markRegistered()
    const decision = await decideStartRoute(true, api.getStatus)
    followDecision(decision, session, navigator, setFailure)
  }

  const submit = async () => {
    const checked = validateRegistration(form, clock())
    if (checked.kind === 'invalid') {
      setFailure(checked)
      return
    }
    setBusy(true)
    const result = await api.register({
      ...checked.request,
      language: currentLanguage(i18n),
    })
    const alreadyRegistered =
      result.kind === 'problem' &&
      result.problem.code === 'ALREADY_REGISTERED'
    if (result.kind === 'ok' || alreadyRegistered) {
      await continueJourney()
    } else {
      fail(result)
    }
    setBusy(false)
  }

  return (
    <Screen title={t('register.title')} notice={notice}>
      <View className='form'>
        <Text className='form__label'>{t('register.name')}</Text>
        <Input
          id='reg-name'
          className='form__input'
          value={form.name}
          placeholder={t('register.namePlaceholder')}
          onInput={(event) => update({ name: event.detail.value })}
        />
        <FieldError field='name' messages={fieldMessages} />

        <Text className='form__label'>{t('register.documentType')}</Text>
        <View className='choices'>
          {documentTypes.map((type) => (
            <Button
              key={type}
              id={`reg-doc-${type}`}
              className={
                type === form.documentType
                  ? 'choice choice--selected'
                  : 'choice'
              }
              onClick={() => update({ documentType: type })}
            >
              {t(`register.documentTypes.${type}`)}
            </Button>
          ))}
        </View>
        <FieldError field='document.type' messages={fieldMessages} />

        <Text className='form__label'>{t('register.number')}</Text>
        <Input
          id='reg-number'
          className='form__input'
          value={form.number}
          placeholder={t('register.numberPlaceholder')}
          onInput={(event) => update({ number: event.detail.value })}
        />
        <FieldError field='document.number' messages={fieldMessages} />

        {form.documentType === 'passport' && (
          <View>
            <Text className='form__label'>{t('register.country')}</Text>
            <Input
              id='reg-country'
              className='form__input'
              value={form.country}
              maxlength={3}
              placeholder={t('register.countryPlaceholder')}
              onInput={(event) => update({ country: event.detail.value })}
            />
            <FieldError field='document.country' messages={fieldMessages} />
          </View>
        )}

        <Text className='form__label'>{t('register.phone')}</Text>
        <Input
          id='reg-phone'
          className='form__input'
          value={form.phone}
          onInput={(event) => update({ phone: event.detail.value })}
        />
        <FieldError field='phone' messages={fieldMessages} />

        <Button
          id='reg-submit'
          className='button button--primary'
          disabled={disabledWhen(busy)}
          onClick={() => void submit()}
        >
          {t('register.submit')}
        </Button>
      </View>
    </Screen>
  )
}
