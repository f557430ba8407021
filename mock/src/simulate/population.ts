import { idNumberCheckChar, isInsideArea } from '@sqtb/shared';
import { COMMITTEES, type SeedCommittee } from '../seed/district';
import type { LatLng } from './ledger';
import type { Rng } from './rng';

/**
 * The simulated residents: made-up names, valid ID numbers, phones and homes.
 * Most live inside a committee's area; a few just outside every area (their
 * registration goes to the cadre for review), and a few share an address with
 * a neighbour already registered (one household per address: review again).
 */
export interface SimResident {
  ref: string;
  openid: string;
  name: string;
  idNumber: string;
  phone: string;
  /** The committee they live in (or, outside every area, the nearest one they register with). */
  committeeCode: string;
  insideArea: boolean;
  home: LatLng;
  address: string;
  householdSize: number;
  /** The resident whose address this one repeats, if any. */
  sharesAddressWith?: string;
}

const FAMILY = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '梁', '宋', '唐', '许', '邓', '冯', '韩', '曹', '彭', '曾'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '建国', '志强', '晓东', '海燕', '玉兰', '文博', '雨涵', '思远', '子轩', '欣怡', '浩然', '佳怡', '宇航'];
/** The road each committee's homes are on; homes outside every area are along 张杨路. */
export const ROADS: Record<string, string> = { A: '潍坊路', B: '南泉路', C: '东昌路', D: '崂山东路' };
export const OUTSIDE_ROAD = '张杨路';

const METERS_PER_DEG_LAT = 111_320;

/** A point spread evenly over a disc of `radius` metres around `center`. */
export function pointInDisc(rng: Rng, center: LatLng, radius: number): LatLng {
  const r = radius * Math.sqrt(rng.next());
  const theta = 2 * Math.PI * rng.next();
  const lat = center.lat + (r * Math.cos(theta)) / METERS_PER_DEG_LAT;
  const lng = center.lng + (r * Math.sin(theta)) / (METERS_PER_DEG_LAT * Math.cos((center.lat * Math.PI) / 180));
  return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) };
}

/** A point in the district (between the committees) that lies inside no committee's area. */
export function pointOutside(rng: Rng): LatLng {
  for (;;) {
    const p = { lat: Number(rng.between(31.219, 31.246).toFixed(6)), lng: Number(rng.between(121.502, 121.536).toFixed(6)) };
    if (!committeeAt(p)) return p;
  }
}

export function committeeAt(p: LatLng): SeedCommittee | undefined {
  return COMMITTEES.find((c) => isInsideArea(p, c.area));
}

function nearestCommittee(p: LatLng): SeedCommittee {
  const d = (c: SeedCommittee) => (c.area.center.lat - p.lat) ** 2 + (c.area.center.lng - p.lng) ** 2;
  return [...COMMITTEES].sort((a, b) => d(a) - d(b))[0];
}

function idNumber(rng: Rng, index: number): string {
  const year = rng.int(1950, 2004);
  const month = String(rng.int(1, 12)).padStart(2, '0');
  const day = String(rng.int(1, 28)).padStart(2, '0');
  const first17 = `310115${year}${month}${day}${String(index).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

export function createPopulation(rng: Rng, count: number): SimResident[] {
  const residents: SimResident[] = [];
  for (let i = 1; i <= count; i += 1) {
    const ref = `R${String(i).padStart(3, '0')}`;
    const insideArea = !rng.chance(0.07);
    const committee = insideArea ? rng.weighted({ A: 3, B: 3, C: 2, D: 2 }) : undefined;
    const home = committee ? pointInDisc(rng, COMMITTEES.find((c) => c.code === committee)!.area.center, 400) : pointOutside(rng);
    const committeeCode = committee ?? nearestCommittee(home).code;
    const road = committee ? ROADS[committee] : OUTSIDE_ROAD;
    const resident: SimResident = {
      ref,
      openid: `sim-${ref.toLowerCase()}`,
      name: rng.pick(FAMILY) + rng.pick(GIVEN),
      idNumber: idNumber(rng, i),
      phone: `139${String(10_000_000 + i * 7919).slice(-8)}`,
      committeeCode,
      insideArea,
      home,
      // The lane number is the resident's own, so no two homes share an address by chance.
      address: `${road} ${100 + i} 弄 ${rng.int(1, 40)} 号 ${rng.int(1, 6)}0${rng.int(1, 4)} 室`,
      householdSize: rng.int(1, 5),
    };
    // A family member registering separately at an address already taken (same committee, same door).
    const neighbour = residents.filter((r) => r.insideArea && r.committeeCode === committeeCode && !r.sharesAddressWith).at(-1);
    if (insideArea && neighbour && rng.chance(0.05)) {
      resident.home = neighbour.home;
      resident.address = neighbour.address;
      resident.sharesAddressWith = neighbour.ref;
    }
    residents.push(resident);
  }
  return residents;
}
