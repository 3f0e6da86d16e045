import { describe, expect, it } from 'vitest'
import {
  caseDays,
  checkinDayBars,
  colorBars,
  datesBetween,
  venueTypeBars,
} from '../../src/operator/stats/chartData'

const STATS = {
  from: '2026-01-18',
  to: '2026-01-20',
  evaluatedAt: '2026-01-20T04:00:00Z',
  residents: { green: 800, yellow: 150, red: 40, unrated: 10 },
  checkins: [
    { date: '2026-01-18', venueType: 'market', count: 30 },
    { date: '2026-01-18', venueType: 'subway_bus', count: 10 },
    { date: '2026-01-20', venueType: 'market', count: 20 },
    { date: '2026-01-20', venueType: 'bank', count: 20 },
  ],
  cases: [
    { date: '2026-01-19', confirmed: 2, suspected: 1 },
    { date: '2026-01-20', confirmed: 0, suspected: 6 },
  ],
}

describe('datesBetween', () => {
  it('lists both ends and every day between', () => {
    expect(datesBetween('2026-01-30', '2026-02-02')).toEqual([
      '2026-01-30',
      '2026-01-31',
      '2026-02-01',
      '2026-02-02',
    ])
  })

  it('returns nothing for a reversed range', () => {
    expect(datesBetween('2026-01-02', '2026-01-01')).toEqual([])
  })
})

describe('colorBars', () => {
  it('scales each color to the largest count', () => {
    expect(colorBars(STATS.residents)).toEqual([
      { key: 'green', value: 800, percent: 100 },
      { key: 'yellow', value: 150, percent: 18.8 },
      { key: 'red', value: 40, percent: 5 },
      { key: 'unrated', value: 10, percent: 1.3 },
    ])
  })

  it('draws no bar when every count is zero', () => {
    const bars = colorBars({ green: 0, yellow: 0, red: 0, unrated: 0 })
    expect(bars.map((bar) => bar.percent)).toEqual([0, 0, 0, 0])
  })
})

describe('checkinDayBars', () => {
  it('adds up venue types per day and fills empty days', () => {
    expect(checkinDayBars(STATS)).toEqual([
      { key: '2026-01-18', value: 40, percent: 100 },
      { key: '2026-01-19', value: 0, percent: 0 },
      { key: '2026-01-20', value: 40, percent: 100 },
    ])
  })
})

describe('venueTypeBars', () => {
  it('puts the busiest type first and ties by name', () => {
    expect(venueTypeBars(STATS)).toEqual([
      { key: 'market', value: 50, percent: 100 },
      { key: 'bank', value: 20, percent: 40 },
      { key: 'subway_bus', value: 10, percent: 20 },
    ])
  })
})

describe('caseDays', () => {
  it('stacks confirmed and suspected against the busiest day', () => {
    expect(caseDays(STATS)).toEqual([
      {
        date: '2026-01-18',
        confirmed: 0,
        suspected: 0,
        total: 0,
        confirmedPercent: 0,
        suspectedPercent: 0,
      },
      {
        date: '2026-01-19',
        confirmed: 2,
        suspected: 1,
        total: 3,
        confirmedPercent: 33.3,
        suspectedPercent: 16.7,
      },
      {
        date: '2026-01-20',
        confirmed: 0,
        suspected: 6,
        total: 6,
        confirmedPercent: 0,
        suspectedPercent: 100,
      },
    ])
  })
})
