import type { Action, DriverState } from './actions';
import type { EventKind } from './ledger';

/**
 * Street order's steps as requests (see actions.ts): shops are known by their
 * codes (`shop:S01` in the ids map), the two imports go as text/csv, and
 * every answer is kept with codes in place of server ids.
 */

/** The code of the shop the BFF gave this id (undefined: a shop the month does not know). */
export const shopCodeOf = (state: DriverState, id: string | undefined): string | undefined =>
  id ? Object.entries(state.ids).find(([key, value]) => key.startsWith('shop:') && value === id)?.[0].slice('shop:'.length) : undefined;

const committeeCodeOf = (state: DriverState, id: string | undefined) => (id ? (Object.entries(state.org.committees).find(([, c]) => c.id === id)?.[0] ?? id) : null);

/** One CSV cell: quoted when it holds a comma, a quote or a line break. */
const cell = (value: unknown) => {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csv = (header: string[], rows: Array<Record<string, unknown>>) => [header.join(','), ...rows.map((row) => header.map((h) => cell(row[h])).join(','))].join('\n') + '\n';

interface ReportLine {
  line: number;
  applied: boolean;
  shopId?: string;
}
const reportOf = (state: DriverState, body: { applied: number; refused: number; lines: ReportLine[] }) => ({
  applied: body.applied,
  refused: body.refused,
  lines: body.lines.map((l) => ({ line: l.line, applied: l.applied, ...(l.shopId ? { shop: shopCodeOf(state, l.shopId) ?? 'unknown' } : {}) })),
});

const shopView = (state: DriverState, shop: { grade: string; committeeId?: string }) => ({ grade: shop.grade, committee: committeeCodeOf(state, shop.committeeId) });

type ShopKind = Extract<EventKind, 'shop.create' | 'shop.import' | 'shop.inspect' | 'alerts.import' | 'complaint.linkShop'>;

export const SHOP_ACTIONS: Record<ShopKind, Action> = {
  'shop.create': {
    request: (e) => ({ actor: e.actor, method: 'POST', path: '/api/shops', body: e.data }),
    keep: (e, r, s) => {
      s.ids[`shop:${e.ref}`] = r.body.id;
      return shopView(s, r.body);
    },
  },
  'shop.import': {
    request: (e) => ({
      actor: e.actor,
      method: 'POST',
      path: '/api/shops/import',
      body: csv(
        ['name', 'businessType', 'address', 'lat', 'lng', 'licenceNumber'],
        (e.data.shops as Array<Record<string, unknown> & { location: { lat: number; lng: number } }>).map((s) => ({ ...s, lat: s.location.lat, lng: s.location.lng })),
      ),
    }),
    keep: (e, r, s) => {
      const planned = e.data.shops as Array<{ ref: string }>;
      // Line n of the file is planned shop n − 2 (the header is line 1).
      for (const l of r.body.lines as ReportLine[]) if (l.applied && l.shopId) s.ids[`shop:${planned[l.line - 2].ref}`] = l.shopId;
      return reportOf(s, r.body);
    },
  },
  'shop.inspect': {
    request: (e, s) => {
      const id = s.ids[`shop:${e.ref}`];
      return id ? { actor: e.actor, method: 'POST', path: `/api/shops/${id}/inspections`, body: e.data } : { skip: `shop ${e.ref} was never registered` };
    },
    keep: (_e, r) => ({ grade: r.body.shop.grade, previousGrade: r.body.previousGrade }),
  },
  'alerts.import': {
    request: (e, s) => ({
      actor: e.actor,
      method: 'POST',
      path: '/api/shops/alerts/import',
      body: csv(
        ['time', 'lat', 'lng', 'violationType', 'shopId'],
        (e.data.alerts as Array<Record<string, unknown>>).map(({ shop, ...line }) => ({ ...line, shopId: shop ? s.ids[`shop:${shop}`] : undefined })),
      ),
    }),
    keep: (_e, r, s) => reportOf(s, r.body),
  },
  'complaint.linkShop': {
    request: (e, s) => {
      const id = s.ids[e.ref];
      const shop = e.data.shop as string | null;
      if (!id) return { skip: `${e.ref} was never created` };
      if (shop && !s.ids[`shop:${shop}`]) return { skip: `shop ${shop} was never registered` };
      return { actor: e.actor, method: 'POST', path: `/api/complaints/${id}/link-shop`, body: { shopId: shop ? s.ids[`shop:${shop}`] : null } };
    },
    keep: (_e, r, s) => ({ status: r.body.status, shop: r.body.shop ? (shopCodeOf(s, r.body.shop.id) ?? 'unknown') : null }),
  },
};
