const MASK = '*'

// A letter with its combining marks, or any other single code point.
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu
const HAN_NAME = /^[\p{Script=Han}\u00b7]+$/u

function clustersOf(text: string): string[] {
  return text.match(CLUSTER) ?? []
}

// Masks a name for display. A Chinese name keeps only its last character,
// so `张三` becomes `*三` and `买买提·艾力` becomes `*****力` (the middle
// dot is masked too). Any other name keeps the first letter of each
// space-separated word and masks the rest, hyphens and apostrophes
// included, so `Anna-Lena O'Brien` becomes `A******** O******`. A name of
// one character becomes `*`.
export function maskName(name: string): string {
  const clusters = clustersOf(name)
  if (clusters.length <= 1) return MASK.repeat(clusters.length)
  if (HAN_NAME.test(name)) {
    return MASK.repeat(clusters.length - 1) + clusters[clusters.length - 1]
  }
  return name.split(' ').map(maskWord).join(' ')
}

function maskWord(word: string): string {
  const clusters = clustersOf(word)
  const first = clusters[0] ?? ''
  return first + MASK.repeat(Math.max(0, clusters.length - 1))
}

// Masks a document number, showing the first 2 and last 2 characters.
// Numbers of 6 characters or fewer show only the last 2, and numbers of 2
// or fewer show nothing.
export function maskDocument(number: string): string {
  const characters = [...number]
  const length = characters.length
  if (length <= 2) return MASK.repeat(length)
  const last = characters.slice(-2).join('')
  if (length <= 6) return MASK.repeat(length - 2) + last
  return characters.slice(0, 2).join('') + MASK.repeat(length - 4) + last
}
