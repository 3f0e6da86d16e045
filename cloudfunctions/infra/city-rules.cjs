'use strict'
// Loads a city's rules through the shared TypeScript loader at packaging
// time, so `serverless package` fails for an unknown city or a rules file
// that does not pass the schema, before anything is deployed.

const { mkdtempSync, rmSync, writeFileSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { join } = require('node:path')
const { buildSync } = require('esbuild')

const root = join(__dirname, '..', '..')

let loader = null

// Bundles shared/src/cities (with zod and the JSON files) into one CommonJS
// file and requires it. esbuild is the bundler serverless-esbuild uses too.
function sharedCities() {
  if (loader !== null) return loader
  const folder = mkdtempSync(join(tmpdir(), 'health-code-cities-'))
  try {
    const file = join(folder, 'cities.cjs')
    const result = buildSync({
      entryPoints: [join(root, 'shared', 'src', 'cities', 'index.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    })
    writeFileSync(file, result.outputFiles[0].contents)
    loader = require(file)
    return loader
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

/** Returns the validated rules of a city; throws naming the problem. */
function loadCityRules(city) {
  return sharedCities().loadCityRules(city)
}

module.exports = { loadCityRules }
