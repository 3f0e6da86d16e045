import { Text, View } from '@tarojs/components'
import { useTranslation } from 'react-i18next'
import { currentLanguage } from '../../i18n'
import type { ImportResponse } from '../contract'
import { useOperatorTranslation } from '../i18n'
import { errorsByLine, importErrorText } from './importErrors'

type CountProps = { id: string; label: string; count: number }

function Count({ id, label, count }: CountProps) {
  return (
    <View id={id} data-count={String(count)} className='op-count'>
      <Text className='op-count__value'>{String(count)}</Text>
      <Text className='op-count__label'>{label}</Text>
    </View>
  )
}

// The counts of an import and its errors grouped by CSV line.
export function ImportResult({ result }: { result: ImportResponse }) {
  const { t } = useOperatorTranslation()
  const { i18n } = useTranslation()
  const lang = currentLanguage(i18n)
  const lines = errorsByLine(result.errors)
  return (
    <View
      id='op-import-result'
      data-outcome='success'
      data-imported={String(result.imported)}
      data-flagged={String(result.flagged)}
      data-errors={String(result.errors.length)}
      className='card'
    >
      <Text className='card__line'>
        {t('import.counts', {
          imported: result.imported,
          flagged: result.flagged,
          skipped: result.skipped,
        })}
      </Text>
      <View className='op-counts'>
        <Count
          id='op-import-imported'
          label={t('import.imported')}
          count={result.imported}
        />
        <Count
          id='op-import-flagged'
          label={t('import.flagged')}
          count={result.flagged}
        />
        <Count
          id='op-import-skipped'
          label={t('import.skipped')}
          count={result.skipped}
        />
      </View>
      <Text className='form__hint'>{t('import.skippedNote')}</Text>
      <View id='op-import-errors' className='stack'>
        <Text className='form__label'>
          {lines.length === 0
            ? t('import.noErrors')
            : t('import.errorsTitle', { count: result.errors.length })}
        </Text>
        {lines.map(({ line, errors }) => (
          <View
            key={line}
            id={`op-import-line-${line}`}
            data-line={String(line)}
            className='op-import-line'
          >
            <Text className='op-import-line__number'>
              {t('import.line', { line })}
            </Text>
            {errors.map((error, index) => (
              <Text
                key={`${error.field}-${index}`}
                data-field={error.field}
                data-code={error.code}
                className='op-import-line__error'
              >
                {`${error.field}: ${importErrorText(error, lang, t)}`}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
