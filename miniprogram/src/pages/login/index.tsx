import { Button, Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LocalInvalid } from '../../api/failure'
import { disabledWhen } from '../../components/disabledWhen'
import { FieldError } from '../../components/Feedback'
import { Screen } from '../../components/Screen'
import { useFailure } from '../../components/useFailure'
import { parsePhone } from '../../contract'
import {
  decideStartRoute,
  followDecision,
} from '../../navigation/startRoute'
import { useServices } from '../../services/services'
import { useCountdown } from './useCountdown'

const OTP_PATTERN = /^\d{6}$/

function invalid(field: string, code: string): LocalInvalid {
  return { kind: 'invalid', fields: [{ field, code }] }
}

export default function LoginPage() {
  const { t } = useTranslation()
  const { api, session, navigator } = useServices()
  const { notice, fieldMessages, setFailure } = useFailure()
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [codeValidMinutes, setCodeValidMinutes] = useState<number | null>(
    null,
  )
  const resend = useCountdown()

  // A stored session skips the sign-in.
  useEffect(() => {
    const stored = session.load()
    if (stored === null) return
    void decideStartRoute(stored.registered, api.getStatus).then(
      (decision) => followDecision(decision, session, navigator, setFailure),
    )
  }, [api, session, navigator, setFailure])

  const sendCode = async () => {
    const parsed = parsePhone(phone)
    if (parsed.kind === 'invalid') {
      setFailure(invalid('phone', parsed.code))
      return
    }
    setBusy(true)
    const result = await api.requestOtp({ phone: parsed.phone })
    setBusy(false)
    if (result.kind !== 'ok') {
      setFailure(result)
      return
    }
    setFailure(null)
    setCodeValidMinutes(Math.ceil(result.value.expiresInSeconds / 60))
    resend.start(result.value.retryAfterSeconds)
  }

  const signIn = async () => {
    const parsed = parsePhone(phone)
    if (parsed.kind === 'invalid') {
      setFailure(invalid('phone', parsed.code))
      return
    }
    if (!OTP_PATTERN.test(code.trim())) {
      setFailure(invalid('code', 'invalid_format'))
      return
    }
    setBusy(true)
    const result = await api.requestToken({
      phone: parsed.phone,
      code: code.trim(),
    })
    if (result.kind !== 'ok') {
      setBusy(false)
      setFailure(result)
      return
    }
    const { token, expiresAt, registered, roles } = result.value
    session.save({ token, expiresAt, registered, roles, phone: phone.trim() })
    const decision = await decideStartRoute(registered, api.getStatus)
    setBusy(false)
    followDecision(decision, session, navigator, setFailure)
  }

  return (
    <Screen title={t('login.title')} notice={notice}>
      <View className='form'>
        <Text className='form__label'>{t('login.phone')}</Text>
        <Input
          id='login-phone'
          className='form__input'
          type='text'
          value={phone}
          placeholder={t('login.phonePlaceholder')}
          onInput={(event) => setPhone(event.detail.value)}
        />
        <FieldError field='phone' messages={fieldMessages} />
        <Button
          id='login-send'
          className='button button--secondary'
          disabled={disabledWhen(busy || resend.secondsLeft > 0)}
          onClick={() => void sendCode()}
        >
          {resend.secondsLeft > 0
            ? t('login.resendIn', { seconds: resend.secondsLeft })
            : codeValidMinutes === null
              ? t('login.send')
              : t('login.resend')}
        </Button>
        {codeValidMinutes !== null && (
          <Text className='form__hint'>
            {t('login.sent', { minutes: codeValidMinutes })}
          </Text>
        )}
        <Text className='form__label'>{t('login.code')}</Text>
        <Input
          id='login-code'
          className='form__input'
          type='number'
          maxlength={6}
          value={code}
          placeholder={t('login.codePlaceholder')}
          onInput={(event) => setCode(event.detail.value)}
        />
        <FieldError field='code' messages={fieldMessages} />
        <Button
          id='login-submit'
          className='button button--primary'
          disabled={disabledWhen(busy)}
          onClick={() => void signIn()}
        >
          {t('login.submit')}
        </Button>
      </View>
    </Screen>
  )
}
