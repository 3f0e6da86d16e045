import { Button, View } from '@tarojs/components'
import { useState, type ReactElement } from 'react'
import { Screen } from '../../components/Screen'
import { AppealReviewSection } from '../appeals/AppealReviewSection'
import { CaseSection } from '../cases/CaseSection'
import { FlagSection } from '../flags/FlagSection'
import { useOperatorTextsLoaded, useOperatorTranslation } from '../i18n'
import { ImportSection } from '../imports/ImportSection'
import { OverrideSection } from '../overrides/OverrideSection'
import { StatsSection } from '../stats/StatsSection'
import { RiskVenueSection } from '../venues/RiskVenueSection'
import '../operator.css'

const SECTIONS = {
  cases: CaseSection,
  venues: RiskVenueSection,
  import: ImportSection,
  appeals: AppealReviewSection,
  overrides: OverrideSection,
  flags: FlagSection,
  stats: StatsSection,
} satisfies Record<string, () => ReactElement>

type Section = keyof typeof SECTIONS

const SECTION_ORDER = Object.keys(SECTIONS) as Section[]

// The operator console: one section at a time, picked with the tabs. Each
// section reports the outcome of its own actions. The API rejects every
// call of an account without the operator role with FORBIDDEN_ROLE.
export default function OperatorConsolePage() {
  useOperatorTextsLoaded()
  return <Console />
}

// A component of its own, so the operator texts are in place before its
// first useTranslation call.
function Console() {
  const { t } = useOperatorTranslation()
  const [section, setSection] = useState<Section>('cases')
  const Content = SECTIONS[section]
  return (
    <Screen title={t('title')} notice={null}>
      <View className='op-tabs'>
        {SECTION_ORDER.map((key) => (
          <Button
            key={key}
            id={`op-tab-${key}`}
            className={key === section ? 'choice choice--selected' : 'choice'}
            onClick={() => setSection(key)}
          >
            {t(`tabs.${key}`)}
          </Button>
        ))}
      </View>
      <View className='op-section' data-section={section}>
        <Content />
      </View>
    </Screen>
  )
}
