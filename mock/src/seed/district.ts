/**
 * The demo district: a small, plausible corner of Pudong, Shanghai.
 * Reference data is keyed by stable `code`s; database ids are assigned at seeding.
 * Committee areas are circles 450 m across that do not overlap.
 */
export interface SeedStreet { code: string; name: string }
export interface SeedCommittee {
  code: string;
  name: string;
  streetCode: string;
  area: { center: { lat: number; lng: number }; radiusMeters: number };
}
export interface SeedUnit { code: string; name: string; categories: string[] }
export interface SeedPlace {
  code: string;
  name: string;
  address: string;
  location: { lat: number; lng: number };
  committeeCode?: string;
  /** Enterprises: the unified social credit code (valid check character, made up). */
  creditCode?: string;
}
export interface SeedAccount {
  openid: string;
  /** Residents on record with the committee: legal name and ID number (valid checksums, made up). */
  identity?: { name: string; idNumber: string };
  /** A registered household (resident-1's lies nearest pharmacy P1). */
  household?: { address: string; location: { lat: number; lng: number }; phone: string; size: number };
  role: 'resident' | 'cadre' | 'handler' | 'district' | 'pharmacy' | 'enterprise';
  displayName: string;
  committeeCode?: string;
  streetCode?: string;
  unitCode?: string;
  pharmacyCode?: string;
  enterpriseCode?: string;
}

export const STREETS: SeedStreet[] = [
  { code: 'weifang', name: '潍坊新村街道' },
  { code: 'lujiazui', name: '陆家嘴街道' },
];

export const COMMITTEES: SeedCommittee[] = [
  { code: 'A', name: '潍坊一村居委会', streetCode: 'weifang', area: { center: { lat: 31.229, lng: 121.523 }, radiusMeters: 450 } },
  { code: 'B', name: '潍坊四村居委会', streetCode: 'weifang', area: { center: { lat: 31.2235, lng: 121.53 }, radiusMeters: 450 } },
  { code: 'C', name: '梅园二村居委会', streetCode: 'lujiazui', area: { center: { lat: 31.237, lng: 121.518 }, radiusMeters: 450 } },
  { code: 'D', name: '崂山东路居委会', streetCode: 'lujiazui', area: { center: { lat: 31.242, lng: 121.506 }, radiusMeters: 450 } },
];

export const UNITS: SeedUnit[] = [
  { code: 'city-management', name: '潍坊城管执法中队', categories: ['street-occupation', 'illegal-construction', 'noise'] },
  { code: 'housing', name: '潍坊房管办', categories: ['property-repair', 'water-leak', 'elevator'] },
  { code: 'greening', name: '绿化市容所', categories: ['greenery', 'sanitation', 'garbage-sorting'] },
];

export const PHARMACIES: SeedPlace[] = [
  { code: 'P1', name: '雷允上药房（潍坊店）', address: '潍坊路 388 号', location: { lat: 31.2292, lng: 121.5225 }, committeeCode: 'A' },
  { code: 'P2', name: '华氏大药房（崂山路店）', address: '崂山路 600 号', location: { lat: 31.2268, lng: 121.5262 }, committeeCode: 'A' },
  { code: 'P3', name: '第一医药（潍坊四村店）', address: '潍坊路 120 号', location: { lat: 31.2231, lng: 121.5311 }, committeeCode: 'B' },
  { code: 'P4', name: '益丰大药房（东昌路店）', address: '东昌路 15 号', location: { lat: 31.2372, lng: 121.5172 }, committeeCode: 'C' },
  { code: 'P5', name: '国大药房（浦东南路店）', address: '浦东南路 1088 号', location: { lat: 31.2415, lng: 121.5068 }, committeeCode: 'D' },
  { code: 'P6', name: '老百姓大药房（张杨路店）', address: '张杨路 500 号', location: { lat: 31.2320, lng: 121.5290 } },
];

export const ENTERPRISES: SeedPlace[] = [
  { code: 'E1', name: '上海潍坊小笼餐饮有限公司', address: '潍坊路 402 号', location: { lat: 31.2285, lng: 121.524 }, committeeCode: 'A', creditCode: '91310115MA1K3R5W2E' },
];

export const ACCOUNTS: SeedAccount[] = [
  { openid: 'resident-1', role: 'resident', displayName: '张伟', committeeCode: 'A', identity: { name: '张伟', idNumber: '310115198805120018' }, household: { address: '潍坊路 388 弄 5 号 201 室', location: { lat: 31.2294, lng: 121.5223 }, phone: '13800000001', size: 3 } },
  { openid: 'resident-2', role: 'resident', displayName: '李娜', committeeCode: 'A', identity: { name: '李娜', idNumber: '310115199203180026' }, household: { address: '崂山路 620 弄 2 号 502 室', location: { lat: 31.2266, lng: 121.5258 }, phone: '13800000002', size: 2 } },
  { openid: 'resident-3', role: 'resident', displayName: '王芳', committeeCode: 'B', identity: { name: '王芳', idNumber: '310115197601230042' }, household: { address: '潍坊路 120 弄 8 号 101 室', location: { lat: 31.2233, lng: 121.5306 }, phone: '13800000003', size: 4 } },
  { openid: 'cadre-1', role: 'cadre', displayName: '陈书记（潍坊一村）', committeeCode: 'A' },
  { openid: 'cadre-2', role: 'cadre', displayName: '刘主任（潍坊四村）', committeeCode: 'B' },
  { openid: 'handler-1', role: 'handler', displayName: '赵队员（城管中队）', unitCode: 'city-management' },
  { openid: 'district-1', role: 'district', displayName: '孙科长（区城运中心）' },
  { openid: 'pharmacy-1', role: 'pharmacy', displayName: '雷允上药房店员', pharmacyCode: 'P1' },
  { openid: 'enterprise-1', role: 'enterprise', displayName: '周经理（潍坊小笼）', enterpriseCode: 'E1' },
];

/** Risk regions as published in early 2020 (codes are ours); staff replace the list as it changes. */
export const RISK_REGIONS = [
  { code: 'hubei-wuhan', name: '湖北省武汉市', level: 'high' as const, since: '2020-01-23' },
  { code: 'zhejiang-wenzhou', name: '浙江省温州市', level: 'medium' as const, since: '2020-02-02' },
  { code: 'guangdong-shenzhen', name: '广东省深圳市', level: 'low' as const, since: '2020-02-20' },
];

/** The demo's open mask round: 5 masks per household, stock at every pharmacy. */
export const MASK_ROUND = { name: '第一轮口罩预约（演示）', masksPerHousehold: 5, pickupWindowHours: 48, stockPerPharmacy: 200, openForDays: 7 };
