import { describe, expect, it } from 'vitest'
import { parseTravelRecordsCsv } from './travelRecords'

const TODAY = new Date('2026-02-12T12:00:00+08:00')
const HEADER = 'document_type,document_number,country,place,time,source'
const ID = '33010619900101123X'
const OTHER_ID = '310115198512310029'

function parse(lines: string[], separator = '\n') {
  return parseTravelRecordsCsv(lines.join(separator), { today: TODAY })
}

describe('parseTravelRecordsCsv', () => {
  it('reads a record', () => {
    const result = parse([
      HEADER,
      `mainland_id,${ID},,武汉,2026-02-10T14:30:00+08:00,railway`,
    ])
    expect(result).toEqual({
      records: [
        {
          line: 2,
          documentType: 'mainland_id',
          documentNumber: ID,
          country: null,
          place: '武汉',
          at: new Date('2026-02-10T14:30:00+08:00'),
          source: 'railway',
        },
      ],
      errors: [],
    })
  })

  it('normalises the document number', () => {
    const lowerX = ID.replace('X', 'x')
    const result = parse([
      HEADER,
      `mainland_id, ${lowerX} ,,武汉,2026-02-10T14:30:00+08:00,railway`,
      'passport,e1234-5678,usa,Seoul,2026-02-10T14:30:00Z,airline',
    ])
    expect(result.errors).toEqual([])
    expect(result.records.map((record) => record.documentNumber)).toEqual([
      ID,
      'E12345678',
    ])
    expect(result.records[1]?.country).toBe('USA')
  })

  it('reads quoted values with commas and quotes', () => {
    const result = parse([
      HEADER,
      `mainland_id,${ID},,"Hangzhou, ""West Lake""",` +
        '2026-02-10T14:30:00+08:00,"rail, G7"',
    ])
    expect(result.errors).toEqual([])
    expect(result.records[0]?.place).toBe('Hangzhou, "West Lake"')
    expect(result.records[0]?.source).toBe('rail, G7')
  })

  it('counts lines inside quoted values', () => {
    const result = parse([
      HEADER,
      `mainland_id,${ID},,"West Lake` + '\nDistrict",2026-02-10T14:30:00Z,rail',
      `mainland_id,${OTHER_ID},,上海,2026-02-10T15:00:00+08:00,railway`,
    ])
    // A place is one line, so the first row is reported, from line 2.
    expect(result.errors.map((error) => [error.line, error.field])).toEqual([
      [2, 'place'],
    ])
    expect(result.records.map((record) => record.line)).toEqual([4])
  })

  it('reads CRLF line endings', () => {
    const result = parse(
      [
        HEADER,
        `mainland_id,${ID},,武汉,2026-02-10T14:30:00+08:00,railway`,
        `mainland_id,${OTHER_ID},,上海,2026-02-10T15:00:00+08:00,railway`,
        '',
      ],
      '\r\n',
    )
    expect(result.errors).toEqual([])
    expect(result.records.map((record) => record.source)).toEqual([
      'railway',
      'railway',
    ])
    expect(result.records.map((record) => record.line)).toEqual([2, 3])
  })

  it('tolerates a byte order mark', () => {
    const result = parse([
      `\uFEFF${HEADER}`,
      `mainland_id,${ID},,武汉,2026-02-10T14:30:00+08:00,railway`,
    ])
    expect(result.errors).toEqual([])
    expect(result.records).toHaveLength(1)
  })

  it('accepts the columns in another order and case', () => {
    const result = parse([
      'Source,TIME,place,country,document_number,document_type',
      `railway,2026-02-10T14:30:00+08:00,武汉,,${ID},mainland_id`,
    ])
    expect(result.errors).toEqual([])
    expect(result.records[0]?.documentNumber).toBe(ID)
  })

  it('reports bad rows by line and keeps the good ones', () => {
    const result = parse([
      HEADER,
      `mainland_id,${ID},,武汉,2026-02-10T14:30:00+08:00,railway`,
      'mainland_id,330106199001011230,,武汉,2026-02-10T14:30:00+08:00,railway',
      `mainland_id,${ID},,武汉,2026-02-10 14:30,railway`,
      `mainland_id,${ID},,武汉`,
      '',
      `visa,${ID},,武汉,2026-02-10T14:30:00+08:00,railway`,
      `mainland_id,${ID},CHN,武汉,2026-02-10T14:30:00+08:00,railway`,
      `mainland_id,${ID},,武汉,2026-02-13T14:30:00+08:00,railway`,
      `mainland_id,${OTHER_ID},,上海,2026-02-11T09:00:00+08:00,airline`,
    ])
    expect(result.records.map((record) => record.line)).toEqual([2, 10])
    expect(
      result.errors.map((error) => [error.line, error.field, error.code]),
    ).toEqual([
      [3, 'document_number', 'ID_CHECKSUM_INVALID'],
      [4, 'time', 'invalid'],
      [5, 'row', 'column_count'],
      [7, 'document_type', 'invalid'],
      [8, 'country', 'not_allowed'],
      [9, 'time', 'in_future'],
    ])
  })

  it('explains each error', () => {
    const result = parse([HEADER, `mainland_id,${ID},,武汉`])
    expect(result.errors).toEqual([
      {
        line: 2,
        field: 'row',
        code: 'column_count',
        message:
          'Expected 6 values, found 4. Enclose values that contain commas ' +
          'in double quotes.',
      },
    ])
  })

  it('reports every bad field of a row', () => {
    const result = parse([HEADER, 'passport,E12345678,XXX,,yesterday,'])
    expect(
      result.errors.map((error) => [error.line, error.field, error.code]),
    ).toEqual([
      [2, 'country', 'PASSPORT_COUNTRY_INVALID'],
      [2, 'place', 'missing'],
      [2, 'time', 'invalid'],
      [2, 'source', 'missing'],
    ])
  })

  it('reports a misplaced quote and reads on', () => {
    const result = parse([
      HEADER,
      `mainland_id,${ID},,Wu"han,2026-02-10T14:30:00+08:00,railway`,
      `mainland_id,${ID},,"Wuhan"x,2026-02-10T14:30:00+08:00,railway`,
      `mainland_id,${OTHER_ID},,上海,2026-02-11T09:00:00+08:00,airline`,
    ])
    expect(result.errors.map((error) => [error.line, error.code])).toEqual([
      [2, 'quote_misplaced'],
      [3, 'quote_misplaced'],
    ])
    expect(result.records.map((record) => record.line)).toEqual([4])
  })

  it('reports an unterminated quote and reads the next lines', () => {
    const result = parse([
      HEADER,
      `mainland_id,${ID},,"Wuhan,2026-02-10T14:30:00+08:00,railway`,
      `mainland_id,${OTHER_ID},,上海,2026-02-11T09:00:00+08:00,airline`,
    ])
    expect(result.errors.map((error) => [error.line, error.code])).toEqual([
      [2, 'quote_unterminated'],
    ])
    expect(result.records.map((record) => record.line)).toEqual([3])
  })

  it('rejects places the city does not know', () => {
    const result = parseTravelRecordsCsv(
      [
        HEADER,
        `mainland_id,${ID},,wuhan,2026-02-10T14:30:00+08:00,railway`,
        `mainland_id,${ID},,paris,2026-02-10T14:30:00+08:00,railway`,
      ].join('\n'),
      { today: TODAY, knownPlaces: ['wuhan', 'wenzhou'] },
    )
    expect(result.records.map((record) => record.place)).toEqual(['wuhan'])
    expect(result.errors.map((error) => [error.line, error.code])).toEqual([
      [3, 'unknown_place'],
    ])
  })

  it('rejects control characters in a value', () => {
    const result = parse([
      HEADER,
      `mainland_id,${ID},,"Wu\u0000han",2026-02-10T14:30:00+08:00,railway`,
    ])
    expect(result.errors.map((error) => [error.field, error.code])).toEqual([
      ['place', 'invalid'],
    ])
  })

  it('stops after the maximum number of rows', () => {
    const row = `mainland_id,${ID},,武汉,2026-02-10T14:30:00+08:00,railway`
    const result = parseTravelRecordsCsv(
      [HEADER, row, row, row, row].join('\n'),
      { today: TODAY, maxRows: 3 },
    )
    expect(result.records.map((record) => record.line)).toEqual([2, 3, 4])
    expect(result.errors.map((error) => [error.line, error.code])).toEqual([
      [5, 'too_many_rows'],
    ])
  })

  it('reads exactly the maximum number of rows', () => {
    const row = `mainland_id,${ID},,武汉,2026-02-10T14:30:00+08:00,railway`
    const result = parseTravelRecordsCsv([HEADER, row, row].join('\n'), {
      today: TODAY,
      maxRows: 2,
    })
    expect(result.records).toHaveLength(2)
    expect(result.errors).toEqual([])
  })

  it.each([
    ['an unknown column', `${HEADER},notes`],
    ['a missing column', 'document_type,document_number,country,place,time'],
    ['a repeated column', `${HEADER},place`],
  ])('rejects a header with %s', (_name, header) => {
    const result = parse([
      header,
      `mainland_id,${ID},,武汉,2026-02-10T14:30:00+08:00,railway`,
    ])
    expect(result.records).toEqual([])
    expect(result.errors.map((error) => [error.line, error.code])).toEqual([
      [1, 'header_invalid'],
    ])
  })

  it('rejects an empty file', () => {
    const result = parseTravelRecordsCsv('', { today: TODAY })
    expect(result.errors.map((error) => [error.field, error.code])).toEqual([
      ['header', 'header_invalid'],
    ])
  })

  it('accepts a header without rows', () => {
    expect(parse([HEADER, ''])).toEqual({ records: [], errors: [] })
  })
})
