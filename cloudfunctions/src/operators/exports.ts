import { cityClock, cityDate, toCsv } from '@healthcode/shared'
import { newEventId, subjectKey, type Actor } from '../audit/records'
import { mapLimited } from '../facts/batch'
import { maskedNameOf, type OperatorServiceDependencies } from './service'

const READ_CONCURRENCY = 8

export const CASES_CSV_HEADER = [
  'case_id',
  'kind',
  'onset',
  'sample_date',
  'reported_at',
  'masked_name',
  'note',
] as const

/**
 * Exports every reported case as CSV with masked names only. Cells that a
 * spreadsheet would run as a formula are neutralised by `toCsv`, which
 * matters for the operators' free-text notes. The export is audited as a
 * read of the personal data of every case in it.
 */
export async function exportCasesCsv(
  deps: OperatorServiceDependencies,
  input: { operator: Actor; now: Date },
): Promise<string> {
  const cases = await deps.cases.listCases()
  const timeZone = deps.rules.timeZone
  const rows = await mapLimited(cases, READ_CONCURRENCY, async (reported) => {
    const reportedAt = new Date(reported.reportedAt)
    return [
      reported.caseId,
      reported.kind,
      reported.onset,
      reported.sampleDate ?? '',
      `${cityDate(reportedAt, timeZone)} ${cityClock(reportedAt, timeZone)}`,
      await maskedNameOf(deps.accounts, reported.residentId),
      reported.note ?? '',
    ]
  })
  await deps.audit.put({
    residentId: subjectKey('operator', input.operator.accountId),
    eventId: newEventId(input.now),
    kind: 'personal_data_read',
    at: input.now.toISOString(),
    actor: input.operator,
    data: 'cases_export',
    query: {},
    residentCount: new Set(cases.map((reported) => reported.residentId)).size,
  })
  return toCsv([[...CASES_CSV_HEADER], ...rows], { bom: true })
}
