import { hotspotListSchema, orgResponseSchema, shopListSchema, unattachedAlertListSchema, type User } from '@sqtb/shared';
import { saveSession } from '../../../core/session';
import { loginReply } from '../../../test-support/fixtures';
import { fireEvent, render, screen, within } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, setRouterParams, taro } from '../../../test-support/taro-mock';
import { drawnMap } from '../../map-components-mock';
import { cadre, COMMITTEE_A, district, hotspot, OVERDUE_ID, overdueList, SHOP_BBQ, SHOP_GROCERY, shopList, shopOrg, shops, unattachedAlerts } from '../../shop-fixtures';
import ShopMapPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../map-components-mock'));
jest.mock('../../shops.css', () => ({}));

const calls = (url: string) => taro.request.mock.calls.filter(([o]) => o.url === url).map(([o]) => o);
const navigatedTo = () => taro.navigateTo.mock.calls.map(([o]) => o.url);
const dots = () => Array.from(document.querySelectorAll<HTMLElement>('.schematic__dot'));
const shopRows = () => Array.from(document.querySelectorAll<HTMLElement>('.shop-row'));

function serveMap(user: User = district) {
  return serveApi({
    'GET /api/me': reply(200, { user }),
    'GET /api/shops': reply(200, shopList()),
    'GET /api/org': reply(200, shopOrg),
    'GET /api/hotspots': reply(200, { items: [hotspot] }),
    'GET /api/complaints': reply(200, overdueList),
    'GET /api/shops/unattached-alerts': reply(200, unattachedAlerts),
  });
}

let platform: string | undefined;
beforeEach(() => {
  resetTaro();
  saveSession(loginReply(district));
  platform = process.env.TARO_ENV;
  process.env.TARO_ENV = 'h5';
});
afterEach(() => {
  process.env.TARO_ENV = platform as typeof process.env.TARO_ENV;
});

describe('the shop fixtures', () => {
  it('are replies the contract accepts', () => {
    expect(() => shopListSchema.parse(shopList())).not.toThrow();
    expect(() => orgResponseSchema.parse(shopOrg)).not.toThrow();
    expect(() => hotspotListSchema.parse({ items: [hotspot] })).not.toThrow();
    expect(() => unattachedAlertListSchema.parse(unattachedAlerts)).not.toThrow();
  });
});

describe('挂图作战 on H5 (a schematic, not a map)', () => {
  it('asks for every shop, the committees, open hotspots and overdue matters', async () => {
    serveMap();
    render(<ShopMapPage />);
    await screen.findByText('挂图作战');

    expect(calls('/api/shops')[0]).toMatchObject({ method: 'GET', data: { page: 1, pageSize: 100 }, header: { Authorization: 'Bearer token-abc' } });
    expect(calls('/api/hotspots')[0].data).toEqual({ open: 'true' });
    expect(calls('/api/complaints')[0].data).toMatchObject({ overdue: 'true', page: 1 });
    expect(calls('/api/shops/unattached-alerts')).toHaveLength(1);
  });

  it('draws a dot per shop in its grade colour, the committee circles, hotspot and overdue marks, and says it is a schematic', async () => {
    serveMap();
    render(<ShopMapPage />);
    await screen.findByText('挂图作战');

    expect(screen.getByText(/^示意图：按坐标绘制，非地图/)).toBeTruthy();
    expect(dots().map((d) => d.className.match(/grade-fill--(\w+)/)?.[1])).toEqual(['high', 'medium', 'low', 'low']);
    expect(document.querySelectorAll('.schematic__area')).toHaveLength(2);
    expect(document.querySelectorAll('.schematic .map-mark--hotspot')).toHaveLength(1);
    expect(document.querySelectorAll('.schematic .map-mark--overdue')).toHaveLength(1);
    expect(document.querySelectorAll('.schematic .map-mark--alert')).toHaveLength(1);
    expect(screen.getByText(/灰色方块为附近无登记商户的巡查告警/)).toBeTruthy();
    // Placed by coordinates: the grocery (east and south, in the other committee) lies right of and below the barbecue.
    const [bbq, , , grocery] = dots().map((d) => ({ left: parseFloat(d.style.left), top: parseFloat(d.style.top) }));
    expect(grocery.left).toBeGreaterThan(bbq.left);
    expect(grocery.top).toBeGreaterThan(bbq.top);
    for (const d of dots()) {
      expect(parseFloat(d.style.left)).toBeGreaterThanOrEqual(0);
      expect(parseFloat(d.style.left)).toBeLessThanOrEqual(100);
    }
  });

  it('shows a legend of the three grade colours and a plain list of every shop with its grade word and committee', async () => {
    serveMap();
    render(<ShopMapPage />);
    await screen.findByText('挂图作战');

    const legend = document.querySelector('.map-legend') as HTMLElement;
    for (const word of ['高风险', '中风险', '低风险', '在管乱点', '超期事项', '无商户告警']) expect(within(legend).getByText(word)).toBeTruthy();
    expect(Array.from(legend.querySelectorAll('.map-mark--shop')).map((m) => m.className.match(/grade-fill--(\w+)/)?.[1])).toEqual(['high', 'medium', 'low']);
    expect(shopRows().map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^老王烧烤高风险小吃摊点 · 潍坊一村居委会/),
      expect.stringMatching(/^兰州拉面中风险餐饮 · 潍坊一村居委会/),
      expect.stringMatching(/^便民五金维修低风险维修 · 潍坊一村居委会/),
      expect.stringMatching(/^好邻居便利店低风险食杂 · 潍坊四村居委会/),
    ]);
    expect(screen.getByText('乱点：30 天内 4 件（占道经营）')).toBeTruthy();
    expect(screen.getByText('超期：占道经营', { selector: '.overdue-row .card__text' })).toBeTruthy();
    // The alert no registered shop stood near: what, when (Shanghai time) and where, and that it counts toward no grade.
    expect(screen.getByText('附近无登记商户的巡查告警（1）')).toBeTruthy();
    const alert = document.querySelector('.alert-row') as HTMLElement;
    expect(alert.textContent).toBe('告警：垃圾不落地2026-03-01 20:00 · 31.23010, 121.52210 · 30 米内无登记商户，不计入任何商户等级');
  });

  it('filters by grade with chips that count each grade', async () => {
    serveMap();
    render(<ShopMapPage />);
    await screen.findByText('挂图作战');

    expect(Array.from(document.querySelectorAll('.chip')).map((c) => c.textContent)).toEqual(['全部 4', '高风险 1', '中风险 1', '低风险 2']);
    fireEvent.click(screen.getByText('低风险 2'));

    expect(dots()).toHaveLength(2);
    expect(dots().every((d) => d.className.includes('grade-fill--low'))).toBe(true);
    expect(shopRows().map((r) => r.querySelector('.card__title')?.textContent)).toEqual(['便民五金维修', '好邻居便利店']);
    // The counts stay those of every shop, and the hotspot and overdue marks stay drawn.
    expect(screen.getByText('高风险 1')).toBeTruthy();
    expect(document.querySelectorAll('.schematic .map-mark--overdue')).toHaveLength(1);

    fireEvent.click(screen.getByText('全部 4'));
    expect(dots()).toHaveLength(4);
  });

  it("opens on the grade and committee an overview figure names, and shows every committee again on request", async () => {
    setRouterParams({ grade: 'low', committeeId: COMMITTEE_A });
    serveMap();
    render(<ShopMapPage />);
    await screen.findByText('仅显示：潍坊一村居委会');

    // Committee A holds three of the four shops: one of each grade, its low one shown.
    expect(Array.from(document.querySelectorAll('.chip')).map((c) => c.textContent)).toEqual(['全部 3', '高风险 1', '中风险 1', '低风险 1']);
    expect(shopRows().map((r) => r.querySelector('.card__title')?.textContent)).toEqual(['便民五金维修']);

    fireEvent.click(screen.getByRole('button', { name: '显示全部居委' }));
    expect(screen.queryByText('仅显示：潍坊一村居委会')).toBeNull();
    expect(shopRows().map((r) => r.querySelector('.card__title')?.textContent)).toEqual(['便民五金维修', '好邻居便利店']);
  });

  it("opens a shop's card from its dot or its row, and an overdue matter from its mark", async () => {
    serveMap();
    render(<ShopMapPage />);
    await screen.findByText('挂图作战');

    fireEvent.click(dots()[0]);
    fireEvent.click(screen.getByText('好邻居便利店'));
    fireEvent.click(document.querySelector('.schematic .map-mark--overdue') as HTMLElement);
    expect(navigatedTo()).toEqual([`/shops/pages/card/index?id=${SHOP_BBQ}`, `/shops/pages/card/index?id=${SHOP_GROCERY}`, `/complaints/pages/detail/index?id=${OVERDUE_ID}`]);
  });

  it("draws only a cadre's own committee", async () => {
    saveSession(loginReply(cadre));
    serveMap(cadre);
    render(<ShopMapPage />);
    await screen.findByText('挂图作战');

    const areas = document.querySelectorAll('.schematic__area');
    expect(areas).toHaveLength(1);
    expect(areas[0].textContent).toBe(shopOrg.committees.find((c) => c.id === COMMITTEE_A)?.name);
  });

  it('loads every page of shops when there are more than one page holds', async () => {
    const many = Array.from({ length: 130 }, (_, i) => ({ ...shops()[i % 4], id: `64b0000000000000000${String(10000 + i)}` }));
    serveMap();
    const serve = taro.request.getMockImplementation()!;
    taro.request.mockImplementation(async (o) => {
      if (o.url !== '/api/shops') return serve(o);
      const page = (o.data as { page: number }).page;
      return reply(200, { items: many.slice((page - 1) * 100, page * 100), total: many.length, page, pageSize: 100 });
    });
    render(<ShopMapPage />);

    expect(await screen.findByText('全部 130')).toBeTruthy();
    expect(calls('/api/shops').map((o) => (o.data as { page: number }).page)).toEqual([1, 2]);
    expect(dots()).toHaveLength(130);
  });

  it('words a refusal, with a retry', async () => {
    serveMap();
    const serve = taro.request.getMockImplementation()!;
    let refused = false;
    taro.request.mockImplementation(async (o) => {
      if (o.url === '/api/shops' && !refused) {
        refused = true;
        return reply(403, { error: { code: 'FORBIDDEN', message: 'District staff and cadres only' } });
      }
      return serve(o);
    });
    render(<ShopMapPage />);

    expect(await screen.findByText('您没有权限进行此操作')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('挂图作战')).toBeTruthy();
  });
});

describe('挂图作战 in the mini-program (WeChat map)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
    drawnMap.props = undefined;
  });

  it('gives the map a marker per shop coloured by grade, the hotspot and overdue markers, and a circle per committee', async () => {
    serveMap();
    render(<ShopMapPage />);
    await screen.findByText('挂图作战');

    expect(document.querySelector('.schematic')).toBeNull();
    const props = drawnMap.props!;
    expect(props.markers?.map((m) => [m.id, m.label?.content, m.label?.bgColor])).toEqual([
      [0, '老王烧烤', '#e02020'],
      [1, '兰州拉面', '#f5a623'],
      [2, '便民五金维修', '#2ea121'],
      [3, '好邻居便利店', '#2ea121'],
      [4, '乱点', '#d46b08'],
      [5, '超期：占道经营', '#f5222d'],
      [6, '告警', '#646a73'],
    ]);
    expect(props.markers?.[6]).toMatchObject({ latitude: 31.2301, longitude: 121.5221, title: '告警：垃圾不落地' });
    expect(props.markers?.[0]).toMatchObject({ latitude: 31.2295, longitude: 121.5235 });
    expect(props.circles).toEqual([
      expect.objectContaining({ latitude: 31.229, longitude: 121.523, radius: 450 }),
      expect.objectContaining({ latitude: 31.2235, longitude: 121.53, radius: 450 }),
    ]);
  });

  it("opens a shop's card when its marker is tapped, and keeps the list under the map", async () => {
    serveMap();
    render(<ShopMapPage />);
    await screen.findByText('挂图作战');

    drawnMap.props!.onMarkerTap!({ detail: { markerId: 3 } } as never);
    drawnMap.props!.onMarkerTap!({ detail: { markerId: 4 } } as never);
    drawnMap.props!.onMarkerTap!({ detail: { markerId: 5 } } as never);
    // An alert has no page of its own: its marker opens nothing.
    drawnMap.props!.onMarkerTap!({ detail: { markerId: 6 } } as never);
    expect(navigatedTo()).toEqual([`/shops/pages/card/index?id=${SHOP_GROCERY}`, `/complaints/pages/detail/index?id=${OVERDUE_ID}`]);
    expect(shopRows()).toHaveLength(4);
  });
});
