import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, request as forward } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

// Resolves a request path inside root, or null when it would leave root.
function resolveInside(root, urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0])
  const target = normalize(join(root, decoded))
  return target === root || target.startsWith(root + sep) ? target : null
}

async function fileFor(root, urlPath) {
  const target = resolveInside(root, urlPath)
  if (target === null) return null
  const info = await stat(target).catch(() => null)
  if (info?.isFile()) return target
  if (info?.isDirectory()) return fileFor(root, join(urlPath, 'index.html'))
  return null
}

// Passes /v1/* on to the API unchanged, so the H5 page calls its own origin
// and needs neither a baked-in API address nor CORS.
function proxy(request, response, apiUrl) {
  const target = new URL(request.url, apiUrl)
  const upstream = forward(
    target,
    {
      method: request.method,
      headers: { ...request.headers, host: target.host },
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(response)
    },
  )
  upstream.on('error', () => {
    response.writeHead(502, { 'content-type': 'text/plain' })
    response.end('the API is not reachable')
  })
  request.pipe(upstream)
}

/**
 * Serves the files of one folder on 127.0.0.1 and, when apiUrl is given,
 * proxies /v1/* to it. Unknown paths get the folder's index.html, because the
 * H5 build routes on the client.
 */
export function serveStatic({ root, port, apiUrl }) {
  const server = createServer(async (request, response) => {
    if (apiUrl && request.url?.startsWith('/v1/')) {
      proxy(request, response, apiUrl)
      return
    }
    let file = null
    try {
      file = await fileFor(root, request.url ?? '/')
      file ??= await fileFor(root, '/index.html')
    } catch {
      file = null
    }
    if (file === null) {
      response.writeHead(404, { 'content-type': 'text/plain' })
      response.end('not found')
      return
    }
    const type = contentTypes[extname(file)] ?? 'application/octet-stream'
    response.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-store',
    })
    createReadStream(file).pipe(response)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}
