import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { disabledWhen } from '../../components/disabledWhen'
import { FieldError } from '../../components/Feedback'
import { Screen } from '../../components/Screen'
import { useFailure } from '../../components/useFailure'
import { VenueType } from '../../contract'
import {
  followDecision,
  routeForStatus,
} from '../../navigation/startRoute'
import { useServices } from '../../services/services'
import { validateVenue, type VenueForm } from './validate'

type ToggleProps = {
  id: string
  label: string
  on: boolean
  onToggle: () => void
}

function Toggle({ id, label, on, onToggle }: ToggleProps) {
  return (
    <Button
      id={id}
      data-on={on ? 'true' : 'false'}
      className={on ? 'choice choice--selected' : 'choice'}
      onClick={onToggle}
    >
      {label}
    </Button>
  )
}

const EMPTY_FORM: VenueForm = {
  name: '',
  address: '',
  type: null,
  latitude: '',
  longitude: '',
  temperatureRequired: false,
  recordDocument: false,
}

export default function VenueNewPage() {
  const { t } = useTranslation()
  const { api, session, navigator } = useServices()
  const { notice, fieldMessages, setFailure } = useFailure()
  const [form, setForm] = useState<VenueForm>(EMPTY_FORM)
  const [busy, setBusy] = useState(false)
  const update = (change: Partial<VenueForm>) =>
    setForm((previous) => ({ ...previous, ...change }))

  const submit = async () => {
    const checked = validateVenue(form)
    if (checked.kind === 'invalid') {
      setFailure(checked)
      return
    }
    setBusy(true)
    const result = await api.createVenue(checked.request)
    setBusy(false)
    if (result.kind === 'ok') {
      navigator.back()
      return
    }
    followDecision(routeForStatus(result), session, navigator, setFailure)
  }

  return (
    <Screen title={t('venueForm.title')} notice={notice}>
      <View className='form'>
        <Text className='form__label'>{t('venueForm.name')}</Text>
        <Input
          id='venue-name'
          className='form__input'
          value={form.name}
          onInput={(event) => update({ name: event.detail.value })}
        />
        <FieldError field='name' messages={fieldMessages} />

        <Text className='form__label'>{t('venueForm.address')}</Text>
        <Input
          id='venue-address'
          className='form__input'
          value={form.address}
          maxlength={-1}
          onInput={(event) => update({ address: event.detail.value })}
        />
        <FieldError field='address' messages={fieldMessages} />

        <Text className='form__label'>{t('venueForm.type')}</Text>
        <View className='choices'>
          {VenueType.options.map((type) => (
            <Toggle
              key={type}
              id={`venue-type-${type}`}
              label={t(`venueForm.types.${type}`)}
              on={form.type === type}
              onToggle={() => update({ type })}
            />
          ))}
        </View>
        <FieldError field='type' messages={fieldMessages} />

        <Text className='form__label'>{t('venueForm.location')}</Text>
        <View className='pair'>
          <Input
            id='venue-lat'
            className='form__input pair__item'
            value={form.latitude}
            placeholder={t('venueForm.latitude')}
            onInput={(event) => update({ latitude: event.detail.value })}
          />
          <Input
            id='venue-lng'
            className='form__input pair__item'
            value={form.longitude}
            placeholder={t('venueForm.longitude')}
            onInput={(event) => update({ longitude: event.detail.value })}
          />
        </View>
        <FieldError field='location.lat' messages={fieldMessages} />
        <FieldError field='location.lng' messages={fieldMessages} />

        <Text className='form__label'>{t('venueForm.policy')}</Text>
        <Text className='form__hint'>{t('venueForm.policyHint')}</Text>
        <View className='choices'>
          <Toggle
            id='venue-temperature'
            label={t('venueForm.temperature')}
            on={form.temperatureRequired}
            onToggle={() =>
              update({ temperatureRequired: !form.temperatureRequired })
            }
          />
          <Toggle
            id='venue-record-document'
            label={t('venueForm.recordDocument')}
            on={form.recordDocument}
            onToggle={() => update({ recordDocument: !form.recordDocument })}
          />
        </View>
        <FieldError
          field='policy.temperatureRequired'
          messages={fieldMessages}
        />
        <FieldError field='policy.recordDocument' messages={fieldMessages} />

        <Button
          id='venue-submit'
          className='button button--primary'
          disabled={disabledWhen(busy)}
          onClick={() => void submit()}
        >
          {t('venueForm.submit')}
        </Button>
      </View>
    </Screen>
  )
}
