import { useMemo } from 'react'
import type { ApiClient, SignedRequest } from '../api/client'
import { useServices } from '../services/services'
import {
  CaseResponse,
  CityStats,
  FlagList,
  ImportResponse,
  OperatorAppealList,
  OperatorAppealView,
  OverrideRequestList,
  OverrideRequestView,
  OverrideResponse,
  RiskyVenueResponse,
  type AppealDecisionRequest,
  type AppealStatus,
  type BulkOverrideRequest,
  type CaseRequest,
  type CityStatsQuery,
  type ImportRequest,
  type OverrideRequest,
  type RiskyVenueRequest,
} from './contract'

const segment = (id: string) => encodeURIComponent(id)

// Routes of the operator console.
export function operatorApi(client: ApiClient) {
  const { request } = client
  return {
    reportCase: (body: CaseRequest) =>
      request('POST', '/v1/cases', CaseResponse, body),
    markRiskyVenue: (body: RiskyVenueRequest) =>
      request('POST', '/v1/risky-venues', RiskyVenueResponse, body),
    importTravelRecords: (body: ImportRequest) =>
      request('POST', '/v1/imports/travel-records', ImportResponse, body),
    // URLSearchParams is missing from the mini-program runtimes, so the
    // query is written by hand.
    listAppeals: (status: AppealStatus, cursor: string | null) => {
      const page = cursor === null ? '' : `&cursor=${segment(cursor)}`
      const path = `/v1/appeals?status=${status}${page}`
      return request('GET', path, OperatorAppealList)
    },
    decideAppeal: (id: string, body: AppealDecisionRequest) =>
      request(
        'POST',
        `/v1/appeals/${segment(id)}/decision`,
        OperatorAppealView,
        body,
      ),
    setOverride: (body: OverrideRequest) =>
      request('POST', '/v1/overrides', OverrideResponse, body),
    requestBulkOverride: (body: BulkOverrideRequest) =>
      request('POST', '/v1/overrides/bulk', OverrideRequestView, body),
    listOverrideRequests: () =>
      request('GET', '/v1/override-requests', OverrideRequestList),
    approveOverrideRequest: (id: string) =>
      request(
        'POST',
        `/v1/override-requests/${segment(id)}/approve`,
        OverrideRequestView,
      ),
    listFlags: () => request('GET', '/v1/flags', FlagList),
    getStats: (query: CityStatsQuery) =>
      request(
        'GET',
        `/v1/stats?from=${query.from}&to=${query.to}`,
        CityStats,
      ),
    casesExport: (): SignedRequest =>
      client.signedRequest('/v1/exports/cases.csv', 'text/csv'),
  }
}

export type OperatorApi = ReturnType<typeof operatorApi>

export function useOperatorApi(): OperatorApi {
  const { api } = useServices()
  return useMemo(() => operatorApi(api), [api])
}
