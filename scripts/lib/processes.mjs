import { spawn } from 'node:child_process'

// Process groups still running. If this process ends without stop() having
// run (an uncaught error, process.exit), the exit hook ends them too.
const running = new Set()
process.on('exit', () => {
  for (const pid of running) signalGroup(pid, 'SIGKILL')
})

/**
 * Starts a child in its own process group so that stop() ends it together
 * with anything it spawned, and nothing else.
 */
export function startChild(name, command, args, { env, cwd, quiet }) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
  })
  let output = ''
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  running.add(child.pid)
  const exited = new Promise((resolve) =>
    child.once('exit', (code) => {
      running.delete(child.pid)
      resolve(code)
    }),
  )
  return {
    name,
    pid: child.pid,
    exited,
    recentOutput: () => output,
    stop: () => stopGroup(child.pid, exited),
  }
}

async function stopGroup(pid, exited) {
  if (!signalGroup(pid, 'SIGTERM')) return
  const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal)
    return true
  } catch {
    return false
  }
}

/** Polls url until it returns 2xx, the child exits, or the time runs out. */
export async function waitForHttp(url, child, { seconds = 90 } = {}) {
  const deadline = Date.now() + seconds * 1_000
  let exitCode = null
  child.exited.then((code) => (exitCode = code ?? 'signal'))
  while (Date.now() < deadline) {
    if (exitCode !== null) {
      throw new Error(
        `${child.name} exited (${exitCode}) before ${url} responded:\n` +
          child.recentOutput(),
      )
    }
    const ok = await fetch(url).then((r) => r.ok, () => false)
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(
    `${child.name} did not respond at ${url} within ${seconds} s:\n` +
      child.recentOutput(),
  )
}
