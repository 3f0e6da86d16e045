import Taro from '@tarojs/taro'

export type Route =
  | 'login'
  | 'register'
  | 'questionnaire'
  | 'home'
  | 'checkin'
  | 'pass'
  | 'history'
  | 'businessRegister'
  | 'business'
  | 'venueNew'
  | 'guard'
  | 'appeals'
  | 'household'
  | 'dependentCode'
  | 'dependentQuestionnaire'
  | 'operator'

// Query parameters of a page, such as the id of the dependent it shows.
export type RouteParams = Readonly<Record<string, string>>

// The business, guard, resident and operator pages are subpackages (see
// app.config.ts), so the main package contains only what every resident
// needs at once.
const PAGE_PATHS: Readonly<Record<Route, string>> = {
  login: '/pages/login/index',
  register: '/pages/register/index',
  questionnaire: '/pages/questionnaire/index',
  home: '/pages/home/index',
  checkin: '/pages/checkin/index',
  pass: '/pages/pass/index',
  history: '/pages/history/index',
  businessRegister: '/business/register/index',
  business: '/business/venues/index',
  venueNew: '/business/venue-new/index',
  guard: '/guard/verify/index',
  appeals: '/resident/appeals/index',
  household: '/resident/household/index',
  dependentCode: '/resident/dependent-code/index',
  dependentQuestionnaire: '/resident/dependent-questionnaire/index',
  operator: '/operator/console/index',
}

function pageUrl(route: Route, params: RouteParams = {}): string {
  const query = Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')
  return query === '' ? PAGE_PATHS[route] : `${PAGE_PATHS[route]}?${query}`
}

export type Navigator = {
  // Starts over on the route with nothing to go back to.
  go(route: Route): void
  // Opens the route on top of the current page.
  open(route: Route, params?: RouteParams): void
  // Swaps the current page for the route.
  replace(route: Route): void
  // Returns to the previous page, or to the home page when there is none.
  back(): void
}

// `go` replaces the whole page stack, because each step of the sign-in
// journey starts fresh, with nothing to go back to after signing in,
// registering or submitting the questionnaire. The sections reached from
// the home page open on top of it.
export const taroNavigator: Navigator = {
  go(route) {
    void Taro.reLaunch({ url: PAGE_PATHS[route] })
  },
  open(route, params) {
    void Taro.navigateTo({ url: pageUrl(route, params) })
  },
  replace(route) {
    void Taro.redirectTo({ url: PAGE_PATHS[route] })
  },
  back() {
    if (Taro.getCurrentPages().length > 1) {
      void Taro.navigateBack()
      return
    }
    void Taro.reLaunch({ url: PAGE_PATHS.home })
  },
}
