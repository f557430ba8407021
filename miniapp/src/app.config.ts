export default defineAppConfig({
  // The main package: login, home and the account page. They sit under accounts/, which is
  // therefore not a subpackage root (WeChat forbids main-package pages inside one).
  // The privacy page is here too: every subpackage's privacy gate opens it.
  pages: ['accounts/pages/login/index', 'accounts/pages/home/index', 'accounts/pages/profile/index', 'accounts/pages/privacy/index'],
  // Everything beyond the first screens lives in subpackages to keep the main package small.
  subPackages: [
    { root: 'notifications', pages: ['pages/messages/index'] },
    {
      root: 'complaints',
      pages: [
        'pages/report/index',
        'pages/mine/index',
        'pages/detail/index',
        'pages/queue/index',
        'pages/tasks/index',
        'pages/dashboard/index',
      ],
    },
    {
      root: 'health-code',
      pages: ['pages/code/index', 'pages/declare/index', 'pages/appeal/index', 'pages/scan/index', 'pages/manage/index'],
    },
    { root: 'masks', pages: ['pages/reserve/index', 'pages/mine/index', 'pages/redeem/index', 'pages/review/index'] },
    { root: 'filings', pages: ['pages/mine/index', 'pages/file/index', 'pages/queue/index', 'pages/detail/index'] },
    { root: 'overview', pages: ['pages/index/index'] },
    { root: 'shops', pages: ['pages/map/index', 'pages/card/index', 'pages/patrol/index'] },
    { root: 'places', pages: ['pages/scan/index', 'pages/my-visits/index', 'pages/lookup/index', 'pages/poster/index', 'pages/today/index'] },
  ],
  // The report page lets residents pick the problem's place on WeChat's map; the patrol
  // list asks where the patrol stands, to say how far each shop is.
  requiredPrivateInfos: ['chooseLocation', 'getLocation'],
  permission: { 'scope.userLocation': { desc: '用于在巡查清单中显示与商户的距离' } },
  window: {
    navigationBarTitleText: '社区通办',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
});
