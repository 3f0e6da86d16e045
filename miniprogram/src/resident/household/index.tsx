import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Failure } from '../../api/failure'
import { Screen } from '../../components/Screen'
import { useFailure } from '../../components/useFailure'
import { usePageVisible } from '../../components/usePageVisible'
import { DocumentType } from '../../contract'
import {
  followDecision,
  routeForStatus,
} from '../../navigation/startRoute'
import { useServices } from '../../services/services'
import { useResidentApi } from '../api'
import type { DependentList, DependentView, HouseholdView } from '../contract'
import '../resident.css'
import { DependentForm } from './DependentForm'
import { DependentItem } from './DependentItem'
import { HouseholdPanel } from './HouseholdPanel'

export default function HouseholdPage() {
  const { t, i18n } = useTranslation()
  const { api, session, navigator } = useServices()
  const residentApi = useResidentApi()
  const { notice, fieldMessages, setFailure } = useFailure()
  const visible = usePageVisible()
  const [dependents, setDependents] = useState<DependentList | null>(null)
  const [household, setHousehold] = useState<HouseholdView | null>(null)
  const [documentTypes, setDocumentTypes] = useState<DocumentType[]>(
    DocumentType.options,
  )
  const [version, setVersion] = useState(0)
  const [message, setMessage] = useState<string | null>(null)

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

  const succeed = (text: string) => {
    setFailure(null)
    setMessage(text)
    setVersion((previous) => previous + 1)
  }

  // Offers only the documents the city accepts, as registration does.
  useEffect(() => {
    void api.getCity().then((result) => {
      if (result.kind !== 'ok') return
      const accepted = result.value.acceptedDocuments
      setDocumentTypes(
        DocumentType.options.filter((type) => accepted.includes(type)),
      )
    })
  }, [api])

  // Reasons come in the language of the request, so a language switch
  // loads them again. Loading on each show lists a questionnaire answered
  // on the next page.
  useEffect(() => {
    if (!visible) return
    let cancelled = false
    void Promise.all([
      residentApi.listDependents(),
      residentApi.getHousehold(),
    ]).then(([dependentList, householdView]) => {
      if (cancelled) return
      if (dependentList.kind === 'ok') setDependents(dependentList.value)
      else fail(dependentList)
      if (householdView.kind === 'ok') setHousehold(householdView.value)
      else if (dependentList.kind === 'ok') fail(householdView)
    })
    return () => {
      cancelled = true
    }
  }, [visible, version, i18n.language, residentApi, fail])

  const added = (dependent: DependentView, linked: boolean) => {
    const name = dependent.maskedName
    succeed(
      linked
        ? t('household.linked', { name })
        : t('household.added', { name }),
    )
  }

  const householdChanged = (
    changed: HouseholdView | null,
    text: string,
  ) => {
    if (changed !== null) setHousehold(changed)
    succeed(text)
  }

  const items = dependents?.items ?? []
  return (
    <Screen title={t('household.title')} notice={notice}>
      <Text className='intro'>{t('household.intro')}</Text>
      {message !== null && (
        <Text id='household-message' className='success'>
          {message}
        </Text>
      )}
      <View id='dep-list' className='card'>
        <Text className='form__label'>{t('household.dependentsTitle')}</Text>
        {dependents !== null && (
          <Text className='form__hint'>
            {t('household.limit', { max: dependents.maxDependents })}
          </Text>
        )}
        {dependents !== null && items.length === 0 && (
          <Text className='intro'>{t('household.noDependents')}</Text>
        )}
        {items.map((dependent) => (
          <DependentItem key={dependent.id} dependent={dependent} />
        ))}
      </View>
      <DependentForm
        documentTypes={documentTypes}
        fieldMessages={fieldMessages}
        onAdded={added}
        onFailure={fail}
      />
      <HouseholdPanel
        household={household}
        fieldMessages={fieldMessages}
        onChanged={householdChanged}
        onFailure={fail}
      />
    </Screen>
  )
}
