/** The street-order pages (the `shops` subpackage). */
export const SHOP_PAGES = {
  map: '/shops/pages/map/index',
  card: '/shops/pages/card/index',
  patrol: '/shops/pages/patrol/index',
} as const;

/** One shop's card. */
export const shopCardUrl = (id: string) => `${SHOP_PAGES.card}?id=${encodeURIComponent(id)}`;
