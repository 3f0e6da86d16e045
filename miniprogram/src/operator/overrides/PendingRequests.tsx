import { Button, Text, View } from '@tarojs/components'
import { useTranslation } from 'react-i18next'
import { disabledWhen } from '../../components/disabledWhen'
import { currentLanguage } from '../../i18n'
import { formatCityDateTime } from '../../time/cityTime'
import type { OverrideRequestView } from '../contract'
import { useOperatorTranslation } from '../i18n'

type Props = {
  requests: readonly OverrideRequestView[] | null
  // The signed-in operator's account id, null when the token is unreadable.
  accountId: string | null
  busy: boolean
  onApprove: (request: OverrideRequestView) => void
}

// Whether the operator may approve a request: a second operator has to
// approve a bulk change, so one's own requests are not approvable. An
// unknown account id allows none, and the API checks again anyway.
export function canApprove(
  request: OverrideRequestView,
  accountId: string | null,
): boolean {
  return (
    request.status === 'pending' &&
    accountId !== null &&
    request.requestedBy !== accountId
  )
}

// Bulk override requests awaiting approval.
export function PendingRequests(props: Props) {
  const { requests, accountId, busy } = props
  const { t } = useOperatorTranslation()
  const { i18n } = useTranslation()
  const lang = currentLanguage(i18n)
  return (
    <View id='op-requests' className='card'>
      <Text className='form__label'>{t('overrides.pendingTitle')}</Text>
      {requests !== null && requests.length === 0 && (
        <Text className='intro'>{t('overrides.noPending')}</Text>
      )}
      {requests?.map((request) => {
        const own = accountId !== null && request.requestedBy === accountId
        return (
          <View
            key={request.id}
            id={`op-request-${request.id}`}
            data-status={request.status}
            data-own={own ? 'true' : 'false'}
            className='appeal'
          >
            <Text className='appeal__status'>
              {t(`overrides.statuses.${request.status}`)}
            </Text>
            <Text className='appeal__line'>
              {t('overrides.requestLine', {
                count: request.residentIds.length,
                color: t(`colors.${request.color}`),
                until: formatCityDateTime(request.until, lang),
              })}
            </Text>
            <Text className='appeal__line'>
              {t('overrides.requestReason', {
                reason: t(`overrides.reasonCodes.${request.reasonCode}`),
                evidence: request.evidenceRef,
              })}
            </Text>
            <Text className='appeal__line'>
              {t('overrides.requestedBy', {
                account: request.requestedBy,
                time: formatCityDateTime(request.requestedAt, lang),
              })}
            </Text>
            {own && (
              <Text
                id={`op-request-own-${request.id}`}
                className='form__hint'
              >
                {t('overrides.own')}
              </Text>
            )}
            <Button
              id={`op-request-approve-${request.id}`}
              className='choice'
              disabled={disabledWhen(busy || !canApprove(request, accountId))}
              onClick={() => props.onApprove(request)}
            >
              {t('overrides.approve')}
            </Button>
          </View>
        )
      })}
    </View>
  )
}
