/** Page paths, as `Taro.navigateTo` / `reLaunch` want them. */
export const ROUTES = {
  login: '/accounts/pages/login/index',
  home: '/accounts/pages/home/index',
  profile: '/accounts/pages/profile/index',
  privacy: '/accounts/pages/privacy/index',
  messages: '/notifications/pages/messages/index',
  complaintReport: '/complaints/pages/report/index',
  complaintsMine: '/complaints/pages/mine/index',
  complaintQueue: '/complaints/pages/queue/index',
  complaintTasks: '/complaints/pages/tasks/index',
  complaintDashboard: '/complaints/pages/dashboard/index',
  healthCode: '/health-code/pages/code/index',
  healthDeclare: '/health-code/pages/declare/index',
  healthAppeal: '/health-code/pages/appeal/index',
  healthScan: '/health-code/pages/scan/index',
  healthManage: '/health-code/pages/manage/index',
  masksReserve: '/masks/pages/reserve/index',
  masksMine: '/masks/pages/mine/index',
  masksRedeem: '/masks/pages/redeem/index',
  masksReview: '/masks/pages/review/index',
  filingsMine: '/filings/pages/mine/index',
  filingsFile: '/filings/pages/file/index',
  filingsQueue: '/filings/pages/queue/index',
} as const;

/** One complaint's page; notifications from the BFF link to exactly this path. */
export const complaintDetailUrl = (id: string) => `/complaints/pages/detail/index?id=${encodeURIComponent(id)}`;

/** One enterprise filing, for reviewers (cadre, district). */
export const filingDetailUrl = (id: string) => `/filings/pages/detail/index?id=${encodeURIComponent(id)}`;
/** The filing form amending a returned filing. */
export const filingAmendUrl = (id: string) => `/filings/pages/file/index?id=${encodeURIComponent(id)}`;
