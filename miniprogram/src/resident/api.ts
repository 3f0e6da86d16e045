import { useMemo } from 'react'
import type { ApiClient } from '../api/client'
import {
  CodeResponse,
  ResidentStatus,
  type Answer,
  type QuestionnaireRequest,
} from '../contract'
import { useServices } from '../services/services'
import {
  AppealList,
  AppealView,
  DependentList,
  DependentView,
  HouseholdInvitation,
  HouseholdView,
  type AppealRequest,
  type DependentLinkRequest,
  type DependentRequest,
  type HouseholdInviteRequest,
} from './contract'

const dependentPath = (id: string) =>
  `/v1/residents/me/dependents/${encodeURIComponent(id)}`

// Routes of a resident's appeals, dependents and household.
export function residentApi(client: ApiClient) {
  const { request } = client
  return {
    listAppeals: () =>
      request('GET', '/v1/residents/me/appeals', AppealList),
    fileAppeal: (body: AppealRequest) =>
      request('POST', '/v1/residents/me/appeals', AppealView, body),
    listDependents: () =>
      request('GET', '/v1/residents/me/dependents', DependentList),
    addDependent: (body: DependentRequest) =>
      request('POST', '/v1/residents/me/dependents', DependentView, body),
    linkDependent: (body: DependentLinkRequest) =>
      request(
        'POST',
        '/v1/residents/me/dependents/link',
        DependentView,
        body,
      ),
    getDependentCode: (id: string) =>
      request('GET', `${dependentPath(id)}/code`, CodeResponse),
    answerForDependent: (id: string, answers: Record<string, Answer>) => {
      const body: QuestionnaireRequest = { answers }
      return request(
        'POST',
        `${dependentPath(id)}/questionnaire`,
        ResidentStatus,
        body,
      )
    },
    getHousehold: () =>
      request('GET', '/v1/residents/me/household', HouseholdView),
    inviteToHousehold: (body: HouseholdInviteRequest) =>
      request(
        'POST',
        '/v1/residents/me/household',
        HouseholdInvitation,
        body,
      ),
    acceptInvitation: () =>
      request('POST', '/v1/residents/me/household/accept', HouseholdView),
  }
}

export type ResidentApi = ReturnType<typeof residentApi>

export function useResidentApi(): ResidentApi {
  const { api } = useServices()
  return useMemo(() => residentApi(api), [api])
}
