import type { CityRules } from '@healthcode/shared'
import type { AuditLog } from '../audit/records'
import type { CaseRepository } from '../cases/repository'
import type { FactStore } from '../facts/service'
import type { AppLogger } from '../http/handler'
import type { AccountStore } from '../storage/accounts'
import type { PiiProtector } from '../storage/pii'
import { getResident } from '../storage/residents'
import type { OperatorRepository } from './repository'

// Dependencies of the operator routes other than the case routes.
export type OperatorServiceDependencies = {
  rules: CityRules
  accounts: AccountStore
  pii: PiiProtector
  operators: OperatorRepository
  cases: CaseRepository
  facts: FactStore
  audit: AuditLog
  logger: AppLogger
}

/** Returns the masked name of a resident, or '' when the id is unknown. */
export async function maskedNameOf(
  accounts: AccountStore,
  residentId: string,
): Promise<string> {
  const resident = await getResident(
    accounts.db,
    accounts.tables.residents,
    residentId,
  )
  return resident?.maskedName ?? ''
}
