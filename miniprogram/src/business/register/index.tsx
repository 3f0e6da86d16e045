import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiFailure } from '../../api/client'
import { disabledWhen } from '../../components/disabledWhen'
import { FieldError } from '../../components/Feedback'
import { Screen } from '../../components/Screen'
import { useFailure } from '../../components/useFailure'
import {
  followDecision,
  routeForStatus,
} from '../../navigation/startRoute'
import { useServices } from '../../services/services'
import { validateBusiness } from './validate'

export default function BusinessRegisterPage() {
  const { t } = useTranslation()
  const { api, session, navigator } = useServices()
  const { notice, fieldMessages, setFailure } = useFailure()
  const [name, setName] = useState('')
  const [creditCode, setCreditCode] = useState('')
  const [busy, setBusy] = useState(false)

  const fail = (failure: ApiFailure) =>
    followDecision(routeForStatus(failure), session, navigator, setFailure)

  // The new role reaches the session only with a new token.
  const takeNewRoles = async () => {
    const renewed = await api.refreshSession()
    if (renewed.kind !== 'ok') {
      fail(renewed)
      return
    }
    const { token, expiresAt, roles } = renewed.value
    session.renew({ token, expiresAt, roles })
    navigator.replace('business')
  }

  const submit = async () => {
    const checked = validateBusiness(name, creditCode)
    if (checked.kind === 'invalid') {
      setFailure(checked)
      return
    }
    setBusy(true)
    const result = await api.registerBusiness(checked.request)
    // An account registered before, for instance when the refresh below
    // failed, only lacks the new token.
    const registered =
      result.kind === 'ok' ||
      (result.kind === 'problem' &&
        result.problem.code === 'BUSINESS_ALREADY_REGISTERED')
    if (registered) await takeNewRoles()
    else fail(result)
    setBusy(false)
  }

  return (
    <Screen title={t('business.registerTitle')} notice={notice}>
      <Text className='intro'>{t('business.registerIntro')}</Text>
      <View className='form'>
        <Text className='form__label'>{t('business.name')}</Text>
        <Input
          id='biz-name'
          className='form__input'
          value={name}
          placeholder={t('business.namePlaceholder')}
          onInput={(event) => setName(event.detail.value)}
        />
        <FieldError field='name' messages={fieldMessages} />
        <Text className='form__label'>{t('business.creditCode')}</Text>
        <Input
          id='biz-credit-code'
          className='form__input'
          value={creditCode}
          placeholder={t('business.creditCodePlaceholder')}
          onInput={(event) => setCreditCode(event.detail.value)}
        />
        <FieldError field='creditCode' messages={fieldMessages} />
        <Button
          id='biz-submit'
          className='button button--primary'
          disabled={disabledWhen(busy)}
          onClick={() => void submit()}
        >
          {t('business.submit')}
        </Button>
      </View>
    </Screen>
  )
}
