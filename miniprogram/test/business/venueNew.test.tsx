import { act, fireEvent, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import VenueNewPage from '../../src/business/venue-new/index'
import { json, problem, renderPage, SIGNED_IN, type Routes } from '../fakes'
import { venue } from '../guard/fixtures'

function type(id: string, value: string) {
  const input = document.getElementById(id)
  if (input === null) throw new Error(`no element #${id}`)
  fireEvent.change(input, { target: { value } })
}

function click(id: string) {
  act(() => document.getElementById(id)?.click())
}

function renderForm(routes: Routes = {}) {
  return renderPage(<VenueNewPage />, {
    routes: {
      'POST /v1/venues': json(201, venue('v_09', { access: 'owner' })),
      ...routes,
    },
    session: SIGNED_IN,
  })
}

function fillRequired() {
  type('venue-name', ' 西湖银泰 ')
  type('venue-address', '杭州市上城区延安路 98 号')
  click('venue-type-market')
}

describe('VenueNewPage', () => {
  it('sends the venue without a policy by default', async () => {
    const { requests, routes } = renderForm()
    fillRequired()
    click('venue-submit')
    await waitFor(() => expect(routes).toEqual(['back']))
    expect(requests[0]?.body).toEqual({
      name: '西湖银泰',
      address: '杭州市上城区延安路 98 号',
      type: 'market',
    })
  })

  it('sends the chosen policy and coordinates', async () => {
    const { requests } = renderForm()
    fillRequired()
    type('venue-lat', '30.2587')
    type('venue-lng', '120.1689')
    click('venue-temperature')
    click('venue-submit')
    await waitFor(() => expect(requests).toHaveLength(1))
    expect(requests[0]?.body).toMatchObject({
      location: { lat: 30.2587, lng: 120.1689 },
      policy: { temperatureRequired: true, recordDocument: false },
    })
  })

  it('marks a toggled policy as on', () => {
    renderForm()
    click('venue-temperature')
    const toggle = document.getElementById('venue-temperature')
    expect(toggle?.dataset.on).toBe('true')
    click('venue-temperature')
    expect(toggle?.dataset.on).toBe('false')
  })

  it('requires a type and both coordinates', async () => {
    const { requests } = renderForm()
    type('venue-name', '西湖银泰')
    type('venue-address', '延安路 98 号')
    type('venue-lat', '30.2587')
    click('venue-submit')
    await waitFor(() =>
      expect(document.getElementById('field-error-type')).not.toBeNull(),
    )
    expect(
      document.getElementById('field-error-location.lng'),
    ).not.toBeNull()
    expect(requests).toHaveLength(0)
  })

  it('keeps names with formula and markup characters as typed', async () => {
    const { requests } = renderForm()
    const name = '=1+2 @<b>店</b>-'
    type('venue-name', name)
    type('venue-address', '延安路 98 号')
    click('venue-type-restaurant')
    click('venue-submit')
    await waitFor(() => expect(requests).toHaveLength(1))
    expect(requests[0]?.body).toMatchObject({ name })
  })

  it('shows a policy the city does not allow', async () => {
    const { routes } = renderForm({
      'POST /v1/venues': problem(422, 'VENUE_POLICY_NOT_ALLOWED', [
        {
          field: 'policy.recordDocument',
          code: 'VENUE_POLICY_NOT_ALLOWED',
          message: 'not allowed',
        },
      ]),
    })
    fillRequired()
    click('venue-record-document')
    click('venue-submit')
    await waitFor(() =>
      expect(
        document.getElementById('field-error-policy.recordDocument'),
      ).not.toBeNull(),
    )
    expect(routes).toEqual([])
  })
})
