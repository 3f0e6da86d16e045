import { Button, View } from '@tarojs/components'
import { useTranslation } from 'react-i18next'
import type { Route } from '../../navigation/routes'
import { hasRole, type Session } from '../../session/session'
import { useServices } from '../../services/services'

type Link = { id: string; route: Route; label: string }

// Entries to the resident's check-in, family and appeal pages and, by
// role, to the business, guard or operator section. An account without a
// business is offered to register one.
export function SectionLinks({ session }: { session: Session | null }) {
  const { t } = useTranslation()
  const { navigator } = useServices()
  const links: Link[] = [
    { id: 'nav-checkin', route: 'checkin', label: t('nav.checkin') },
    { id: 'nav-history', route: 'history', label: t('nav.history') },
    { id: 'nav-household', route: 'household', label: t('nav.household') },
    { id: 'nav-appeals', route: 'appeals', label: t('nav.appeals') },
    hasRole(session, 'business')
      ? { id: 'nav-business', route: 'business', label: t('nav.business') }
      : {
          id: 'nav-business-register',
          route: 'businessRegister',
          label: t('nav.businessRegister'),
        },
  ]
  if (hasRole(session, 'guard')) {
    links.push({ id: 'nav-guard', route: 'guard', label: t('nav.guard') })
  }
  if (hasRole(session, 'operator')) {
    links.push({
      id: 'nav-operator',
      route: 'operator',
      label: t('nav.operator'),
    })
  }
  return (
    <View className='sections'>
      {links.map((link) => (
        <Button
          key={link.id}
          id={link.id}
          className='section-link'
          onClick={() => navigator.open(link.route)}
        >
          {link.label}
        </Button>
      ))}
    </View>
  )
}
