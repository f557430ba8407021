/** The places subpackage's page paths (core/routes.ts holds the older capabilities'). */
export const PLACE_ROUTES = {
  scan: '/places/pages/scan/index',
  myVisits: '/places/pages/my-visits/index',
  lookup: '/places/pages/lookup/index',
  poster: '/places/pages/poster/index',
  today: '/places/pages/today/index',
} as const;
