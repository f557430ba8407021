import fs from 'node:fs';
import path from 'node:path';
import { district, hotspot, OVERDUE_ID, overdueList, SHOP_GROCERY, shopList, shopOrg, unattachedAlerts } from '../../src/shops/shop-fixtures';
import { distDir, renderPage, signedInWeappSuite, tap, waitFor, waitForText, type RenderedPage } from './support/taro-weapp';
import { serveApi, stubs } from './support/wx-stubs';

// See login-page.test.ts.
jest.setTimeout(30_000);

/** A node of the page's data tree, as Taro hands it to WeChat's templates (`sid` names it, `cn` are its children). */
type DataNode = { sid?: string; cn?: DataNode[] } & Record<string, unknown>;

/**
 * What the compiled page gave WeChat's `map`: the props sit in the page's data
 * under short keys that base.wxml binds to the map's attributes
 * (`markers="{{i.p17||[]}}"`), read from the build so a renumbering cannot fool us.
 */
function mapProps(page: RenderedPage): { markers: Array<Record<string, unknown>>; circles: Array<Record<string, unknown>> } {
  const mapTag = /<map [^>]*>/.exec(fs.readFileSync(path.join(distDir, 'base.wxml'), 'utf8'))?.[0] ?? '';
  const keyOf = (attr: string) => new RegExp(`\\s${attr}="\\{\\{i\\.(\\w+)`).exec(mapTag)?.[1] ?? `no ${attr} in base.wxml`;
  const sid = page.querySelectorAll('.street-map')[0]?.dom?.getAttribute('data-sid');
  const [live] = (globalThis as unknown as { getCurrentPages: () => Array<{ data: { root: DataNode } }> }).getCurrentPages();
  const find = (node: DataNode): DataNode | undefined => (node.sid === sid ? node : node.cn?.map(find).find(Boolean));
  const node = find(live.data.root) ?? {};
  return { markers: (node[keyOf('markers')] ?? []) as never, circles: (node[keyOf('circles')] ?? []) as never };
}

function serveMap() {
  serveApi({
    'GET /api/me': { statusCode: 200, data: { user: district } },
    'GET /api/shops': { statusCode: 200, data: shopList() },
    'GET /api/org': { statusCode: 200, data: shopOrg },
    'GET /api/hotspots': { statusCode: 200, data: { items: [hotspot] } },
    'GET /api/complaints': { statusCode: 200, data: overdueList },
    'GET /api/shops/unattached-alerts': { statusCode: 200, data: unattachedAlerts },
  });
}

signedInWeappSuite();

describe('compiled weapp 挂图作战 page (shops subpackage)', () => {
  it("hands WeChat's map a marker per shop coloured by grade, the hotspot and overdue markers, and a circle per committee", async () => {
    serveMap();
    const page = renderPage('shops/pages/map/index');
    const text = await waitForText(page, '好邻居便利店');

    expect(page.querySelectorAll('.street-map')).toHaveLength(1);
    expect(page.querySelectorAll('.schematic')).toHaveLength(0);
    const { markers, circles } = mapProps(page);
    expect(markers.map((m) => [m.id, (m.label as { content: string }).content, (m.label as { bgColor: string }).bgColor])).toEqual([
      [0, '老王烧烤', '#e02020'],
      [1, '兰州拉面', '#f5a623'],
      [2, '便民五金维修', '#2ea121'],
      [3, '好邻居便利店', '#2ea121'],
      [4, '乱点', '#d46b08'],
      [5, '超期：占道经营', '#f5222d'],
      [6, '告警', '#646a73'],
    ]);
    expect(markers[0]).toMatchObject({ latitude: 31.2295, longitude: 121.5235 });
    expect(circles).toEqual([
      expect.objectContaining({ latitude: 31.229, longitude: 121.523, radius: 450 }),
      expect.objectContaining({ latitude: 31.2235, longitude: 121.53, radius: 450 }),
    ]);
    for (const chip of ['全部 4', '高风险 1', '中风险 1', '低风险 2']) expect(text).toContain(chip);
    expect(stubs.request.mock.calls[0][0]).toMatchObject({ header: { Authorization: 'Bearer weapp-token' } });
  });

  it('filtering by grade leaves only that grade’s shops on the map', async () => {
    serveMap();
    const page = renderPage('shops/pages/map/index');
    await waitForText(page, '好邻居便利店');

    tap(page, '高风险 1', '.chip');

    await waitFor(() => mapProps(page).markers.length === 4, () => `4 markers, got ${mapProps(page).markers.length}`);
    expect(mapProps(page).markers.map((m) => (m.label as { content: string }).content)).toEqual(['老王烧烤', '乱点', '超期：占道经营', '告警']);
  });

  it("a tap on a shop's marker opens its card; on an overdue matter, its detail", async () => {
    serveMap();
    const page = renderPage('shops/pages/map/index');
    await waitForText(page, '好邻居便利店');
    const map = page.querySelectorAll('.street-map')[0];

    map.dispatchEvent('markertap', { detail: { markerId: 3 } });
    await waitFor(() => stubs.navigateTo.mock.calls.length > 0, () => 'wx.navigateTo');
    map.dispatchEvent('markertap', { detail: { markerId: 5 } });
    await waitFor(() => stubs.navigateTo.mock.calls.length > 1, () => 'a second wx.navigateTo');

    expect(stubs.navigateTo.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      `/shops/pages/card/index?id=${SHOP_GROCERY}`,
      `/complaints/pages/detail/index?id=${OVERDUE_ID}`,
    ]);
  });
});
