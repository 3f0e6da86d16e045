import { Text, View } from '@tarojs/components'
import { useTranslation } from 'react-i18next'
import { verdictText } from '../contract'
import { currentLanguage } from '../i18n'
import type { VerdictView } from './verifyAtCheckpoint'

// The verdict in large type: its own title per code, the shared
// instruction for the guard and, online, the masked identity.
export function VerdictPanel({ view }: { view: VerdictView }) {
  const { t, i18n } = useTranslation()
  const lang = currentLanguage(i18n)
  return (
    <View
      id='verdict'
      data-code={view.code}
      data-verdict={view.verdict}
      className={`verdict verdict--${view.verdict}`}
    >
      <Text className='verdict__word'>{t(`verdict.${view.verdict}`)}</Text>
      <Text className='verdict__title'>{t(`verdict.codes.${view.code}`)}</Text>
      <Text className='verdict__detail'>{verdictText(view.code, lang)}</Text>
      {view.color !== undefined && (
        <Text className='verdict__line'>{t(`home.colors.${view.color}`)}</Text>
      )}
      {view.maskedName !== undefined && (
        <Text className='verdict__line'>
          {t('verdict.name', { name: view.maskedName })}
        </Text>
      )}
      {view.maskedDocument !== undefined && (
        <Text className='verdict__line'>
          {t('verdict.document', { document: view.maskedDocument })}
        </Text>
      )}
      {view.source === 'offline' && (
        <Text id='verdict-offline' className='verdict__offline'>
          {t('verdict.offline')}
        </Text>
      )}
    </View>
  )
}
