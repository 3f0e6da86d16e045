import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Failure } from '../../api/failure'
import { disabledWhen } from '../../components/disabledWhen'
import { FieldError } from '../../components/Feedback'
import { parsePhone } from '../../contract'
import { currentLanguage } from '../../i18n'
import { greenAtText } from '../../reasons/greenAt'
import { ReasonList } from '../../reasons/ReasonList'
import { formatCityDateTime } from '../../time/cityTime'
import { useResidentApi } from '../api'
import type { HouseholdView } from '../contract'

type Props = {
  household: HouseholdView | null
  fieldMessages: Readonly<Record<string, string>>
  onChanged: (household: HouseholdView | null, message: string) => void
  onFailure: (failure: Failure) => void
}

// The adults and dependents of the resident's household, a pending
// invitation to accept, and a form to invite another adult by phone.
export function HouseholdPanel(props: Props) {
  const { household, fieldMessages } = props
  const { t, i18n } = useTranslation()
  const lang = currentLanguage(i18n)
  const residentApi = useResidentApi()
  const [phone, setPhone] = useState('')
  const [busy, setBusy] = useState(false)

  const invite = async () => {
    const parsed = parsePhone(phone)
    if (parsed.kind === 'invalid') {
      props.onFailure({
        kind: 'invalid',
        fields: [{ field: 'phone', code: parsed.code }],
      })
      return
    }
    setBusy(true)
    const result = await residentApi.inviteToHousehold({ phone: parsed.phone })
    setBusy(false)
    if (result.kind !== 'ok') {
      props.onFailure(result)
      return
    }
    setPhone('')
    const time = formatCityDateTime(result.value.expiresAt, lang)
    props.onChanged(household, t('household.invited', { time }))
  }

  const accept = async () => {
    setBusy(true)
    const result = await residentApi.acceptInvitation()
    setBusy(false)
    if (result.kind !== 'ok') {
      props.onFailure(result)
      return
    }
    props.onChanged(result.value, t('household.accepted'))
  }

  const invitation = household?.invitation ?? null
  const members = household?.members ?? []
  return (
    <View className='card'>
      {invitation !== null && (
        <View id='hh-invitation' className='invitation'>
          <Text className='intro'>
            {t('household.invitation', {
              name: invitation.fromMaskedName,
              time: formatCityDateTime(invitation.expiresAt, lang),
            })}
          </Text>
          <Button
            id='hh-accept'
            className='button button--primary'
            disabled={disabledWhen(busy)}
            onClick={() => void accept()}
          >
            {t('household.accept')}
          </Button>
        </View>
      )}

      <Text className='form__label'>{t('household.membersTitle')}</Text>
      <View id='hh-members' className='stack'>
        {members.length === 0 && (
          <Text className='intro'>{t('household.noMembers')}</Text>
        )}
        {members.map((member) => (
          <View
            key={member.id}
            id={`hh-member-${member.id}`}
            data-color={member.color ?? 'none'}
            className='dependent'
          >
            <View className='dependent__head'>
              <Text className='dependent__name'>
                {member.self
                  ? `${member.maskedName} (${t('household.members.self')})`
                  : member.maskedName}
              </Text>
              <Text
                className={`badge badge--${member.color ?? 'none'}`}
              >
                {member.color === null
                  ? t('household.noColor')
                  : t(`home.colors.${member.color}`)}
              </Text>
            </View>
            <Text className='dependent__line'>
              {t(`household.members.${member.kind}`)}
            </Text>
            {member.color !== null && (
              <Text className='dependent__line'>
                {greenAtText(t, member.color, member.until, lang)}
              </Text>
            )}
            {member.reasons.length > 0 && (
              <ReasonList
                reasons={member.reasons}
                idPrefix={`hh-${member.id}-reason`}
              />
            )}
          </View>
        ))}
      </View>

      <Text className='form__label'>{t('household.inviteTitle')}</Text>
      <Text className='form__hint'>{t('household.inviteIntro')}</Text>
      <Text className='form__label'>{t('household.phone')}</Text>
      <Input
        id='hh-phone'
        className='form__input'
        value={phone}
        onInput={(event) => setPhone(event.detail.value)}
      />
      <FieldError field='phone' messages={fieldMessages} />
      <Button
        id='hh-invite'
        className='button button--secondary'
        disabled={disabledWhen(busy)}
        onClick={() => void invite()}
      >
        {t('household.invite')}
      </Button>
    </View>
  )
}
