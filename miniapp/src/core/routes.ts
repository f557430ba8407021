/** Page paths, as `Taro.navigateTo` / `reLaunch` want them. */
export const ROUTES = {
  login: '/pages/login/index',
  home: '/pages/home/index',
  profile: '/account/pages/profile/index',
} as const;
