import { act, fireEvent, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { errorsByLine } from '../../src/operator/imports/importErrors'
import { json, problem } from '../fakes'
import { renderConsole } from './fixtures'

const CSV = [
  'document_type,document_number,country,place,time,source',
  'mainland_id,330106199003071236,,wuhan,2026-01-15T10:00:00+08:00,rail',
  'mainland_id,330106199003071230,,wuhan,2026-01-15T10:00:00+08:00,rail',
  'passport,E1234,usa,wuhan,yesterday,air',
].join('\n')

const RESULT = {
  imported: 1,
  flagged: 1,
  skipped: 0,
  errors: [
    {
      line: 4,
      field: 'time',
      code: 'invalid',
      message: 'The time is invalid.',
    },
    {
      line: 3,
      field: 'document_number',
      code: 'ID_CHECKSUM_INVALID',
      message: 'The check character is wrong.',
    },
    {
      line: 4,
      field: 'document_number',
      code: 'PASSPORT_NUMBER_INVALID',
      message: 'The passport number is invalid.',
    },
    {
      line: 9,
      field: 'row',
      code: 'something_new',
      message: 'A message only the server knows.',
    },
  ],
}

function paste(text: string) {
  const field = document.querySelector('#op-import-csv')
  if (field === null) throw new Error('no CSV field')
  fireEvent.change(field, { target: { value: text } })
}

describe('errorsByLine', () => {
  it('groups errors by line in line order', () => {
    const lines = errorsByLine(RESULT.errors)
    expect(lines.map((entry) => entry.line)).toEqual([3, 4, 9])
    expect(lines[1]?.errors.map((error) => error.field)).toEqual([
      'time',
      'document_number',
    ])
  })

  it('returns nothing for a clean import', () => {
    expect(errorsByLine([])).toEqual([])
  })
})

describe('ImportSection', () => {
  it('sends the pasted text as typed', async () => {
    const { requests } = renderConsole('import', {
      'POST /v1/imports/travel-records': json(200, RESULT),
    })
    paste(CSV)
    await act(async () => document.getElementById('op-import-submit')?.click())
    expect(requests[0]?.body).toEqual({ csv: CSV })
  })

  it('shows the imported and flagged counts', async () => {
    renderConsole('import', {
      'POST /v1/imports/travel-records': json(200, RESULT),
    })
    paste(CSV)
    await act(async () => document.getElementById('op-import-submit')?.click())
    await waitFor(() =>
      expect(document.getElementById('op-import-result')).not.toBeNull(),
    )
    const result = document.getElementById('op-import-result')
    expect(result?.getAttribute('data-imported')).toBe('1')
    expect(result?.getAttribute('data-flagged')).toBe('1')
    expect(
      document.getElementById('op-import-imported')?.getAttribute('data-count'),
    ).toBe('1')
    expect(result?.textContent).toContain(
      '已导入 1 条，标记核查 1 人，跳过 0 条。',
    )
  })

  it('lists the errors of each line in the user language', async () => {
    renderConsole('import', {
      'POST /v1/imports/travel-records': json(200, RESULT),
    })
    paste(CSV)
    await act(async () => document.getElementById('op-import-submit')?.click())
    await waitFor(() =>
      expect(document.getElementById('op-import-line-4')).not.toBeNull(),
    )
    const lines = document.querySelectorAll('#op-import-errors [data-line]')
    expect([...lines].map((line) => line.getAttribute('data-line'))).toEqual([
      '3',
      '4',
      '9',
    ])
    const lineFour = document.getElementById('op-import-line-4')
    const errors = lineFour?.querySelectorAll('.op-import-line__error') ?? []
    const fields = [...errors].map((error) => error.getAttribute('data-field'))
    expect(fields).toEqual(['time', 'document_number'])
    expect(errors[0]?.textContent).toBe('time: 格式有误。')
    expect(lineFour?.textContent).toContain('第 4 行')
    expect(
      document.getElementById('op-import-line-3')?.textContent,
    ).not.toContain('The check character is wrong.')
    expect(document.getElementById('op-import-line-9')?.textContent).toBe(
      '第 9 行row: A message only the server knows.',
    )
  })

  it('says when no line has a problem', async () => {
    renderConsole('import', {
      'POST /v1/imports/travel-records': json(200, {
        ...RESULT,
        errors: [],
      }),
    })
    paste(CSV)
    await act(async () => document.getElementById('op-import-submit')?.click())
    await waitFor(() =>
      expect(document.getElementById('op-import-errors')?.textContent).toBe(
        '没有有误的行。',
      ),
    )
  })

  it('asks for text before sending', () => {
    const { requests } = renderConsole('import', {})
    act(() => document.getElementById('op-import-submit')?.click())
    expect(document.getElementById('field-error-csv')?.textContent).toBe(
      '请粘贴 CSV 内容，第一行为列名。',
    )
    expect(requests).toEqual([])
  })

  it('shows a rejected import as an error', async () => {
    renderConsole('import', {
      'POST /v1/imports/travel-records': problem(413, 'BODY_TOO_LARGE'),
    })
    paste(CSV)
    await act(async () => document.getElementById('op-import-submit')?.click())
    await waitFor(() =>
      expect(
        document.getElementById('op-import-result')?.getAttribute(
          'data-outcome',
        ),
      ).toBe('error'),
    )
  })
})
