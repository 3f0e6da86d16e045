import { View } from '@tarojs/components'
import { useEffect, useMemo, useState } from 'react'
import { useServices } from '../../services/services'
import { accountIdOf } from '../accountId'
import { useOperatorApi } from '../api'
import type { OverrideRequestView } from '../contract'
import { useOperatorTranslation } from '../i18n'
import { SectionResult, useSectionOutcome } from '../outcome'
import { BulkOverrideForm } from './BulkOverrideForm'
import { PendingRequests } from './PendingRequests'
import { SingleOverrideForm } from './SingleOverrideForm'

// Single overrides, bulk requests and the approval of other operators'
// bulk requests.
export function OverrideSection() {
  const { t } = useOperatorTranslation()
  const { session } = useServices()
  const operatorApi = useOperatorApi()
  const outcome = useSectionOutcome()
  const { fail } = outcome
  const [requests, setRequests] = useState<OverrideRequestView[] | null>(null)
  const [busy, setBusy] = useState(false)
  const accountId = useMemo(() => {
    const token = session.load()?.token
    return token === undefined ? null : accountIdOf(token)
  }, [session])

  useEffect(() => {
    let cancelled = false
    void operatorApi.listOverrideRequests().then((result) => {
      if (cancelled) return
      if (result.kind === 'ok') setRequests(result.value.items)
      else fail(result)
    })
    return () => {
      cancelled = true
    }
  }, [operatorApi, fail])

  const approve = async (request: OverrideRequestView) => {
    setBusy(true)
    const result = await operatorApi.approveOverrideRequest(request.id)
    setBusy(false)
    if (result.kind !== 'ok') {
      fail(result)
      return
    }
    const approved = result.value
    setRequests((shown) =>
      (shown ?? []).filter((item) => item.id !== approved.id),
    )
    outcome.succeed(
      approved.result === undefined
        ? t('overrides.approvedApplying')
        : t('overrides.approvedResult', approved.result),
    )
  }

  const requested = (request: OverrideRequestView) =>
    setRequests((shown) => [...(shown ?? []), request])

  return (
    <View id='op-overrides'>
      <SingleOverrideForm />
      <BulkOverrideForm onRequested={requested} />
      <SectionResult
        id='op-request-result'
        success={outcome.success}
        notice={outcome.notice}
      />
      <PendingRequests
        requests={requests}
        accountId={accountId}
        busy={busy}
        onApprove={(request) => void approve(request)}
      />
    </View>
  )
}
