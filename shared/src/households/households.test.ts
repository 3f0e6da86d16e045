import { describe, expect, it } from 'vitest'
import type { CityRules } from '../cities/cityRules'
import { loadCityRules } from '../cities/loadCityRules'
import { evaluate } from '../rating/evaluate'
import { coResidentReason, householdReasons } from './coResidents'
import { canAddDependent } from './dependents'

const hangzhou = loadCityRules('hangzhou')
const shanghai = loadCityRules('shanghai')
const NOW = new Date('2026-02-12T10:00:00+08:00')

function withCoResidents(
  color: CityRules['households']['coResidentsOfCase'],
): CityRules {
  return {
    ...hangzhou,
    households: { ...hangzhou.households, coResidentsOfCase: color },
  }
}

describe('city household rules', () => {
  it('gives co-residents of a case yellow in Hangzhou', () => {
    expect(hangzhou.households).toEqual({
      maxDependents: 5,
      coResidentsOfCase: 'yellow',
    })
  })

  it('gives co-residents of a case red in Shanghai', () => {
    expect(shanghai.households).toEqual({
      maxDependents: 5,
      coResidentsOfCase: 'red',
    })
  })
})

describe('canAddDependent', () => {
  it('allows dependents below the maximum', () => {
    expect(canAddDependent(hangzhou, 0)).toEqual({ kind: 'allowed' })
    expect(canAddDependent(hangzhou, 4)).toEqual({ kind: 'allowed' })
  })

  it('rejects a dependent at the maximum', () => {
    expect(canAddDependent(hangzhou, 5)).toEqual({
      kind: 'limit_reached',
      maxDependents: 5,
    })
  })

  it('rejects any dependent when the maximum is 0', () => {
    const none = { households: { ...hangzhou.households, maxDependents: 0 } }
    expect(canAddDependent(none, 0).kind).toBe('limit_reached')
  })

  it.each([-1, 1.5, Number.NaN])('throws on the count %s', (count) => {
    expect(() => canAddDependent(hangzhou, count)).toThrow(
      'canAddDependent needs a whole count of 0 or more',
    )
  })
})

describe('householdReasons', () => {
  const members = ['parent', 'child', 'grandparent']

  it('gives every other member a fact recorded now', () => {
    expect(householdReasons(hangzhou, members, ['child'], NOW)).toEqual([
      { memberId: 'grandparent', fact: { reportedAt: NOW } },
      { memberId: 'parent', fact: { reportedAt: NOW } },
    ])
  })

  it('gives nothing without a case', () => {
    expect(householdReasons(hangzhou, members, [], NOW)).toEqual([])
  })

  it('gives nothing when the city sets none', () => {
    const none = withCoResidents('none')
    expect(householdReasons(none, members, ['child'], NOW)).toEqual([])
  })

  it('leaves out every member who is a case', () => {
    const facts = householdReasons(hangzhou, members, ['child', 'parent'], NOW)
    expect(facts.map((entry) => entry.memberId)).toEqual(['grandparent'])
  })

  it('throws on a case outside the household', () => {
    const outside = () =>
      householdReasons(hangzhou, members, ['stranger'], NOW)
    expect(outside).toThrow('householdReasons got a case outside the household')
  })

  it('turns a member into yellow in Hangzhou', () => {
    const [entry] = householdReasons(hangzhou, members, ['child'], NOW)
    if (entry === undefined) throw new Error('expected a fact')
    const rating = evaluate(
      hangzhou,
      { declarations: [], household: [entry.fact] },
      NOW,
    )
    expect(rating.color).toBe('yellow')
    expect(rating.until).toEqual(new Date('2026-02-20T00:00:00+08:00'))
  })
})

describe('coResidentReason', () => {
  it('never names the member who is a case', () => {
    const reason = coResidentReason(hangzhou, { reportedAt: NOW })
    expect(reason?.text).toEqual({
      zh: '您的同住家庭成员于2026-02-12被报告为病例',
      en: 'A member of your household was reported as a case on 2026-02-12',
    })
  })

  it('gives red for 14 days in Shanghai', () => {
    const reason = coResidentReason(shanghai, { reportedAt: NOW })
    expect(reason?.color).toBe('red')
    expect(reason?.until).toEqual(new Date('2026-02-27T00:00:00+08:00'))
  })

  it('gives none when the city sets none', () => {
    const none = withCoResidents('none')
    expect(coResidentReason(none, { reportedAt: NOW })).toBeNull()
  })
})
