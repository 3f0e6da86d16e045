import { Button, Input, Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { disabledWhen } from '../../components/disabledWhen'
import { FieldError } from '../../components/Feedback'
import { currentLanguage } from '../../i18n'
import { VenueType } from '../../contract'
import { useServices } from '../../services/services'
import { formatCityDateTime } from '../../time/cityTime'
import { lastCityDays } from '../../time/statsRange'
import { useOperatorApi } from '../api'
import type { CityStats, CityStatsQuery } from '../contract'
import { useOperatorTranslation } from '../i18n'
import { SectionResult, useSectionOutcome } from '../outcome'
import { BarChart, CaseChart } from './BarChart'
import {
  caseDays,
  checkinDayBars,
  colorBars,
  venueTypeBars,
} from './chartData'
import { validateStatsRange } from './validate'

const DEFAULT_DAYS = 14

// Unrated residents share the label of a missing color.
const COLOR_LABELS = {
  green: 'green',
  yellow: 'yellow',
  red: 'red',
  unrated: 'none',
} as const

// Counts by color, check-ins per day and venue type, and cases per day,
// as bar charts over a range of city dates.
export function StatsSection() {
  const { t } = useOperatorTranslation()
  const { t: tMain, i18n } = useTranslation()
  const lang = currentLanguage(i18n)
  const { clock } = useServices()
  const operatorApi = useOperatorApi()
  const outcome = useSectionOutcome()
  const { fail, clear } = outcome
  const [initialRange] = useState(() => lastCityDays(clock(), DEFAULT_DAYS))
  const [range, setRange] = useState(initialRange)
  const [stats, setStats] = useState<CityStats | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(
    async (query: CityStatsQuery) => {
      setBusy(true)
      const result = await operatorApi.getStats(query)
      setBusy(false)
      if (result.kind !== 'ok') {
        fail(result)
        return
      }
      clear()
      setStats(result.value)
    },
    [operatorApi, fail, clear],
  )

  // Loads the default range once, when the section opens.
  useEffect(() => {
    void load(initialRange)
  }, [load, initialRange])

  const submit = () => {
    const checked = validateStatsRange(range.from, range.to)
    if (checked.kind === 'invalid') {
      fail(checked)
      return
    }
    void load(checked.query)
  }

  // A venue type a newer server added keeps its id as the label.
  const venueTypeLabel = (type: string): string => {
    const known = VenueType.safeParse(type)
    return known.success ? tMain(`venueForm.types.${known.data}`) : type
  }

  return (
    <View id='op-stats' className='form'>
      <Text className='form__label'>{t('stats.title')}</Text>
      <View className='op-range'>
        <View className='op-range__field'>
          <Text className='form__label'>{t('stats.from')}</Text>
          <Input
            id='op-stats-from'
            className='form__input'
            value={range.from}
            onInput={(event) => {
              const from = event.detail.value
              setRange((previous) => ({ ...previous, from }))
            }}
          />
          <FieldError field='from' messages={outcome.fieldMessages} />
        </View>
        <View className='op-range__field'>
          <Text className='form__label'>{t('stats.to')}</Text>
          <Input
            id='op-stats-to'
            className='form__input'
            value={range.to}
            onInput={(event) => {
              const to = event.detail.value
              setRange((previous) => ({ ...previous, to }))
            }}
          />
          <FieldError field='to' messages={outcome.fieldMessages} />
        </View>
      </View>
      <Button
        id='op-stats-load'
        className='button button--secondary'
        disabled={disabledWhen(busy)}
        onClick={submit}
      >
        {t('stats.load')}
      </Button>
      <SectionResult
        id='op-stats-result'
        success={null}
        notice={outcome.notice}
      />
      {stats !== null && (
        <View
          id='op-stats-charts'
          data-from={stats.from}
          data-to={stats.to}
          className='stack'
        >
          <Text className='form__hint'>
            {t('stats.evaluatedAt', {
              time: formatCityDateTime(stats.evaluatedAt, lang),
            })}
          </Text>
          <Text className='form__label'>{t('stats.colors')}</Text>
          <BarChart
            id='op-chart-colors'
            bars={colorBars(stats.residents)}
            labelOf={(key) => t(`colors.${COLOR_LABELS[key]}`)}
          />
          <Text className='form__label'>{t('stats.checkinsPerDay')}</Text>
          <BarChart
            id='op-chart-checkins-day'
            bars={checkinDayBars(stats)}
            labelOf={(date) => date.slice(5)}
          />
          <Text className='form__label'>{t('stats.checkinsPerType')}</Text>
          {stats.checkins.length === 0 ? (
            <Text className='intro'>{t('stats.noData')}</Text>
          ) : (
            <BarChart
              id='op-chart-checkins-type'
              bars={venueTypeBars(stats)}
              labelOf={venueTypeLabel}
            />
          )}
          <Text className='form__label'>{t('stats.casesPerDay')}</Text>
          <View className='chart-legend'>
            <Text className='chart-legend__item chart-legend__item--confirmed'>
              {t('stats.confirmed')}
            </Text>
            <Text className='chart-legend__item chart-legend__item--suspected'>
              {t('stats.suspected')}
            </Text>
          </View>
          <CaseChart id='op-chart-cases' days={caseDays(stats)} />
        </View>
      )}
    </View>
  )
}
