import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

// The WOFF 1.0 files of @fontsource/noto-sans-sc, weight 400. The WOFF2
// files of the same package do not work: the subsetter of
// @pdf-lib/fontkit 1.1 copies glyph data through a `loca` table that does
// not match their transformed `glyf` table, and the glyphs come out blank.
export const FONT_FOLDER = join(
  'node_modules',
  '@fontsource',
  'noto-sans-sc',
  'files',
)

export function fontFileName(subset: string): string {
  return `noto-sans-sc-${subset}-400-normal.woff`
}

let foundFolder: string | undefined

/**
 * Reads a font file of the package. The folder is looked up once, walking
 * up from this module's folder and then from the working directory. Tests
 * find the workspace's hoisted node_modules that way. In Lambda the files
 * are in `node_modules/` at the root of the zip (/var/task), where the
 * serverless `package.patterns` of the function put them.
 */
export function readFontFile(fileName: string): Uint8Array {
  foundFolder ??= findFontFolder()
  return readFileSync(join(foundFolder, fileName))
}

function findFontFolder(): string {
  const probe = fontFileName('latin')
  const starts = searchStarts()
  for (const start of starts) {
    for (let folder = start; ; folder = dirname(folder)) {
      const candidate = join(folder, FONT_FOLDER)
      if (existsSync(join(candidate, probe))) return candidate
      if (dirname(folder) === folder) break
    }
  }
  throw new Error(
    `Font folder ${FONT_FOLDER} not found above ${starts.join(' or ')}; ` +
      'check that the package includes the Noto Sans SC WOFF files',
  )
}

function searchStarts(): string[] {
  // esbuild writes a CommonJS bundle, where `__dirname` is the bundle's
  // folder, and vitest defines it for source modules too.
  const starts = [process.cwd()]
  if (typeof __dirname === 'string') starts.unshift(__dirname)
  return starts
}
