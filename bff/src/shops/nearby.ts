import { Types } from 'mongoose';
import { distanceMeters, type LatLng } from '@sqtb/shared';
import { ShopModel } from './shop.model';

/** How far from a reported place a shop is offered to name, and how many at most. */
export const NEARBY_SHOP_METERS = 150;
export const NEARBY_SHOP_LIMIT = 10;
/** Degrees of latitude per metre, and a bound on degrees of longitude per metre at Shanghai's latitude. */
const LAT_DEGREES_PER_METER = 1 / 111_000;
const LNG_DEGREES_PER_METER = 1 / 94_000;

/** The registered shops near a point, nearest first, by name only (a resident names one when filing). */
export async function shopsNear(point: LatLng): Promise<Array<{ id: string; name: string }>> {
  const dLat = NEARBY_SHOP_METERS * LAT_DEGREES_PER_METER;
  const dLng = NEARBY_SHOP_METERS * LNG_DEGREES_PER_METER;
  const found = await ShopModel.find(
    { 'location.lat': { $gte: point.lat - dLat, $lte: point.lat + dLat }, 'location.lng': { $gte: point.lng - dLng, $lte: point.lng + dLng } },
    { name: 1, location: 1 },
  ).lean();
  return found
    .map((s) => ({ id: String(s._id), name: s.name, meters: distanceMeters(point, { lat: s.location!.lat, lng: s.location!.lng }) }))
    .filter((s) => s.meters <= NEARBY_SHOP_METERS)
    .sort((a, b) => a.meters - b.meters)
    .slice(0, NEARBY_SHOP_LIMIT)
    .map(({ id, name }) => ({ id, name }));
}

/** A shop's id and name, or null when there is none by that id. */
export async function shopRef(id: string): Promise<{ id: string; name: string } | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  const shop = await ShopModel.findById(id, { name: 1 }).lean();
  return shop ? { id: String(shop._id), name: shop.name } : null;
}
