import { rememberVenueCode } from './venueLink'

// Venue codes are URLs of the form <origin>/c/<city>/<code>. A phone camera
// opens them in the browser, which loads this app at that path: keep the
// code for the check-in page and return to the root, where the hash router
// expects to be.
export function captureOpenedLink(): void {
  const { origin, pathname, hash } = window.location
  if (!pathname.startsWith('/c/')) return
  rememberVenueCode(origin + pathname)
  window.history.replaceState(null, '', `/${hash}`)
}
