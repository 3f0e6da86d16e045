import { Button, View } from '@tarojs/components'
import { useTranslation } from 'react-i18next'
import type { Language } from '../contract'
import { currentLanguage, switchLanguage } from '../i18n'
import { useServices } from '../services/services'

// Each language is named in its own language, so a reader finds theirs
// whichever one is showing.
const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  zh: '中文',
  en: 'English',
}

const LANGUAGES: readonly Language[] = ['zh', 'en']

export function LanguageSwitch() {
  const { i18n } = useTranslation()
  const { store } = useServices()
  const active = currentLanguage(i18n)
  return (
    <View className='language-switch'>
      {LANGUAGES.map((language) => (
        <Button
          key={language}
          id={`lang-${language}`}
          size='mini'
          className={
            language === active ? 'choice choice--selected' : 'choice'
          }
          onClick={() => switchLanguage(i18n, store, language)}
        >
          {LANGUAGE_NAMES[language]}
        </Button>
      ))}
    </View>
  )
}
