import { readFile } from 'node:fs/promises'

// Demo residents seeded into every local start. They sign in like anyone
// else: the one-time password is read from the local SMS outbox.
export const demoResidents = [
  {
    phone: '13800000001',
    name: '张三',
    document: { type: 'mainland_id', number: '11010519491231002X' },
    risky: false,
  },
  {
    phone: '13800000002',
    name: 'Jane Doe',
    document: { type: 'passport', country: 'GBR', number: '123456789' },
    risky: true,
  },
]

/** A phone that is not registered, for trying the whole journey. */
export const newcomerPhone = '13800000003'

// A demo business with one venue, and a guard posted at that venue.
export const demoBusiness = {
  phone: '13800000010',
  name: 'Chen Jing',
  document: { type: 'passport', country: 'SGP', number: 'K1234567' },
  company: {
    name: '杭州文三路市场管理有限公司',
    creditCode: '91330100MA27XK6P3P',
  },
  venue: {
    name: '文三路菜市场',
    address: '杭州市西湖区文三路 100 号',
    type: 'market',
  },
}

export const demoGuard = {
  phone: '13800000011',
  name: '李强',
  document: { type: 'mainland_id', number: '330106199003071236' },
}

/** Returns the newest code sent to phone, waiting for the outbox to show it. */
export async function readOtp(outboxFile, phone, { seconds = 10 } = {}) {
  const digits = phone.replace(/\D/g, '').slice(-11)
  const deadline = Date.now() + seconds * 1_000
  while (Date.now() < deadline) {
    const text = await readFile(outboxFile, 'utf8').catch(() => '')
    const messages = text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .filter((message) => message.to.replace(/\D/g, '').endsWith(digits))
    const code = messages.at(-1)?.text.match(/\b(\d{6})\b/)?.[1]
    if (code) return code
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(
    `no one-time password for the phone ending ${digits.slice(-4)}`,
  )
}

async function call(apiUrl, method, path, { token, body } = {}) {
  const response = await fetch(apiUrl + path, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const payload = await response.json().catch(() => null)
  if (!response.ok) {
    const code = payload?.code ?? response.status
    const detail = payload?.detail ?? ''
    throw new Error(`${method} ${path} failed: ${code} ${detail}`)
  }
  return payload
}

/** Signs in by one-time password and returns the session token. */
export async function signIn(apiUrl, outboxFile, phone) {
  await call(apiUrl, 'POST', '/v1/auth/otp', { body: { phone } })
  const code = await readOtp(outboxFile, phone)
  const session = await call(apiUrl, 'POST', '/v1/auth/token', {
    body: { phone, code },
  })
  return session.token
}

// The no-risk answer to each question: "no" for a yes/no question and the
// option "none" otherwise. A risky resident answers the first yes/no
// question (symptoms) with "yes".
function answersFor(questionnaire, risky) {
  const answers = {}
  for (const question of questionnaire.questions) {
    if (question.kind === 'boolean') answers[question.id] = false
    if (question.kind === 'single') answers[question.id] = 'none'
    if (question.kind === 'multiple') answers[question.id] = ['none']
  }
  const first = questionnaire.questions.find((q) => q.kind === 'boolean')
  if (risky && first) answers[first.id] = true
  return answers
}

// Signs in, registers and answers the questionnaire; returns the session
// token and the resulting color.
async function register(apiUrl, outboxFile, questionnaire, resident) {
  const token = await signIn(apiUrl, outboxFile, resident.phone)
  await call(apiUrl, 'POST', '/v1/residents', {
    token,
    body: {
      name: resident.name,
      document: resident.document,
      phone: resident.phone,
    },
  })
  const answers = answersFor(questionnaire, resident.risky ?? false)
  const path = '/v1/residents/me/questionnaire'
  const status = await call(apiUrl, 'POST', path, { token, body: { answers } })
  return { token, color: status.color }
}

async function seedVenue(apiUrl, outboxFile, questionnaire) {
  const first = await register(apiUrl, outboxFile, questionnaire, demoBusiness)
  await call(apiUrl, 'POST', '/v1/businesses', {
    token: first.token,
    body: demoBusiness.company,
  })
  const { token } = await call(apiUrl, 'POST', '/v1/auth/refresh', {
    token: first.token,
  })
  const venue = await call(apiUrl, 'POST', '/v1/venues', {
    token,
    body: demoBusiness.venue,
  })
  await register(apiUrl, outboxFile, questionnaire, demoGuard)
  await call(apiUrl, 'POST', `/v1/venues/${venue.id}/guards`, {
    token,
    body: { phone: demoGuard.phone },
  })
  return venue
}

/**
 * Registers the demo residents, business, venue and guard. Returns the
 * residents with their colors and the venue with its code text.
 */
export async function seedDemo(apiUrl, outboxFile) {
  const questionnaire = await call(apiUrl, 'GET', '/v1/questionnaire')
  const residents = []
  for (const resident of demoResidents) {
    const registered = await register(
      apiUrl,
      outboxFile,
      questionnaire,
      resident,
    )
    residents.push({ ...resident, color: registered.color })
  }
  const venue = await seedVenue(apiUrl, outboxFile, questionnaire)
  return { residents, venue }
}
