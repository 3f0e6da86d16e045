// Measures the venue poster renderer: the first PDF (which reads and
// converts the fonts, as after a Lambda cold start), then repeated PDFs and
// PNGs, with their sizes.
//
//   npx tsx bench/venue-poster.ts [repetitions]
import { cpus } from 'node:os'
import {
  renderPosterPdf,
  renderPosterPng,
  type PosterPdfInput,
} from '../cloudfunctions/src/venues/poster/index'

const BASE: PosterPdfInput = {
  qrText: 'HCV1.hangzhou.v_8f3k2m9q.1.dGVzdHNpZ25hdHVyZQ',
  venueName: '杭州市西湖区文三路菜市场',
  venueAddress: '浙江省杭州市西湖区文三路 259 号',
  cityName: { zh: '杭州', en: 'Hangzhou' },
  venueId: 'v_8f3k2m9q',
}

const CASES: Array<[string, PosterPdfInput]> = [
  ['Chinese name', BASE],
  ['rare character', { ...BASE, venueName: '鲃鱼馆' }],
  ['100 characters', { ...BASE, venueName: '文三路菜市场'.repeat(17).slice(0, 100) }],
  ['400-byte QR text', { ...BASE, qrText: 'x'.repeat(400) }],
]

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now()
  const result = await work()
  return [performance.now() - start, result]
}

function percentile(sorted: number[], fraction: number): number {
  const index = Math.floor(sorted.length * fraction)
  return sorted[Math.min(sorted.length - 1, index)]!
}

async function main(): Promise<void> {
  const repetitions = Number(process.argv[2] ?? 20)
  console.log(`${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`)
  console.log(`Node ${process.version}, ${repetitions} repetitions\n`)

  const [coldMs, coldPdf] = await time(() => renderPosterPdf(BASE))
  console.log(
    `first PDF (fonts loaded): ${coldMs.toFixed(0)} ms, ` +
      `${coldPdf.length} bytes`,
  )

  for (const [label, input] of CASES) {
    const durations: number[] = []
    let size = 0
    for (let round = 0; round < repetitions; round++) {
      const [ms, pdf] = await time(() => renderPosterPdf(input))
      durations.push(ms)
      size = pdf.length
    }
    durations.sort((a, b) => a - b)
    console.log(
      `PDF, ${label}: median ${percentile(durations, 0.5).toFixed(0)} ms, ` +
        `p95 ${percentile(durations, 0.95).toFixed(0)} ms, ${size} bytes`,
    )
  }

  const durations: number[] = []
  let size = 0
  for (let round = 0; round < repetitions; round++) {
    const [ms, png] = await time(() => renderPosterPng(BASE))
    durations.push(ms)
    size = png.length
  }
  durations.sort((a, b) => a - b)
  console.log(
    `PNG: median ${percentile(durations, 0.5).toFixed(0)} ms, ` +
      `p95 ${percentile(durations, 0.95).toFixed(0)} ms, ${size} bytes`,
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
