import type { ApiClient } from '../../api/client'
import type { Failure } from '../../api/failure'
import type { StatusReason } from '../../contract'
import type { ResidentApi } from '../api'

// Whose reasons an appeal contests: the resident's own or a dependent's.
export type AppealSubject = {
  reasons: StatusReason[]
  // Masked name of the dependent, or null for the resident.
  dependentName: string | null
}

export type SubjectResult =
  | { kind: 'ok'; subject: AppealSubject }
  | { kind: 'failed'; failure: Failure }
  // The dependent id of the page is not among the resident's dependents.
  | { kind: 'not-found' }

// Loads the current reasons of the resident, or of the dependent with
// `dependentId`. A person without a rating has no reasons to appeal.
export async function loadAppealSubject(
  api: Pick<ApiClient, 'getStatus'>,
  residentApi: Pick<ResidentApi, 'listDependents'>,
  dependentId: string | null,
): Promise<SubjectResult> {
  if (dependentId === null) {
    const status = await api.getStatus()
    if (status.kind !== 'ok') return { kind: 'failed', failure: status }
    const reasons = status.value.rated ? status.value.reasons : []
    return { kind: 'ok', subject: { reasons, dependentName: null } }
  }
  const list = await residentApi.listDependents()
  if (list.kind !== 'ok') return { kind: 'failed', failure: list }
  const dependent = list.value.items.find((item) => item.id === dependentId)
  if (dependent === undefined) return { kind: 'not-found' }
  const reasons = dependent.status.rated ? dependent.status.reasons : []
  return {
    kind: 'ok',
    subject: { reasons, dependentName: dependent.maskedName },
  }
}
