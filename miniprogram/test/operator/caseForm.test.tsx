import { act, fireEvent, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { validateCase } from '../../src/operator/cases/validate'
import { json, problem } from '../fakes'
import { renderConsole } from './fixtures'

// 20 January 2026, 12:00 in Shanghai.
const NOW = new Date('2026-01-20T04:00:00Z')

const FORM = {
  documentType: 'mainland_id' as const,
  number: '330106199003071236',
  country: '',
  kind: 'confirmed' as const,
  onset: '2026-01-18',
  sampleDate: '',
  note: '',
}

const REPORTED = {
  id: 'c_1',
  residentId: 'r_9',
  maskedName: '*雷',
  kind: 'confirmed',
  onset: '2026-01-18',
  reportedAt: '2026-01-20T04:00:00Z',
  matching: 'requested',
}

function type(id: string, value: string) {
  const field = document.querySelector(`#${id}`)
  if (field === null) throw new Error(`no field ${id}`)
  fireEvent.change(field, { target: { value } })
}

describe('validateCase', () => {
  it('builds the request without empty optional fields', () => {
    expect(validateCase(FORM, NOW)).toEqual({
      kind: 'ok',
      request: {
        document: { type: 'mainland_id', number: '330106199003071236' },
        kind: 'confirmed',
        onset: '2026-01-18',
      },
    })
  })

  it('keeps a sample date and a note', () => {
    const checked = validateCase(
      { ...FORM, sampleDate: '2026-01-19', note: ' 无症状 ' },
      NOW,
    )
    if (checked.kind !== 'ok') throw new Error('expected a valid case')
    expect(checked.request.sampleDate).toBe('2026-01-19')
    expect(checked.request.note).toBe('无症状')
  })

  it('sends the country of a passport only', () => {
    const checked = validateCase(
      {
        ...FORM,
        documentType: 'passport',
        number: 'E12345678',
        country: 'usa',
      },
      NOW,
    )
    if (checked.kind !== 'ok') throw new Error('expected a valid case')
    expect(checked.request.document).toEqual({
      type: 'passport',
      number: 'E12345678',
      country: 'usa',
    })
  })

  it('requires a kind and an onset date', () => {
    expect(validateCase({ ...FORM, kind: null, onset: '' }, NOW)).toEqual({
      kind: 'invalid',
      fields: [
        { field: 'kind', code: 'none_selected' },
        { field: 'onset', code: 'required' },
      ],
    })
  })

  it('rejects an onset in another format', () => {
    expect(validateCase({ ...FORM, onset: '18/01/2026' }, NOW)).toEqual({
      kind: 'invalid',
      fields: [{ field: 'onset', code: 'date_invalid' }],
    })
  })

  it('rejects dates after today in the city', () => {
    // 16:30 UTC on 20 January is already 21 January in Shanghai.
    const evening = new Date('2026-01-20T16:30:00Z')
    expect(validateCase({ ...FORM, onset: '2026-01-21' }, evening).kind).toBe(
      'ok',
    )
    expect(
      validateCase(
        { ...FORM, onset: '2026-01-22', sampleDate: '2026-01-23' },
        evening,
      ),
    ).toEqual({
      kind: 'invalid',
      fields: [
        { field: 'onset', code: 'date_in_future' },
        { field: 'sampleDate', code: 'date_in_future' },
      ],
    })
  })

  it('checks the document with the shared rules', () => {
    expect(
      validateCase({ ...FORM, number: '330106199003071231' }, NOW),
    ).toEqual({
      kind: 'invalid',
      fields: [{ field: 'document.number', code: 'ID_CHECKSUM_INVALID' }],
    })
  })
})

describe('CaseSection', () => {
  it('shows validation messages without sending', () => {
    const { requests } = renderConsole('cases', {})
    type('op-case-onset', '2026-1-8')
    act(() => document.getElementById('op-case-submit')?.click())
    expect(
      document.getElementById('field-error-onset')?.textContent,
    ).toBe('请按 YYYY-MM-DD 格式填写日期，如 2026-02-10。')
    expect(document.getElementById('field-error-kind')?.textContent).toBe(
      '请至少选择一项。',
    )
    expect(
      document.getElementById('op-case-result')?.getAttribute('data-outcome'),
    ).toBe('error')
    expect(requests).toEqual([])
  })

  it('asks for the country of a passport only', () => {
    renderConsole('cases', {})
    expect(document.getElementById('op-case-country')).toBeNull()
    act(() => document.getElementById('op-case-doc-passport')?.click())
    expect(document.getElementById('op-case-country')).not.toBeNull()
  })

  it('reports a case and shows the result', async () => {
    const { requests } = renderConsole('cases', {
      'POST /v1/cases': json(201, REPORTED),
    })
    type('op-case-number', '330106199003071236')
    act(() => document.getElementById('op-case-kind-confirmed')?.click())
    type('op-case-onset', '2026-01-18')
    await act(async () => document.getElementById('op-case-submit')?.click())
    expect(requests[0]?.body).toEqual({
      document: { type: 'mainland_id', number: '330106199003071236' },
      kind: 'confirmed',
      onset: '2026-01-18',
    })
    await waitFor(() =>
      expect(
        document.getElementById('op-case-result')?.getAttribute('data-outcome'),
      ).toBe('success'),
    )
    expect(document.getElementById('op-case-result')?.textContent).toBe(
      '已将 *雷 报告为确诊病例，发病日期 2026-01-18。' +
        ' 已开始查找时空交集人员，结果稍后生效。',
    )
  })

  it('words an API rejection in English', async () => {
    renderConsole(
      'cases',
      { 'POST /v1/cases': problem(404, 'NOT_REGISTERED') },
      'en',
    )
    type('op-case-number', '330106199003071236')
    act(() => document.getElementById('op-case-kind-suspected')?.click())
    type('op-case-onset', '2026-01-18')
    await act(async () => document.getElementById('op-case-submit')?.click())
    await waitFor(() =>
      expect(
        document.getElementById('op-case-result')?.getAttribute('data-outcome'),
      ).toBe('error'),
    )
    const text = document.getElementById('op-case-result')?.textContent ?? ''
    expect(text).not.toContain('server title')
    expect(text).toMatch(/[A-Za-z]/)
  })
})
