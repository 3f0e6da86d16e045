import { Button, Text } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiFailure } from '../../api/client'
import { disabledWhen } from '../../components/disabledWhen'
import { Screen } from '../../components/Screen'
import { useFailure } from '../../components/useFailure'
import type { QuestionView } from '../../contract'
import {
  followDecision,
  routeForStatus,
} from '../../navigation/startRoute'
import { useServices } from '../../services/services'
import { findUnanswered, type Answers } from './answers'
import { Question } from './Question'

export default function QuestionnairePage() {
  const { t, i18n } = useTranslation()
  const { api, session, navigator } = useServices()
  const { notice, fieldMessages, setFailure } = useFailure()
  const [questions, setQuestions] = useState<QuestionView[]>([])
  const [answers, setAnswers] = useState<Answers>({})
  const [busy, setBusy] = useState(false)

  const fail = useCallback(
    (failure: ApiFailure) =>
      followDecision(routeForStatus(failure), session, navigator, setFailure),
    [session, navigator, setFailure],
  )

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
    const unanswered = findUnanswered(questions, answers)
    if (unanswered !== null) {
      setFailure(unanswered)
      return
    }
    setBusy(true)
    const result = await api.submitAnswers({ ...answers })
    setBusy(false)
    if (result.kind === 'ok') navigator.go('home')
    else fail(result)
  }

  return (
    <Screen title={t('questionnaire.title')} notice={notice}>
      <Text className='intro'>{t('questionnaire.intro')}</Text>
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
      <Button
        id='q-submit'
        className='button button--primary'
        disabled={disabledWhen(busy || questions.length === 0)}
        onClick={() => void submit()}
      >
        {t('questionnaire.submit')}
      </Button>
    </Screen>
  )
}
