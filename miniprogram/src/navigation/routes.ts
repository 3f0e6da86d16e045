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

// The business and guard pages are subpackages (see app.config.ts), so
// residents never download their code.
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
}

export type Navigator = {
  // Starts over on the route with nothing to go back to.
  go(route: Route): void
  // Opens the route on top of the current page.
  open(route: Route): void
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
  open(route) {
    void Taro.navigateTo({ url: PAGE_PATHS[route] })
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
