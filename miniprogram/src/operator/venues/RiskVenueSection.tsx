import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { disabledWhen } from '../../components/disabledWhen'
import { FieldError } from '../../components/Feedback'
import { currentLanguage } from '../../i18n'
import { formatCityDateTime } from '../../time/cityTime'
import { useOperatorApi } from '../api'
import { useOperatorTranslation } from '../i18n'
import { SectionResult, useSectionOutcome } from '../outcome'
import {
  validateRiskVenue,
  type RiskLevel,
  type RiskVenueForm,
} from './validate'

const EMPTY: RiskVenueForm = {
  venueId: '',
  start: '',
  end: '',
  level: null,
  note: '',
}

const LEVELS: readonly RiskLevel[] = ['yellow', 'red']

// Lists a venue as risky for a period, which rates the people who checked
// in there during it.
export function RiskVenueSection() {
  const { t } = useOperatorTranslation()
  const { i18n } = useTranslation()
  const lang = currentLanguage(i18n)
  const operatorApi = useOperatorApi()
  const outcome = useSectionOutcome()
  const { fieldMessages } = outcome
  const [form, setForm] = useState<RiskVenueForm>(EMPTY)
  const [busy, setBusy] = useState(false)
  const update = (change: Partial<RiskVenueForm>) =>
    setForm((previous) => ({ ...previous, ...change }))

  const submit = async () => {
    const checked = validateRiskVenue(form)
    if (checked.kind === 'invalid') {
      outcome.fail(checked)
      return
    }
    setBusy(true)
    const result = await operatorApi.markRiskyVenue(checked.request)
    setBusy(false)
    if (result.kind !== 'ok') {
      outcome.fail(result)
      return
    }
    const marked = result.value
    setForm(EMPTY)
    outcome.succeed(
      [
        t('venues.marked', {
          venue: marked.venueName,
          level: t(`venues.levels.${marked.level}`),
          start: formatCityDateTime(marked.start, lang),
          end: formatCityDateTime(marked.end, lang),
        }),
        t(`matching.${marked.matching}`),
      ].join(' '),
    )
  }

  return (
    <View id='op-venues' className='form'>
      <Text className='form__label'>{t('venues.title')}</Text>
      <Text className='form__label'>{t('venues.venueId')}</Text>
      <Input
        id='op-risk-venue'
        className='form__input'
        value={form.venueId}
        onInput={(event) => update({ venueId: event.detail.value })}
      />
      <FieldError field='venueId' messages={fieldMessages} />

      <Text className='form__label'>{t('venues.start')}</Text>
      <Input
        id='op-risk-start'
        className='form__input'
        value={form.start}
        placeholder='2026-02-10 14:00'
        onInput={(event) => update({ start: event.detail.value })}
      />
      <FieldError field='start' messages={fieldMessages} />

      <Text className='form__label'>{t('venues.end')}</Text>
      <Input
        id='op-risk-end'
        className='form__input'
        value={form.end}
        placeholder='2026-02-10 18:00'
        onInput={(event) => update({ end: event.detail.value })}
      />
      <FieldError field='end' messages={fieldMessages} />

      <Text className='form__label'>{t('venues.level')}</Text>
      <View className='choices'>
        {LEVELS.map((level) => (
          <Button
            key={level}
            id={`op-risk-level-${level}`}
            className={
              level === form.level ? 'choice choice--selected' : 'choice'
            }
            onClick={() => update({ level })}
          >
            {t(`venues.levels.${level}`)}
          </Button>
        ))}
      </View>
      <FieldError field='level' messages={fieldMessages} />

      <Text className='form__label'>{t('venues.note')}</Text>
      <Input
        id='op-risk-note'
        className='form__input'
        value={form.note}
        onInput={(event) => update({ note: event.detail.value })}
      />
      <FieldError field='note' messages={fieldMessages} />

      <Button
        id='op-risk-submit'
        className='button button--primary'
        disabled={disabledWhen(busy)}
        onClick={() => void submit()}
      >
        {t('venues.submit')}
      </Button>
      <SectionResult
        id='op-risk-result'
        success={outcome.success}
        notice={outcome.notice}
      />
    </View>
  )
}
