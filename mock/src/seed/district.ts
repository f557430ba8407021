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
  // E2–E8 give the simulated month (mock/src/simulate) enough enterprises to file, be returned, approved and rejected.
  { code: 'E2', name: '上海潍坊社区便利店有限公司', address: '潍坊路 510 号', location: { lat: 31.2302, lng: 121.5215 }, committeeCode: 'A', creditCode: '91310115MA1K4A2B3A' },
  { code: 'E3', name: '上海潍坊四村物业管理有限公司', address: '潍坊路 150 号', location: { lat: 31.2228, lng: 121.5288 }, committeeCode: 'B', creditCode: '91310115MA1K5C7D1Q' },
  { code: 'E4', name: '上海四村洗衣服务有限公司', address: '南泉路 90 号', location: { lat: 31.2245, lng: 121.5318 }, committeeCode: 'B', creditCode: '91310115MA1K6E8F40' },
  { code: 'E5', name: '上海梅园印刷有限公司', address: '东昌路 60 号', location: { lat: 31.2362, lng: 121.5192 }, committeeCode: 'C', creditCode: '91310115MA1K7G2H6C' },
  { code: 'E6', name: '上海东昌小面馆餐饮有限公司', address: '东昌路 118 号', location: { lat: 31.2381, lng: 121.5165 }, committeeCode: 'C', creditCode: '91310115MA1K8J3K9K' },
  { code: 'E7', name: '上海崂山东路健身服务有限公司', address: '浦东南路 1020 号', location: { lat: 31.2412, lng: 121.5052 }, committeeCode: 'D', creditCode: '91310115MA1K9L4M2U' },
  { code: 'E8', name: '上海陆家嘴快递服务有限公司', address: '浦东南路 1150 号', location: { lat: 31.2431, lng: 121.5075 }, committeeCode: 'D', creditCode: '91310115MA1KAN5P79' },
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
  // Staff the simulated month (mock/src/simulate) acts as: a cadre for every committee,
  // a handler for every unit, a clerk at every pharmacy and a manager at every enterprise.
  { openid: 'cadre-3', role: 'cadre', displayName: '吴书记（梅园二村）', committeeCode: 'C' },
  { openid: 'cadre-4', role: 'cadre', displayName: '郑主任（崂山东路）', committeeCode: 'D' },
  { openid: 'handler-2', role: 'handler', displayName: '钱师傅（房管办）', unitCode: 'housing' },
  { openid: 'handler-3', role: 'handler', displayName: '冯组长（绿化市容所）', unitCode: 'greening' },
  { openid: 'pharmacy-2', role: 'pharmacy', displayName: '华氏大药房店员', pharmacyCode: 'P2' },
  { openid: 'pharmacy-3', role: 'pharmacy', displayName: '第一医药店员', pharmacyCode: 'P3' },
  { openid: 'pharmacy-4', role: 'pharmacy', displayName: '益丰大药房店员', pharmacyCode: 'P4' },
  { openid: 'pharmacy-5', role: 'pharmacy', displayName: '国大药房店员', pharmacyCode: 'P5' },
  { openid: 'pharmacy-6', role: 'pharmacy', displayName: '老百姓大药房店员', pharmacyCode: 'P6' },
  { openid: 'enterprise-2', role: 'enterprise', displayName: '何店长（社区便利店）', enterpriseCode: 'E2' },
  { openid: 'enterprise-3', role: 'enterprise', displayName: '许经理（四村物业）', enterpriseCode: 'E3' },
  { openid: 'enterprise-4', role: 'enterprise', displayName: '韩老板（四村洗衣）', enterpriseCode: 'E4' },
  { openid: 'enterprise-5', role: 'enterprise', displayName: '曹厂长（梅园印刷）', enterpriseCode: 'E5' },
  { openid: 'enterprise-6', role: 'enterprise', displayName: '严老板（东昌小面馆）', enterpriseCode: 'E6' },
  { openid: 'enterprise-7', role: 'enterprise', displayName: '华经理（崂山东路健身）', enterpriseCode: 'E7' },
  { openid: 'enterprise-8', role: 'enterprise', displayName: '金站长（陆家嘴快递）', enterpriseCode: 'E8' },
];

/** Risk regions as published in early 2020 (codes are ours); staff replace the list as it changes. */
export const RISK_REGIONS = [
  { code: 'hubei-wuhan', name: '湖北省武汉市', level: 'high' as const, since: '2020-01-23' },
  { code: 'zhejiang-wenzhou', name: '浙江省温州市', level: 'medium' as const, since: '2020-02-02' },
  { code: 'guangdong-shenzhen', name: '广东省深圳市', level: 'low' as const, since: '2020-02-20' },
];

/** The demo's open mask round: 5 masks per household, stock at every pharmacy. */
export const MASK_ROUND = { name: '第一轮口罩预约（演示）', masksPerHousehold: 5, pickupWindowHours: 48, stockPerPharmacy: 200, openForDays: 7 };

/** The street shops and a few inspections of them (street order, issue 16). */
export { SHOPS, SHOP_INSPECTIONS, type SeedShop, type SeedInspection } from './shops';
