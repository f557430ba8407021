import type { BusinessType, InspectionOutcome, ViolationType } from '@sqtb/shared';

/**
 * The demo district's street shops (街面秩序): eight in each committee's
 * area, every business type present, more than 30 m apart (so a patrol alert
 * attaches to one shop only). Keyed by a stable `code`; ids are assigned at
 * seeding, committees follow from where each shop stands (`committeeCode`
 * says which area that is, and the tests check it).
 *
 * A few inspections go with them, dated days before the seeding: clean ones
 * bring four food shops down to low; S03 has three violations (high), S06 and
 * S24 one each. S01, a grocery in committee A that nobody inspected, stays low:
 * the journey where a city-management patroller records three violations and
 * district staff see it turn high starts there.
 */
export interface SeedShop {
  code: string;
  name: string;
  businessType: BusinessType;
  address: string;
  location: { lat: number; lng: number };
  committeeCode: string;
  licenceNumber?: string;
  contactPhone?: string;
}
export interface SeedInspection {
  code: string;
  shopCode: string;
  outcome: InspectionOutcome;
  violationType?: ViolationType;
  note: string;
  daysAgo: number;
  unitCode: string;
}

export const SHOPS: SeedShop[] = [
  // Committee A: 潍坊一村
  { code: 'S01', name: '潍坊便民食杂店', businessType: 'grocery', address: '潍坊路 420 号', location: { lat: 31.2297, lng: 121.5237 }, committeeCode: 'A', contactPhone: '13900000101' },
  { code: 'S02', name: '老潍坊生煎馆', businessType: 'restaurant', address: '潍坊路 436 号', location: { lat: 31.2283, lng: 121.5244 }, committeeCode: 'A', licenceNumber: '92310115MA1B0A0102', contactPhone: '13900000102' },
  { code: 'S03', name: '阿婆葱油饼', businessType: 'street_food', address: '崂山路 580 弄口', location: { lat: 31.2304, lng: 121.5223 }, committeeCode: 'A' },
  { code: 'S04', name: '潍坊家电维修部', businessType: 'repair', address: '崂山路 612 号', location: { lat: 31.2276, lng: 121.5216 }, committeeCode: 'A', licenceNumber: '92310115MA1B0A0104' },
  { code: 'S05', name: '丝域美发沙龙', businessType: 'hairdresser', address: '潍坊路 458 号', location: { lat: 31.229, lng: 121.5258 }, committeeCode: 'A', contactPhone: '13900000105' },
  { code: 'S06', name: '潍坊路水果店', businessType: 'grocery', address: '潍坊路 470 号', location: { lat: 31.2311, lng: 121.5245 }, committeeCode: 'A' },
  { code: 'S07', name: '得一药房', businessType: 'pharmacy', address: '崂山路 640 号', location: { lat: 31.2269, lng: 121.5232 }, committeeCode: 'A', licenceNumber: '91310115MA1B0A0107' },
  { code: 'S08', name: '潍坊快印广告', businessType: 'other', address: '潍坊路 360 号', location: { lat: 31.23, lng: 121.5205 }, committeeCode: 'A' },
  // Committee B: 潍坊四村
  { code: 'S09', name: '四村兰州拉面', businessType: 'restaurant', address: '潍坊路 96 号', location: { lat: 31.2242, lng: 121.5312 }, committeeCode: 'B', contactPhone: '13900000109' },
  { code: 'S10', name: '南泉路烧烤摊', businessType: 'street_food', address: '南泉路 70 号旁', location: { lat: 31.2228, lng: 121.5321 }, committeeCode: 'B' },
  { code: 'S11', name: '四村便利超市', businessType: 'grocery', address: '潍坊路 132 号', location: { lat: 31.2249, lng: 121.5293 }, committeeCode: 'B', licenceNumber: '92310115MA1B0B0111' },
  { code: 'S12', name: '老张修鞋配钥匙', businessType: 'repair', address: '峨山路 20 号', location: { lat: 31.2221, lng: 121.5287 }, committeeCode: 'B' },
  { code: 'S13', name: '名剪造型', businessType: 'hairdresser', address: '潍坊路 108 号', location: { lat: 31.2256, lng: 121.5306 }, committeeCode: 'B', contactPhone: '13900000113' },
  { code: 'S14', name: '峨山路小馄饨', businessType: 'restaurant', address: '峨山路 36 号', location: { lat: 31.2214, lng: 121.5305 }, committeeCode: 'B', licenceNumber: '92310115MA1B0B0114' },
  { code: 'S15', name: '华康药店', businessType: 'pharmacy', address: '南泉路 88 号', location: { lat: 31.2236, lng: 121.5326 }, committeeCode: 'B', licenceNumber: '91310115MA1B0B0115' },
  { code: 'S16', name: '四村洗衣店', businessType: 'other', address: '潍坊路 156 号', location: { lat: 31.2244, lng: 121.5278 }, committeeCode: 'B' },
  // Committee C: 梅园二村
  { code: 'S17', name: '东昌路面馆', businessType: 'restaurant', address: '东昌路 96 号', location: { lat: 31.2377, lng: 121.5192 }, committeeCode: 'C', licenceNumber: '92310115MA1B0C0117', contactPhone: '13900000117' },
  { code: 'S18', name: '东昌路煎饼果子', businessType: 'street_food', address: '东昌路 80 号旁', location: { lat: 31.2363, lng: 121.5201 }, committeeCode: 'C' },
  { code: 'S19', name: '梅园食品店', businessType: 'grocery', address: '乳山路 40 号', location: { lat: 31.2384, lng: 121.5174 }, committeeCode: 'C' },
  { code: 'S20', name: '梅园电动车维修', businessType: 'repair', address: '乳山路 66 号', location: { lat: 31.2356, lng: 121.5168 }, committeeCode: 'C', contactPhone: '13900000120' },
  { code: 'S21', name: '乳山路理发店', businessType: 'hairdresser', address: '乳山路 90 号', location: { lat: 31.237, lng: 121.5158 }, committeeCode: 'C' },
  { code: 'S22', name: '梅园烟杂店', businessType: 'other', address: '东昌路 130 号', location: { lat: 31.2391, lng: 121.519 }, committeeCode: 'C' },
  { code: 'S23', name: '东昌大药房', businessType: 'pharmacy', address: '乳山路 12 号', location: { lat: 31.2349, lng: 121.5183 }, committeeCode: 'C', licenceNumber: '91310115MA1B0C0123' },
  { code: 'S24', name: '梅园小吃铺', businessType: 'street_food', address: '东昌路 150 号', location: { lat: 31.2377, lng: 121.5207 }, committeeCode: 'C' },
  // Committee D: 崂山东路
  { code: 'S25', name: '崂山东路本帮菜馆', businessType: 'restaurant', address: '浦东南路 1060 号', location: { lat: 31.2427, lng: 121.5072 }, committeeCode: 'D', licenceNumber: '92310115MA1B0D0125', contactPhone: '13900000125' },
  { code: 'S26', name: '陆家嘴早餐摊', businessType: 'street_food', address: '浦东南路 1100 号旁', location: { lat: 31.2413, lng: 121.5081 }, committeeCode: 'D' },
  { code: 'S27', name: '崂山东路菜摊', businessType: 'grocery', address: '崂山东路 48 号', location: { lat: 31.2434, lng: 121.5053 }, committeeCode: 'D' },
  { code: 'S28', name: '陆家嘴手机维修', businessType: 'repair', address: '浦东南路 990 号', location: { lat: 31.2406, lng: 121.5049 }, committeeCode: 'D', contactPhone: '13900000128' },
  { code: 'S29', name: '陆家嘴美甲店', businessType: 'hairdresser', address: '崂山东路 20 号', location: { lat: 31.242, lng: 121.5038 }, committeeCode: 'D' },
  { code: 'S30', name: '浦东南路药房', businessType: 'pharmacy', address: '浦东南路 1180 号', location: { lat: 31.2441, lng: 121.5067 }, committeeCode: 'D', licenceNumber: '91310115MA1B0D0130' },
  { code: 'S31', name: '崂山东路五金店', businessType: 'other', address: '崂山东路 76 号', location: { lat: 31.2399, lng: 121.5062 }, committeeCode: 'D' },
  { code: 'S32', name: '浦东南路奶茶店', businessType: 'restaurant', address: '浦东南路 1040 号', location: { lat: 31.2427, lng: 121.5046 }, committeeCode: 'D', contactPhone: '13900000132' },
];

export const SHOP_INSPECTIONS: SeedInspection[] = [
  { code: 'I01', shopCode: 'S02', outcome: 'ok', note: '后厨整洁，门前无占道', daysAgo: 5, unitCode: 'city-management' },
  { code: 'I02', shopCode: 'S09', outcome: 'ok', note: '店招规范，垃圾分类到位', daysAgo: 3, unitCode: 'city-management' },
  { code: 'I03', shopCode: 'S18', outcome: 'ok', note: '摊位收进门内经营', daysAgo: 7, unitCode: 'city-management' },
  { code: 'I04', shopCode: 'S25', outcome: 'ok', note: '油烟净化器运行正常', daysAgo: 2, unitCode: 'city-management' },
  { code: 'I05', shopCode: 'S03', outcome: 'violation', violationType: 'occupying_road', note: '摊位占用人行道', daysAgo: 40, unitCode: 'city-management' },
  { code: 'I06', shopCode: 'S03', outcome: 'violation', violationType: 'beyond_door', note: '炉灶摆到门外', daysAgo: 20, unitCode: 'city-management' },
  { code: 'I07', shopCode: 'S03', outcome: 'violation', violationType: 'fumes_noise', note: '油烟直排，居民反映强烈', daysAgo: 6, unitCode: 'city-management' },
  { code: 'I08', shopCode: 'S06', outcome: 'violation', violationType: 'beyond_door', note: '水果筐堆出店门', daysAgo: 12, unitCode: 'city-management' },
  { code: 'I09', shopCode: 'S24', outcome: 'violation', violationType: 'litter', note: '餐余垃圾堆在门口', daysAgo: 15, unitCode: 'greening' },
  { code: 'I10', shopCode: 'S12', outcome: 'ok', note: '经营有序', daysAgo: 10, unitCode: 'city-management' },
];
