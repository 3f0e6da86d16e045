import { Button, Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { disabledWhen } from '../../components/disabledWhen'
import { FieldError } from '../../components/Feedback'
import { useOperatorApi } from '../api'
import type { AppealStatus, OperatorAppealView } from '../contract'
import { useOperatorTranslation } from '../i18n'
import { SectionResult, useSectionOutcome } from '../outcome'
import { OperatorAppealItem } from './OperatorAppealItem'
import { validateDecision } from './validate'

const STATUSES: readonly AppealStatus[] = ['pending', 'approved', 'rejected']

// Appeals of one status, oldest first, page by page. One reason field
// serves the decision on whichever pending appeal the operator picks.
export function AppealReviewSection() {
  const { t, i18n } = useOperatorTranslation()
  const operatorApi = useOperatorApi()
  const outcome = useSectionOutcome()
  const { fail } = outcome
  const [status, setStatus] = useState<AppealStatus>('pending')
  const [appeals, setAppeals] = useState<OperatorAppealView[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)

  // Reasons come in the language of the request, so a language switch
  // loads the list again.
  useEffect(() => {
    let cancelled = false
    setAppeals(null)
    void operatorApi.listAppeals(status, null).then((result) => {
      if (cancelled) return
      if (result.kind !== 'ok') {
        fail(result)
        return
      }
      setAppeals(result.value.items)
      setCursor(result.value.nextCursor)
    })
    return () => {
      cancelled = true
    }
  }, [operatorApi, status, i18n.language, fail])

  const loadMore = async () => {
    if (cursor === null) return
    setBusy(true)
    const result = await operatorApi.listAppeals(status, cursor)
    setBusy(false)
    if (result.kind !== 'ok') {
      fail(result)
      return
    }
    setAppeals((shown) => [...(shown ?? []), ...result.value.items])
    setCursor(result.value.nextCursor)
  }

  const decide = async (
    appeal: OperatorAppealView,
    decision: 'approve' | 'reject',
  ) => {
    const checked = validateDecision(decision, reason)
    if (checked.kind === 'invalid') {
      fail(checked)
      return
    }
    setBusy(true)
    const result = await operatorApi.decideAppeal(appeal.id, checked.request)
    setBusy(false)
    if (result.kind !== 'ok') {
      fail(result)
      return
    }
    const decided = result.value
    setReason('')
    // A decided appeal leaves the list of its former status.
    setAppeals((shown) =>
      (shown ?? []).flatMap((item) => {
        if (item.id !== decided.id) return [item]
        return decided.status === status ? [decided] : []
      }),
    )
    const key = decision === 'approve' ? 'appeals.approved' : 'appeals.rejected'
    outcome.succeed(t(key, { name: decided.maskedName }))
  }

  return (
    <View id='op-appeals' className='form'>
      <Text className='form__label'>{t('appeals.title')}</Text>
      <View className='choices'>
        {STATUSES.map((option) => (
          <Button
            key={option}
            id={`op-appeals-status-${option}`}
            className={
              option === status ? 'choice choice--selected' : 'choice'
            }
            onClick={() => setStatus(option)}
          >
            {t(`appeals.statuses.${option}`)}
          </Button>
        ))}
      </View>

      {status === 'pending' && (
        <View className='stack'>
          <Text className='form__label'>{t('appeals.reason')}</Text>
          <Input
            id='op-appeal-reason'
            className='form__input'
            value={reason}
            placeholder={t('appeals.reasonPlaceholder')}
            onInput={(event) => setReason(event.detail.value)}
          />
          <FieldError field='reason' messages={outcome.fieldMessages} />
        </View>
      )}
      <SectionResult
        id='op-appeal-result'
        success={outcome.success}
        notice={outcome.notice}
      />

      <View id='op-appeal-list' className='stack'>
        {appeals !== null && appeals.length === 0 && (
          <Text className='intro'>{t('appeals.empty')}</Text>
        )}
        {appeals?.map((appeal) => (
          <OperatorAppealItem
            key={appeal.id}
            appeal={appeal}
            busy={busy}
            onApprove={() => void decide(appeal, 'approve')}
            onReject={() => void decide(appeal, 'reject')}
          />
        ))}
      </View>
      {cursor !== null && (
        <Button
          id='op-appeals-more'
          className='button button--plain'
          disabled={disabledWhen(busy)}
          onClick={() => void loadMore()}
        >
          {t('appeals.more')}
        </Button>
      )}
    </View>
  )
}
