import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

const run = promisify(execFile)

/** Decodes the QR code in a PNG screenshot with jsQR. */
export function decodeWithJsqr(png: Buffer): string | null {
  const image = PNG.sync.read(png)
  const pixels = new Uint8ClampedArray(image.data)
  return jsQR(pixels, image.width, image.height)?.data ?? null
}

/** Decodes the QR code in a PNG file with zbarimg from zbar-tools. */
export async function decodeWithZbar(png: Buffer, path: string) {
  await writeFile(path, png)
  const { stdout } = await run('zbarimg', ['--quiet', '--raw', path])
  return stdout.trim()
}
