import { ProblemBody } from '../api/client'
import type { PosterOutcome, PosterSaver } from './types'

async function failureOf(response: Response): Promise<PosterOutcome> {
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // Not JSON, so not problem details either.
  }
  const problem = ProblemBody.safeParse(body)
  return problem.success
    ? { kind: 'problem', status: response.status, problem: problem.data }
    : { kind: 'unexpected', status: response.status }
}

// Fetches the poster with the bearer token, which a plain link cannot
// send, and saves it through a temporary object URL.
export const savePoster: PosterSaver = async (request, fileName) => {
  let response: Response
  try {
    response = await fetch(request.url, { headers: { ...request.headers } })
  } catch {
    return { kind: 'network' }
  }
  if (!response.ok) return failureOf(response)
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoked later rather than at once, in case the browser has not read the
  // blob yet when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return { kind: 'saved' }
}
