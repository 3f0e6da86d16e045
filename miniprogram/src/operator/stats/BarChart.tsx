import { Text, View } from '@tarojs/components'
import type { Bar, CaseDay } from './chartData'

type BarChartProps<K extends string> = {
  id: string
  bars: readonly Bar<K>[]
  labelOf: (key: K) => string
}

// Horizontal bars drawn with plain Views, one row a bar, so the chart
// needs no canvas or chart library on any platform.
export function BarChart<K extends string>({
  id,
  bars,
  labelOf,
}: BarChartProps<K>) {
  return (
    <View id={id} className='chart'>
      {bars.map((bar) => (
        <View
          key={bar.key}
          className='chart__row'
          data-key={bar.key}
          data-value={String(bar.value)}
        >
          <Text className='chart__label'>{labelOf(bar.key)}</Text>
          <View className='chart__track'>
            <View
              className={`chart__bar chart__bar--${bar.key}`}
              style={{ width: `${bar.percent}%` }}
            />
          </View>
          <Text className='chart__value'>{String(bar.value)}</Text>
        </View>
      ))}
    </View>
  )
}

type CaseChartProps = { id: string; days: readonly CaseDay[] }

// Cases per day as stacked bars: confirmed, then suspected.
export function CaseChart({ id, days }: CaseChartProps) {
  return (
    <View id={id} className='chart'>
      {days.map((day) => (
        <View
          key={day.date}
          className='chart__row'
          data-key={day.date}
          data-confirmed={String(day.confirmed)}
          data-suspected={String(day.suspected)}
        >
          <Text className='chart__label'>{day.date.slice(5)}</Text>
          <View className='chart__track chart__track--stacked'>
            <View
              className='chart__bar chart__bar--confirmed'
              style={{ width: `${day.confirmedPercent}%` }}
            />
            <View
              className='chart__bar chart__bar--suspected'
              style={{ width: `${day.suspectedPercent}%` }}
            />
          </View>
          <Text className='chart__value'>
            {`${day.confirmed} / ${day.suspected}`}
          </Text>
        </View>
      ))}
    </View>
  )
}
