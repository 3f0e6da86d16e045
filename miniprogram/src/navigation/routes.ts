import Taro from '@tarojs/taro'

export type Route = 'login' | 'register' | 'questionnaire' | 'home'

const PAGE_PATHS: Readonly<Record<Route, string>> = {
  login: '/pages/login/index',
  register: '/pages/register/index',
  questionnaire: '/pages/questionnaire/index',
  home: '/pages/home/index',
}

export type Navigator = { go(route: Route): void }

// Replaces the whole page stack, because every step of the journey is a
// fresh start: there is nothing to go back to after signing in, registering
// or answering.
export const taroNavigator: Navigator = {
  go(route) {
    void Taro.reLaunch({ url: PAGE_PATHS[route] })
  },
}
