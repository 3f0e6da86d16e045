import { Button, Text, View } from '@tarojs/components'
import { useTranslation } from 'react-i18next'
import { FieldError } from '../../components/Feedback'
import type { Answer, QuestionView } from '../../contract'
import { isPicked, pickOption } from './answers'

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

// One question with its choices and the message for its answer.
export function Question({
  question,
  answer,
  onAnswer,
  messages,
}: QuestionProps) {
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
