import { Button, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { disabledWhen } from '../../components/disabledWhen'
import { FieldError } from '../../components/Feedback'
import { useOperatorApi } from '../api'
import type { ImportResponse } from '../contract'
import { useOperatorTranslation } from '../i18n'
import { SectionResult, useSectionOutcome } from '../outcome'
import { ImportResult } from './ImportResult'

const HEADER = 'document_type,document_number,country,place,time,source'

// Upper bound of the text field. The API takes at most 2 MiB per import
// and rejects a larger body with BODY_TOO_LARGE.
const CSV_FIELD_LIMIT = 2 * 1024 * 1024

// Imports travel records pasted as CSV text and shows how many were
// imported and flagged, and the problems of each line.
export function ImportSection() {
  const { t } = useOperatorTranslation()
  const operatorApi = useOperatorApi()
  const outcome = useSectionOutcome()
  const [csv, setCsv] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<ImportResponse | null>(null)

  const submit = async () => {
    if (csv.trim() === '') {
      setResult(null)
      outcome.fail({
        kind: 'invalid',
        fields: [{ field: 'csv', code: 'csv_empty' }],
      })
      return
    }
    setBusy(true)
    const response = await operatorApi.importTravelRecords({ csv })
    setBusy(false)
    if (response.kind !== 'ok') {
      setResult(null)
      outcome.fail(response)
      return
    }
    outcome.clear()
    setResult(response.value)
  }

  return (
    <View id='op-import' className='form'>
      <Text className='form__label'>{t('import.title')}</Text>
      <Text className='form__hint'>{t('import.intro')}</Text>
      <Text className='op-code'>{HEADER}</Text>
      <Text className='form__hint'>{t('import.timeHint')}</Text>
      <Text className='form__label'>{t('import.csv')}</Text>
      <Textarea
        id='op-import-csv'
        className='form__textarea form__textarea--code'
        value={csv}
        maxlength={CSV_FIELD_LIMIT}
        placeholder={HEADER}
        onInput={(event) => setCsv(event.detail.value)}
      />
      <FieldError field='csv' messages={outcome.fieldMessages} />
      <Button
        id='op-import-submit'
        className='button button--primary'
        disabled={disabledWhen(busy)}
        onClick={() => void submit()}
      >
        {t('import.submit')}
      </Button>
      {result === null ? (
        <SectionResult
          id='op-import-result'
          success={null}
          notice={outcome.notice}
        />
      ) : (
        <ImportResult result={result} />
      )}
    </View>
  )
}
