import type { PropsWithChildren } from 'react'
import { I18nextProvider } from 'react-i18next'
import { captureOpenedLink } from './scan/openedLink'
import { createServices } from './services/createServices'
import { ServicesContext } from './services/services'
import './app.css'

captureOpenedLink()
const services = createServices()

function App({ children }: PropsWithChildren) {
  return (
    <ServicesContext.Provider value={services}>
      <I18nextProvider i18n={services.i18n}>{children}</I18nextProvider>
    </ServicesContext.Provider>
  )
}

export default App
