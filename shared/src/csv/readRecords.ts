// An RFC 4180 reader that reports a malformed record and goes on with the
// next one. Records end at CRLF, LF or a lone CR. A byte order mark at the
// start is dropped.

export type CsvRecordProblem = 'quote_unterminated' | 'quote_misplaced'

export type CsvRecord =
  // `line` is the 1-based line on which the record starts.
  | { kind: 'ok'; line: number; fields: string[] }
  | { kind: 'invalid'; line: number; problem: CsvRecordProblem }

const BOM = '\uFEFF'

type Cursor = { text: string; index: number; line: number }

// Yields the records of a CSV text one by one, so a caller can stop early.
// Blank lines yield nothing.
export function* readCsvRecords(text: string): Generator<CsvRecord> {
  const cursor: Cursor = {
    text,
    index: text.startsWith(BOM) ? BOM.length : 0,
    line: 1,
  }
  while (cursor.index < text.length) {
    const line = cursor.line
    const startIndex = cursor.index
    const result = readRecord(cursor)
    if (result.kind === 'invalid') {
      yield { kind: 'invalid', line, problem: result.problem }
      // An unterminated quote would swallow the rest of the file, so the
      // reader resumes on the line after the start of that record. After
      // a misplaced quote it resumes on the line after the quote.
      if (result.problem === 'quote_unterminated') {
        cursor.index = startIndex
        cursor.line = line
      }
      skipLine(cursor)
      continue
    }
    const fields = result.fields
    if (fields.length === 1 && fields[0] === '') continue
    yield { kind: 'ok', line, fields }
  }
}

type RecordResult =
  | { kind: 'ok'; fields: string[] }
  | { kind: 'invalid'; problem: CsvRecordProblem }

function readRecord(cursor: Cursor): RecordResult {
  const fields: string[] = []
  for (;;) {
    const field =
      cursor.text[cursor.index] === '"'
        ? readQuoted(cursor)
        : readUnquoted(cursor)
    if (typeof field !== 'string') return field
    fields.push(field)
    const next = cursor.text[cursor.index]
    if (next === ',') {
      cursor.index += 1
      continue
    }
    // At a line break or the end of the text.
    skipLineBreak(cursor)
    return { kind: 'ok', fields }
  }
}

function readUnquoted(cursor: Cursor): string | RecordResult {
  const { text } = cursor
  const start = cursor.index
  let index = start
  while (index < text.length) {
    const char = text[index]
    if (char === ',' || char === '\r' || char === '\n') break
    if (char === '"') {
      cursor.index = index
      return { kind: 'invalid', problem: 'quote_misplaced' }
    }
    index += 1
  }
  cursor.index = index
  return text.slice(start, index)
}

// Reads a field in double quotes, in which `""` stands for one quote and
// commas and line breaks are data.
function readQuoted(cursor: Cursor): string | RecordResult {
  const { text } = cursor
  let index = cursor.index + 1
  let value = ''
  for (;;) {
    const quote = text.indexOf('"', index)
    if (quote === -1) return { kind: 'invalid', problem: 'quote_unterminated' }
    value += text.slice(index, quote)
    if (text[quote + 1] === '"') {
      value += '"'
      index = quote + 2
      continue
    }
    index = quote + 1
    break
  }
  cursor.line += countLineBreaks(text.slice(cursor.index, index))
  cursor.index = index
  const after = text[index]
  const atEnd =
    after === undefined || after === ',' || after === '\r' || after === '\n'
  return atEnd ? value : { kind: 'invalid', problem: 'quote_misplaced' }
}

function countLineBreaks(text: string): number {
  const matches = text.match(/\r\n|\r|\n/g)
  return matches === null ? 0 : matches.length
}

// Moves past one line break (CRLF, LF or CR) if the cursor is at one.
function skipLineBreak(cursor: Cursor): void {
  const { text } = cursor
  const char = text[cursor.index]
  if (char === '\r') {
    cursor.index += text[cursor.index + 1] === '\n' ? 2 : 1
    cursor.line += 1
  } else if (char === '\n') {
    cursor.index += 1
    cursor.line += 1
  }
}

function skipLine(cursor: Cursor): void {
  const { text } = cursor
  let index = cursor.index
  while (index < text.length && text[index] !== '\r' && text[index] !== '\n') {
    index += 1
  }
  cursor.index = index
  skipLineBreak(cursor)
}
