import { Types } from 'mongoose';
import { ALERT_ATTACH_METERS, alertImportLineSchema, createShopSchema, distanceMeters, shanghaiDate, type LatLng, type ShopImportReport } from '@sqtb/shared';
import type { ZodError } from 'zod';
import type { AuthUser } from '../accounts/auth-user';
import type { Clock } from '../core/clock';
import { readCsvRows } from '../core/csv';
import { isDuplicateKey } from '../db/duplicate-key';
import { PatrolAlertModel } from './alert.model';
import { committeeAt, loadCommitteeAreas } from '../org/committee-areas';
import { markOutOfDate, regrade } from './grading';
import { registerShop } from './register';
import { ShopModel } from './shop.model';

/**
 * The two CSV imports of street order, as the close-contact import does it
 * (health-code/service.ts `importCases`): line 1 is the header, each line is
 * checked and applied on its own, a bad line is reported and never stops the
 * good ones, and a file that cannot be read is refused whole (400, nothing
 * written). Repeating an import adds nothing: a shop already registered and an
 * alert already imported are reported as refused lines naming the shop.
 */
export const SHOP_IMPORT_MAX_LINES = 5_000;
export const ALERT_IMPORT_MAX_LINES = 10_000;

type Line = ShopImportReport['lines'][number];

const report = (lines: Line[]): ShopImportReport => {
  const applied = lines.filter((l) => l.applied).length;
  return { applied, refused: lines.length - applied, lines };
};
/** A check's issues in the file's own column names. */
const problems = (error: ZodError) => error.issues.map((i) => `${i.path.join('.').replace(/^location\./, '') || 'line'}: ${i.message}`).join('; ');
/** A coordinate cell as written (an empty cell is missing, anything but a plain decimal is not a number). */
const coordinate = (text: string | undefined) => (text === undefined || text === '' ? undefined : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN);

/** `name,businessType,address,lat,lng[,licenceNumber,contactPhone]`: shops onto the register, each with its committee and first grade. */
export async function importShops(csv: string, deps: { clock: Clock }): Promise<ShopImportReport> {
  const rows = readCsvRows(csv, SHOP_IMPORT_MAX_LINES);
  const now = deps.clock.now();
  const committees = await loadCommitteeAreas();
  const lines: Line[] = [];
  for (const [index, row] of rows.entries()) {
    const line = index + 2; // the header is line 1
    const parsed = createShopSchema.safeParse({
      name: row.name ?? '',
      businessType: row.businessType ?? '',
      address: row.address ?? '',
      location: { lat: coordinate(row.lat), lng: coordinate(row.lng) },
      ...(row.licenceNumber ? { licenceNumber: row.licenceNumber } : {}),
      ...(row.contactPhone ? { contactPhone: row.contactPhone } : {}),
    });
    if (!parsed.success) {
      lines.push({ line, applied: false, error: problems(parsed.error) });
      continue;
    }
    const registered = await registerShop(parsed.data, committees, now);
    lines.push('existingId' in registered ? { line, applied: false, shopId: registered.existingId, error: 'already registered (same licence number, or same name and address)' } : { line, applied: true, shopId: String(registered.shop._id) });
  }
  return report(lines);
}

/** The same capture exported twice is one alert: its time, place and type. */
const alertKeyOf = (at: Date, location: LatLng, violationType: string) => `${at.toISOString()}|${location.lat}|${location.lng}|${violationType}`;

/**
 * `time,lat,lng,violationType[,shopId]`: patrol-vehicle alerts. One naming a
 * shop goes to that shop; else to the nearest shop within ALERT_ATTACH_METERS;
 * else it is kept unattached: it counts toward no grade, and the map shows it
 * for UNATTACHED_ALERT_DAYS (service.ts `unattachedAlerts`). Each shop that got
 * alerts is regraded once, after the last line.
 */
export async function importAlerts(user: AuthUser, csv: string, deps: { clock: Clock }): Promise<ShopImportReport> {
  const rows = readCsvRows(csv, ALERT_IMPORT_MAX_LINES);
  const now = deps.clock.now();
  const [committees, nearest] = await Promise.all([loadCommitteeAreas(), nearestShopFinder()]);
  const touched = new Set<string>();
  const lines: Line[] = [];
  for (const [index, row] of rows.entries()) {
    const line = index + 2;
    const parsed = alertImportLineSchema.safeParse({
      time: row.time ?? '',
      location: { lat: coordinate(row.lat), lng: coordinate(row.lng) },
      violationType: row.violationType ?? '',
      ...(row.shopId ? { shopId: row.shopId } : {}),
    });
    if (!parsed.success) {
      lines.push({ line, applied: false, error: problems(parsed.error) });
      continue;
    }
    const { time: at, location, violationType } = parsed.data;
    if (at > now) {
      lines.push({ line, applied: false, error: 'time: cannot be in the future' });
      continue;
    }
    const shopId = parsed.data.shopId ? ((await ShopModel.exists({ _id: parsed.data.shopId })) ? parsed.data.shopId.toLowerCase() : null) : nearest(location);
    if (shopId === null) {
      lines.push({ line, applied: false, error: 'shopId: no such shop' });
      continue;
    }
    const key = alertKeyOf(at, location, violationType);
    const earlier = await PatrolAlertModel.findOne({ key }, { shopId: 1 }).lean();
    if (earlier) {
      lines.push({ line, applied: false, ...(earlier.shopId ? { shopId: String(earlier.shopId) } : {}), error: 'already imported (same time, place and violation type)' });
      continue;
    }
    // The grade's input is about to change: marked first, so a regrade lost to a crash is healed by the daily job.
    if (shopId) await markOutOfDate(shopId);
    try {
      const committee = committeeAt(location, committees);
      await PatrolAlertModel.create({
        at,
        date: shanghaiDate(at),
        location,
        violationType,
        ...(shopId ? { shopId: new Types.ObjectId(shopId) } : {}),
        ...(committee ? { committeeId: committee.id } : {}),
        key,
        importedBy: user.id,
        createdAt: now,
      });
    } catch (err) {
      if (!isDuplicateKey(err, 'key')) throw err;
      lines.push({ line, applied: false, error: 'already imported (same time, place and violation type)' });
      continue;
    }
    if (shopId) touched.add(shopId);
    lines.push({ line, applied: true, ...(shopId ? { shopId } : {}) });
  }
  for (const shopId of touched) await regrade(shopId, now);
  return report(lines);
}

/** About 110 m of latitude, and at least 55 m of longitude up to 60°: a point's shops within 30 m lie in its cell or the eight around it. */
const CELL_DEGREES = 0.001;
const cellKey = (row: number, col: number) => `${row}:${col}`;

/** Finds the nearest registered shop within ALERT_ATTACH_METERS of a point, over shops read once and put on a grid. */
async function nearestShopFinder(): Promise<(point: LatLng) => string | undefined> {
  const shops = await ShopModel.find({}, { location: 1 }).lean();
  const grid = new Map<string, Array<{ id: string; location: LatLng }>>();
  for (const shop of shops) {
    const location = { lat: shop.location!.lat, lng: shop.location!.lng };
    const key = cellKey(Math.floor(location.lat / CELL_DEGREES), Math.floor(location.lng / CELL_DEGREES));
    const cell = grid.get(key) ?? [];
    cell.push({ id: String(shop._id), location });
    grid.set(key, cell);
  }
  return (point) => {
    const row = Math.floor(point.lat / CELL_DEGREES);
    const col = Math.floor(point.lng / CELL_DEGREES);
    let best: { id: string; meters: number } | undefined;
    for (let dr = -1; dr <= 1; dr++)
      for (let dc = -1; dc <= 1; dc++)
        for (const shop of grid.get(cellKey(row + dr, col + dc)) ?? []) {
          const meters = distanceMeters(point, shop.location);
          if (meters <= ALERT_ATTACH_METERS && (!best || meters < best.meters)) best = { id: shop.id, meters };
        }
    return best?.id;
  };
}
