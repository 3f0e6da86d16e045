// Normalises a document number as typed or pasted: NFKC turns full-width
// digits and letters into ASCII, whitespace anywhere is dropped and letters
// are upper-cased (a check character typed as `x` becomes `X`).
export function normalizeDocumentNumber(raw: string): string {
  return raw.trim().normalize('NFKC').replace(/\s+/g, '').toUpperCase()
}
