import { Button, Text } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiFailure } from '../../api/client'
import { disabledWhen } from '../../components/disabledWhen'
import { Screen } from '../../components/Screen'
import { useFailure } from '../../components/useFailure'
import type { QuestionView } from '../../contract'
import { usePageParam } from '../../navigation/pageParams'
import {
  followDecision,
  routeForStatus,
} from '../../navigation/startRoute'
import { findUnanswered, type Answers } from '../../pages/questionnaire/answers'
import { Question } from '../../pages/questionnaire/Question'
import { useServices } from '../../services/services'
import { useResidentApi } from '../api'
import '../resident.css'

// The questionnaire answered by a guardian for the dependent whose id is
// the query parameter `id`. It returns to the family page when done,
// which shows the dependent's new color.
export default function DependentQuestionnairePage() {
  const { t, i18n } = useTranslation()
  const { api, session, navigator } = useServices()
  const residentApi = useResidentApi()
  const id = usePageParam('id')
  const { notice, fieldMessages, setFailure } = useFailure()
  const [name, setName] = useState('')
  const [missing, setMissing] = useState(false)
  const [questions, setQuestions] = useState<QuestionView[]>([])
  const [answers, setAnswers] = useState<Answers>({})
  const [busy, setBusy] = useState(false)

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
      else setName(found.maskedName)
    })
    return () => {
      cancelled = true
    }
  }, [id, residentApi, fail])

  // The questions come in the language of the request, so a language
  // switch loads them again. Answers are kept by question id.
  useEffect(() => {
    let cancelled = false
    void api.getQuestionnaire().then((result) => {
      if (cancelled) return
      if (result.kind === 'ok') setQuestions(result.value.questions)
      else fail(result)
    })
    return () => {
      cancelled = true
    }
  }, [api, i18n.language, fail])

  const submit = async () => {
    if (id === null) return
    const unanswered = findUnanswered(questions, answers)
    if (unanswered !== null) {
      setFailure(unanswered)
      return
    }
    setBusy(true)
    const result = await residentApi.answerForDependent(id, { ...answers })
    setBusy(false)
    if (result.kind === 'ok') navigator.back()
    else fail(result)
  }

  return (
    <Screen
      title={t('household.questionnaireTitle', { name })}
      notice={notice}
    >
      {missing && (
        <Text id='dep-q-missing' className='field-error'>
          {t('household.dependentMissing')}
        </Text>
      )}
      <Text className='intro'>{t('household.questionnaireIntro')}</Text>
      {questions.map((question) => (
        <Question
          key={question.id}
          question={question}
          answer={answers[question.id]}
          messages={fieldMessages}
          onAnswer={(answer) =>
            setAnswers((previous) => ({ ...previous, [question.id]: answer }))
          }
        />
      ))}
      {/* The id of the resident's own questionnaire, so one end-to-end
          step answers both. */}
      <Button
        id='q-submit'
        className='button button--primary'
        disabled={disabledWhen(busy || missing || questions.length === 0)}
        onClick={() => void submit()}
      >
        {t('questionnaire.submit')}
      </Button>
    </Screen>
  )
}
