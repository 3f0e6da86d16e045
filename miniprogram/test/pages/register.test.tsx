import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fieldText, problemText } from '../../src/contract'
import RegisterPage from '../../src/pages/register/index'
import { json, problem, renderPage, SIGNED_IN, type Routes } from '../fakes'

const CITY = {
  id: 'hangzhou',
  name: '杭州',
  timeZone: 'Asia/Shanghai',
  acceptedDocuments: [
    'mainland_id',
    'residence_permit',
    'hk_macau_permit',
    'taiwan_permit',
    'passport',
  ],
  eligibility: 'open',
}

const PROFILE = {
  id: 'r_02',
  maskedName: 'J*** D**',
  documentType: 'passport',
  maskedDocument: '****89',
  city: 'hangzhou',
  language: 'en',
}

const NEW_SESSION = { ...SIGNED_IN, registered: false }

function type(id: string, value: string) {
  const input = document.getElementById(id)
  if (input === null) throw new Error(`no element #${id}`)
  fireEvent.change(input, { target: { value } })
}

function click(id: string) {
  act(() => document.getElementById(id)?.click())
}

function renderRegister(routes: Routes) {
  return renderPage(<RegisterPage />, {
    routes: { 'GET /v1/city': json(200, CITY), ...routes },
    session: NEW_SESSION,
  })
}

describe('RegisterPage', () => {
  it('prefills the phone from sign-in', () => {
    renderRegister({})
    const phone = document.getElementById('reg-phone') as HTMLInputElement
    expect(phone.value).toBe('13800000003')
  })

  it('offers one button per accepted document type', async () => {
    renderRegister({
      'GET /v1/city': json(200, {
        ...CITY,
        acceptedDocuments: ['mainland_id', 'passport'],
      }),
    })
    await waitFor(() =>
      expect(document.getElementById('reg-doc-taiwan_permit')).toBeNull(),
    )
    expect(document.getElementById('reg-doc-mainland_id')).not.toBeNull()
    expect(document.getElementById('reg-doc-passport')).not.toBeNull()
  })

  it('asks for the issuing country only for passports', () => {
    renderRegister({})
    expect(document.getElementById('reg-country')).toBeNull()
    click('reg-doc-passport')
    expect(document.getElementById('reg-country')).not.toBeNull()
  })

  it('registers a passport holder and moves on', async () => {
    const { requests, routes, services } = renderRegister({
      'POST /v1/residents': json(201, PROFILE),
      'GET /v1/residents/me/status': json(200, { rated: false }),
    })
    act(() => document.getElementById('lang-en')?.click())
    type('reg-name', 'John Doe')
    click('reg-doc-passport')
    type('reg-number', 'E12345689')
    type('reg-country', 'usa')
    click('reg-submit')
    await waitFor(() => expect(routes).toEqual(['questionnaire']))
    const registration = requests.find((request) =>
      request.url.endsWith('/v1/residents'),
    )
    expect(registration?.body).toEqual({
      name: 'John Doe',
      document: { type: 'passport', number: 'E12345689', country: 'usa' },
      phone: '13800000003',
      language: 'en',
    })
    expect(services.session.load()?.registered).toBe(true)
  })

  it('marks a wrong check character before sending', () => {
    const { requests } = renderRegister({})
    type('reg-name', '张三')
    type('reg-number', '110101199003074515')
    click('reg-submit')
    expect(
      requests.filter((request) => request.method === 'POST'),
    ).toHaveLength(0)
    expect(
      document.getElementById('field-error-document.number')?.textContent,
    ).toBe(fieldText('document.number', 'ID_CHECKSUM_INVALID', 'zh'))
  })

  it('shows a field problem from the API next to its field', async () => {
    renderRegister({
      'POST /v1/residents': problem(409, 'IDENTITY_TAKEN', [
        {
          field: 'document.number',
          code: 'IDENTITY_TAKEN',
          message: 'taken',
        },
      ]),
    })
    type('reg-name', '张三')
    type('reg-number', '110101199003074514')
    click('reg-submit')
    const message = await screen.findByText(
      fieldText('document.number', 'IDENTITY_TAKEN', 'zh'),
    )
    expect(message.id).toBe('field-error-document.number')
    expect(document.getElementById('error-banner')).not.toBeNull()
  })

  it('explains why a city does not admit the resident', async () => {
    renderRegister({
      'POST /v1/residents': problem(403, 'NOT_ELIGIBLE'),
    })
    type('reg-name', '张三')
    type('reg-number', '110101199003074514')
    click('reg-submit')
    await waitFor(() =>
      expect(document.getElementById('error-banner')).not.toBeNull(),
    )
    expect(document.getElementById('error-banner')?.textContent).toContain(
      problemText('NOT_ELIGIBLE', 'zh').detail,
    )
  })
})
