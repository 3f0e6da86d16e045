import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Failure } from '../../api/failure'
import { Screen } from '../../components/Screen'
import { useFailure } from '../../components/useFailure'
import { usePageVisible } from '../../components/usePageVisible'
import type { ResidentProfile } from '../../contract'
import { usePageParam } from '../../navigation/pageParams'
import {
  followDecision,
  routeForStatus,
} from '../../navigation/startRoute'
import { useServices } from '../../services/services'
import { useResidentApi } from '../api'
import type { AppealView } from '../contract'
import '../resident.css'
import { AppealForm } from './AppealForm'
import { AppealItem } from './AppealItem'
import { loadAppealSubject, type AppealSubject } from './subject'

// The resident's appeals and a form for a new one. With the query
// parameter `residentId`, the page appeals for that dependent and lists
// only the dependent's appeals.
export default function AppealsPage() {
  const { t, i18n } = useTranslation()
  const { api, session, navigator } = useServices()
  const residentApi = useResidentApi()
  const dependentId = usePageParam('residentId')
  const { notice, fieldMessages, setFailure } = useFailure()
  const visible = usePageVisible()
  const [subject, setSubject] = useState<AppealSubject | null>(null)
  const [profile, setProfile] = useState<ResidentProfile | null>(null)
  const [appeals, setAppeals] = useState<AppealView[] | null>(null)
  const [listVersion, setListVersion] = useState(0)
  const [message, setMessage] = useState<string | null>(null)
  const [missing, setMissing] = useState(false)

  const fail = useCallback(
    (failure: Failure) => {
      setMessage(null)
      if (failure.kind === 'invalid') setFailure(failure)
      else {
        followDecision(routeForStatus(failure), session, navigator, setFailure)
      }
    },
    [session, navigator, setFailure],
  )

  // Reasons come in the language of the request, so a language switch
  // loads them again.
  useEffect(() => {
    if (!visible) return
    let cancelled = false
    void loadAppealSubject(api, residentApi, dependentId).then((result) => {
      if (cancelled) return
      switch (result.kind) {
        case 'ok':
          setSubject(result.subject)
          return
        case 'not-found':
          setMissing(true)
          return
        case 'failed':
          fail(result.failure)
          return
      }
    })
    return () => {
      cancelled = true
    }
  }, [visible, i18n.language, api, residentApi, dependentId, fail])

  useEffect(() => {
    if (!visible) return
    let cancelled = false
    void Promise.all([residentApi.listAppeals(), api.getProfile()]).then(
      ([list, own]) => {
        if (cancelled) return
        if (own.kind === 'ok') setProfile(own.value)
        if (list.kind !== 'ok') {
          fail(list)
          return
        }
        const items =
          dependentId === null
            ? list.value.items
            : list.value.items.filter((a) => a.residentId === dependentId)
        setAppeals(items)
      },
    )
    return () => {
      cancelled = true
    }
  }, [visible, listVersion, api, residentApi, dependentId, fail])

  const filed = () => {
    setFailure(null)
    setMessage(t('appeals.submitted'))
    setListVersion((version) => version + 1)
  }

  const title =
    subject?.dependentName == null
      ? t('appeals.title')
      : t('appeals.forDependent', { name: subject.dependentName })

  return (
    <Screen title={title} notice={notice}>
      <Text className='intro'>{t('appeals.intro')}</Text>
      {message !== null && (
        <Text id='appeal-success' className='success'>
          {message}
        </Text>
      )}
      {missing && (
        <Text id='appeal-missing' className='field-error'>
          {t('household.dependentMissing')}
        </Text>
      )}
      {subject !== null && (
        <AppealForm
          reasons={subject.reasons}
          residentId={dependentId}
          fieldMessages={fieldMessages}
          onFiled={filed}
          onFailure={fail}
        />
      )}
      <View id='appeal-list' className='card'>
        <Text className='form__label'>{t('appeals.listTitle')}</Text>
        {appeals !== null && appeals.length === 0 && (
          <Text className='intro'>{t('appeals.empty')}</Text>
        )}
        {appeals?.map((appeal) => (
          <AppealItem
            key={appeal.id}
            appeal={appeal}
            forDependent={
              profile !== null && appeal.residentId !== profile.id
            }
          />
        ))}
      </View>
    </Screen>
  )
}
