import { Button, Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiFailure } from '../../api/client'
import { disabledWhen } from '../../components/disabledWhen'
import { FieldError } from '../../components/Feedback'
import { Screen } from '../../components/Screen'
import { useFailure } from '../../components/useFailure'
import type { Answer, QuestionView } from '../../contract'
import {
  followDecision,
  routeForStatus,
} from '../../navigation/startRoute'
import { useServices } from '../../services/services'
import {
  findUnanswered,
  isPicked,
  pickOption,
  type Answers,
} from './answers'

type ChoiceProps = {
  id: string
  label: string
  picked: boolean
  onPick: () => void
}

function Choice({ id, label, picked, onPick }: ChoiceProps) {
  return (
    <Button
      id={id}
      className={picked ? 'choice choice--selected' : 'choice'}
      onClick={onPick}
    >
      {label}
    </Button>
  )
}

type QuestionProps = {
  question: QuestionView
  answer: Answer | undefined
  onAnswer: (answer: Answer) => void
  messages: Readonly<Record<string, string>>
}

function Question({ question, answer, onAnswer, messages }: QuestionProps) {
  const { t } = useTranslation()
  const prefix = `q-${question.id}`
  const choices =
    question.kind === 'boolean'
      ? [
          { id: `${prefix}-yes`, label: t('questionnaire.yes'), value: true },
          { id: `${prefix}-no`, label: t('questionnaire.no'), value: false },
        ].map((choice) => (
          <Choice
            key={choice.id}
            id={choice.id}
            label={choice.label}
            picked={answer === choice.value}
            onPick={() => onAnswer(choice.value)}
          />
        ))
      : (question.options ?? []).map((option) => (
          <Choice
            key={option.value}
            id={`${prefix}-${option.value}`}
            label={option.label}
            picked={isPicked(answer, option.value)}
            onPick={() => onAnswer(pickOption(question, answer, option.value))}
          />
        ))
  return (
    <View className='question'>
      <Text className='question__label'>{question.label}</Text>
      <View className='choices'>{choices}</View>
      <FieldError field={`answers.${question.id}`} messages={messages} />
    </View>
  )
}

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
