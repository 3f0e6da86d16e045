// Characters that make spreadsheet programs read a cell as a formula, or
// that they strip before doing so.
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r']

// Writes rows as RFC 4180 CSV with CRLF after every row. A cell that starts
// like a formula gets a leading single quote, so spreadsheet programs show
// it as text instead of running it. A cell with a comma, a double quote or
// a line break is quoted. `bom` prefixes a byte order mark, without which
// Excel reads UTF-8 Chinese text as another encoding.
// NOTE: the quote also reaches programs that read the CSV as data, so a
// negative number such as -5 is exported as '-5.
export function toCsv(
  rows: readonly (readonly string[])[],
  options: { bom?: boolean } = {},
): string {
  const body = rows
    .map((row) => row.map(csvCell).join(',') + '\r\n')
    .join('')
  return options.bom === true ? '\uFEFF' + body : body
}

function csvCell(value: string): string {
  const safe = FORMULA_TRIGGERS.some((trigger) => value.startsWith(trigger))
    ? `'${value}`
    : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
