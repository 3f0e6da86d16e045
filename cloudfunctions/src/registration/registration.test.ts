import { loadCityRules, type CityRules } from '@healthcode/shared'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mainlandId, nextMainlandId, nextPhone } from '../../test/ids'
import { createTestStack, type TestStack } from '../../test/stack'

const START = '2026-02-10T02:00:00.000Z'

type Signed = { token: string; phone: string }

async function signedIn(stack: TestStack): Promise<Signed> {
  const phone = nextPhone()
  return { token: await stack.signIn(phone.raw, phone.e164), phone: phone.raw }
}

function register(
  stack: TestStack,
  user: Signed,
  document: { type: string; number: string; country?: string },
  options: { name?: string; headers?: Record<string, string> } = {},
) {
  return stack.request({
    method: 'POST',
    path: '/v1/residents',
    token: user.token,
    headers: options.headers,
    body: { name: options.name ?? '张三', document, phone: user.phone },
  })
}

function mainland(number: string) {
  return { type: 'mainland_id', number }
}

async function countItems(stack: TestStack, table: string): Promise<number> {
  return (await stack.snapshot())[table]?.length ?? 0
}

describe('POST /v1/residents in Hangzhou', () => {
  let stack: TestStack

  beforeAll(async () => {
    stack = await createTestStack({ start: START })
  })

  beforeEach(() => {
    stack.clock.set(START)
  })

  afterAll(async () => {
    await stack.close()
  })

  it('registers a resident and returns the masked profile', async () => {
    const user = await signedIn(stack)
    const number = mainlandId('330106', '19900307', '004')
    const response = await register(stack, user, mainland(number))
    expect(response.status).toBe(201)
    expect(response.json).toEqual({
      id: expect.any(String),
      maskedName: '*三',
      documentType: 'mainland_id',
      maskedDocument: '33**************49',
      city: 'hangzhou',
      language: 'zh',
    })
    const me = await stack.request({
      method: 'GET',
      path: '/v1/residents/me',
      token: user.token,
    })
    expect(me.status).toBe(200)
    expect(me.json).toEqual(response.json)
  })

  it('reports the account as registered at the next sign-in', async () => {
    const phone = nextPhone()
    const token = await stack.signIn(phone.raw, phone.e164)
    await register(stack, { token, phone: phone.raw }, mainland(nextMainlandId()))
    stack.clock.advanceSeconds(60)
    await stack.request({
      method: 'POST',
      path: '/v1/auth/otp',
      body: { phone: phone.raw },
    })
    const again = await stack.request({
      method: 'POST',
      path: '/v1/auth/token',
      body: { phone: phone.raw, code: await stack.latestOtp(phone.e164) },
    })
    expect(again.json.registered).toBe(true)
  })

  it('stores personal data only hashed, encrypted or masked', async () => {
    const user = await signedIn(stack)
    const number = mainlandId('330106', '19881122', '031')
    const response = await register(stack, user, mainland(number), {
      name: '欧阳娜娜',
    })
    expect(response.status).toBe(201)
    const stored = JSON.stringify(await stack.snapshot())
    expect(stored).not.toContain('欧阳娜娜')
    expect(stored).not.toContain(number)
    expect(stored).not.toContain(user.phone)
    expect(stored).toContain('***娜')

    const resident = (await stack.snapshot()).residents
      ?.map((item) => JSON.parse(String(item)))
      .find((item) => item.residentId === response.json.id)
    const pii = stack.runtime.pii
    expect(
      pii.decrypt(resident.nameCiphertext, `name:${resident.residentId}`),
    ).toBe('欧阳娜娜')
    expect(
      pii.decrypt(resident.phoneCiphertext, `phone:${resident.residentId}`),
    ).toBe(`+86${user.phone}`)
  })

  it('registers the written variants of one ID number once', async () => {
    const user = await signedIn(stack)
    const identitiesBefore = await countItems(stack, 'identities')
    const variants = [
      '11010519491231002x',
      ' 11010519491231002X ',
      '１１０１０５１９４９１２３１００２Ｘ',
    ]
    const responses = []
    for (const variant of variants) {
      responses.push(await register(stack, user, mainland(variant)))
    }
    expect(responses.map((response) => response.status)).toEqual([
      201, 200, 200,
    ])
    const ids = new Set(responses.map((response) => response.json.id))
    expect(ids.size).toBe(1)
    expect(responses[2]?.json.maskedDocument).toBe('11**************2X')
    expect(await countItems(stack, 'identities')).toBe(identitiesBefore + 1)
  })

  it('matches a 15-digit ID with its 18-character form', async () => {
    const legacy = '330106620315041'
    const upgraded = mainlandId('330106', '19620315', '041')
    const first = await signedIn(stack)
    const created = await register(stack, first, mainland(legacy))
    expect(created.status).toBe(201)
    expect(created.json.maskedDocument).toBe(
      `33${'*'.repeat(14)}${upgraded.slice(-2)}`,
    )
    const second = await signedIn(stack)
    const rejected = await register(stack, second, mainland(upgraded))
    expect(rejected.status).toBe(409)
    expect(rejected.json.code).toBe('IDENTITY_TAKEN')
  })

  it.each([
    ['a wrong check character', 'mainland_id', '110105194912310021', undefined,
      'ID_CHECKSUM_INVALID', 'document.number'],
    ['a short number', 'mainland_id', '1101051949', undefined,
      'ID_FORMAT_INVALID', 'document.number'],
    ['an impossible birth date', 'mainland_id',
      mainlandId('110105', '19491331', '002'), undefined,
      'ID_BIRTH_DATE_INVALID', 'document.number'],
    ['an unknown region', 'mainland_id', mainlandId('990105', '19491231', '002'),
      undefined, 'ID_REGION_INVALID', 'document.number'],
    ['a permit without its prefix', 'residence_permit', '11010519491231002X',
      undefined, 'PERMIT_PREFIX_INVALID', 'document.number'],
    ['an unknown passport country', 'passport', 'E12345678', 'XYZ',
      'PASSPORT_COUNTRY_INVALID', 'document.country'],
    ['a short passport number', 'passport', 'E1', 'USA',
      'PASSPORT_NUMBER_INVALID', 'document.number'],
    ['a malformed travel permit', 'hk_macau_permit', 'X1234', undefined,
      'TRAVEL_PERMIT_INVALID', 'document.number'],
  ])('rejects %s', async (_, type, number, country, code, field) => {
    const user = await signedIn(stack)
    const before = await stack.snapshot()
    const response = await register(stack, user, { type, number, country })
    expect(response.status).toBe(400)
    expect(response.json.code).toBe(code)
    expect(response.json.errors).toEqual([
      { field, code, message: expect.stringContaining('') },
    ])
    expect(await stack.snapshot()).toEqual(before)
  })

  it('rejects a name with digits', async () => {
    const user = await signedIn(stack)
    const before = await stack.snapshot()
    const response = await register(stack, user, mainland(nextMainlandId()), {
      name: '张三3',
      headers: { 'accept-language': 'en' },
    })
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('NAME_INVALID')
    expect(response.json.errors[0].field).toBe('name')
    expect(response.json.errors[0].message).toMatch(/^Name: /)
    expect(await stack.snapshot()).toEqual(before)
  })

  it('reports every invalid field at once', async () => {
    const user = await signedIn(stack)
    const response = await stack.request({
      method: 'POST',
      path: '/v1/residents',
      token: user.token,
      body: {
        name: '<b>',
        document: mainland('123'),
        phone: 'not a phone',
      },
    })
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('NAME_INVALID')
    expect(response.json.errors.map((e: { field: string }) => e.field)).toEqual([
      'name',
      'document.number',
      'phone',
    ])
  })

  it.each([
    ['a passport', { type: 'passport', number: 'E1234-5678', country: 'usa' }],
    ['a Hong Kong and Macau permit', { type: 'hk_macau_permit', number: 'H12345678' }],
    ['a Taiwan permit', { type: 'taiwan_permit', number: '1234567890' }],
    ['a residence permit', { type: 'residence_permit', number: '810000198001010014' }],
  ])('accepts %s', async (_, document) => {
    const user = await signedIn(stack)
    const response = await register(stack, user, document, { name: 'Anna Lee' })
    expect(response.status).toBe(201)
    expect(response.json.documentType).toBe(document.type)
    expect(response.json.maskedName).toBe('A*** L**')
  })

  it('stores a permit entered as a mainland ID as a permit', async () => {
    const user = await signedIn(stack)
    const number = mainlandId('820000', '19850101', '021')
    const response = await register(stack, user, mainland(number))
    expect(response.status).toBe(201)
    expect(response.json.documentType).toBe('residence_permit')
  })

  it('rejects a phone other than the signed-in one', async () => {
    const user = await signedIn(stack)
    const before = await stack.snapshot()
    const response = await register(
      stack,
      { token: user.token, phone: nextPhone().raw },
      mainland(nextMainlandId()),
    )
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('VALIDATION_FAILED')
    expect(response.json.errors).toEqual([
      { field: 'phone', code: 'phone_mismatch', message: expect.any(String) },
    ])
    expect(await stack.snapshot()).toEqual(before)
  })

  it('refuses a second identity for a registered account', async () => {
    const user = await signedIn(stack)
    expect((await register(stack, user, mainland(nextMainlandId()))).status).toBe(
      201,
    )
    const second = await register(stack, user, mainland(nextMainlandId()))
    expect(second.status).toBe(409)
    expect(second.json.code).toBe('ALREADY_REGISTERED')
  })

  it('refuses an identity registered by another account', async () => {
    const number = nextMainlandId()
    const first = await signedIn(stack)
    await register(stack, first, mainland(number))
    const before = await stack.snapshot()
    const second = await signedIn(stack)
    const response = await register(stack, second, mainland(number))
    expect(response.status).toBe(409)
    expect(response.json.code).toBe('IDENTITY_TAKEN')
    const after = await stack.snapshot()
    expect(after.residents).toEqual(before.residents)
    expect(after.identities).toEqual(before.identities)
  })

  it('registers one of two concurrent requests for one person', async () => {
    const number = nextMainlandId()
    const first = await signedIn(stack)
    const second = await signedIn(stack)
    const responses = await Promise.all([
      register(stack, first, mainland(number)),
      register(stack, second, mainland(number)),
    ])
    const statuses = responses.map((response) => response.status).sort()
    expect(statuses).toEqual([201, 409])
  })

  it('answers NOT_REGISTERED before registration', async () => {
    const user = await signedIn(stack)
    const response = await stack.request({
      method: 'GET',
      path: '/v1/residents/me',
      token: user.token,
    })
    expect(response.status).toBe(404)
    expect(response.json.code).toBe('NOT_REGISTERED')
  })

  it('requires a session token', async () => {
    const response = await stack.request({
      method: 'GET',
      path: '/v1/residents/me',
    })
    expect(response.status).toBe(401)
    expect(response.json.code).toBe('AUTH_REQUIRED')
    expect(response.headers['www-authenticate']).toBe('Bearer')
  })

  it('rejects a forged session token', async () => {
    const user = await signedIn(stack)
    const [header, payload] = user.token.split('.')
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())
    const forged = Buffer.from(
      JSON.stringify({ ...claims, role: 'operator' }),
    ).toString('base64url')
    const response = await stack.request({
      method: 'GET',
      path: '/v1/residents/me',
      token: `${header}.${forged}.${user.token.split('.')[2]}`,
    })
    expect(response.status).toBe(401)
    expect(response.json.code).toBe('AUTH_TOKEN_INVALID')
  })

  it('rejects a session token after its lifetime', async () => {
    const user = await signedIn(stack)
    stack.clock.advanceSeconds(12 * 3600)
    const response = await stack.request({
      method: 'GET',
      path: '/v1/residents/me',
      token: user.token,
    })
    expect(response.status).toBe(401)
    expect(response.json.code).toBe('AUTH_TOKEN_EXPIRED')
  })
})

describe('POST /v1/residents in Shanghai', () => {
  let stack: TestStack

  beforeAll(async () => {
    stack = await createTestStack({ start: START, city: 'shanghai' })
  })

  afterAll(async () => {
    await stack.close()
  })

  it('admits a resident with a Shanghai ID', async () => {
    const user = await signedIn(stack)
    const response = await register(stack, user, mainland('310104198506120035'))
    expect(response.status).toBe(201)
    expect(response.json.city).toBe('shanghai')
  })

  it('refuses a non-resident with the city reason', async () => {
    const user = await signedIn(stack)
    const before = await stack.snapshot()
    const response = await register(stack, user, mainland('330106199003070049'), {
      headers: { 'accept-language': 'en' },
    })
    expect(response.status).toBe(403)
    expect(response.json.code).toBe('NOT_ELIGIBLE')
    expect(response.json.detail).toBe(
      loadCityRules('shanghai').registration.ineligibleReason?.en,
    )
    expect(await stack.snapshot()).toEqual(before)
  })

  it('refuses a passport holder', async () => {
    const user = await signedIn(stack)
    const response = await register(stack, user, {
      type: 'passport',
      number: 'E12345678',
      country: 'USA',
    })
    expect(response.status).toBe(403)
    expect(response.json.code).toBe('NOT_ELIGIBLE')
    expect(response.json.detail).toMatch(/^上海健康码/)
  })
})

describe('POST /v1/residents in a city without passports', () => {
  let stack: TestStack

  beforeAll(async () => {
    const hangzhou = loadCityRules('hangzhou')
    const rules: CityRules = {
      ...hangzhou,
      registration: {
        ...hangzhou.registration,
        acceptedDocuments: ['mainland_id'],
      },
    }
    stack = await createTestStack({ start: START, rules })
  })

  afterAll(async () => {
    await stack.close()
  })

  it('refuses a document type the city does not accept', async () => {
    const user = await signedIn(stack)
    const response = await register(stack, user, {
      type: 'passport',
      number: 'E12345678',
      country: 'USA',
    })
    expect(response.status).toBe(403)
    expect(response.json.code).toBe('DOCUMENT_TYPE_NOT_ACCEPTED')
    expect(response.json.errors[0].field).toBe('document.type')
  })
})
