import { Button, Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiFailure } from '../../api/client'
import { Screen } from '../../components/Screen'
import { useFailure } from '../../components/useFailure'
import { usePageVisible } from '../../components/usePageVisible'
import type { CodeResponse } from '../../contract'
import { usePageParam } from '../../navigation/pageParams'
import {
  followDecision,
  routeForStatus,
} from '../../navigation/startRoute'
import { useRefreshingCode } from '../../pages/home/useResidentCode'
import { QrCanvas } from '../../qr/QrCanvas'
import { useServices } from '../../services/services'
import { formatCityClock } from '../../time/cityTime'
import { useResidentApi } from '../api'
import type { DependentView } from '../contract'
import '../resident.css'

// Side of the QR canvas in CSS pixels, as on the home page.
const QR_SIZE = 280

// A dependent's code for a guard to scan, drawn like the resident's own
// and renewed while the page is on screen. The dependent's id is the query
// parameter `id`.
export default function DependentCodePage() {
  const { t } = useTranslation()
  const { session, navigator } = useServices()
  const residentApi = useResidentApi()
  const id = usePageParam('id')
  const { notice, setFailure } = useFailure()
  const visible = usePageVisible()
  const [dependent, setDependent] = useState<DependentView | null>(null)
  const [missing, setMissing] = useState(false)
  const [qrFailed, setQrFailed] = useState(false)

  const fail = useCallback(
    (failure: ApiFailure) =>
      followDecision(routeForStatus(failure), session, navigator, setFailure),
    [session, navigator, setFailure],
  )

  useEffect(() => {
    if (id === null) {
      setMissing(true)
      return
    }
    let cancelled = false
    void residentApi.listDependents().then((result) => {
      if (cancelled) return
      if (result.kind !== 'ok') {
        fail(result)
        return
      }
      const found = result.value.items.find((item) => item.id === id)
      if (found === undefined) setMissing(true)
      else setDependent(found)
    })
    return () => {
      cancelled = true
    }
  }, [id, residentApi, fail])

  // Never called without an id, because the code stays inactive then.
  const load = useCallback(
    () => residentApi.getDependentCode(id ?? ''),
    [id, residentApi],
  )
  const code = useRefreshingCode(visible && id !== null, load, fail)

  const name = dependent?.maskedName ?? ''
  return (
    <Screen title={t('household.codeTitle', { name })} notice={notice}>
      {missing ? (
        <Text id='dep-code-missing' className='field-error'>
          {t('household.dependentMissing')}
        </Text>
      ) : (
        <DependentCode
          id={id ?? ''}
          code={code}
          qrFailed={qrFailed}
          onDrawn={(drawn) => setQrFailed(!drawn)}
        />
      )}
      <Button
        id='dep-code-back'
        className='button button--plain'
        onClick={() => navigator.back()}
      >
        {t('household.back')}
      </Button>
    </Screen>
  )
}

type CodeProps = {
  id: string
  code: CodeResponse | null
  qrFailed: boolean
  onDrawn: (drawn: boolean) => void
}

function DependentCode({ id, code, qrFailed, onDrawn }: CodeProps) {
  const { t } = useTranslation()
  return (
    <View className='stack'>
      {code !== null && (
        <View
          id='dep-code-color'
          data-color={code.color}
          className={`color-block color-block--${code.color}`}
        >
          <Text className='color-block__name'>
            {t(`home.colors.${code.color}`)}
          </Text>
        </View>
      )}
      <View className='qr'>
        <QrCanvas
          id={`dep-code-${id}`}
          text={code?.token ?? null}
          size={QR_SIZE}
          onDrawn={onDrawn}
        />
        <Text className='qr__caption'>
          {qrFailed
            ? t('home.codeUnavailable')
            : code !== null
              ? t('home.codeExpires', {
                  time: formatCityClock(code.expiresAt),
                })
              : ''}
        </Text>
      </View>
      <Text className='intro'>{t('household.codeIntro')}</Text>
    </View>
  )
}
