import { handler, inspectionReply, patrolList, SHOP_REPAIR } from '../../src/shops/shop-fixtures';
import { renderPage, signedInWeappSuite, tap, waitFor, waitForText, type RenderedPage } from './support/taro-weapp';
import { serveApi, stubs, type WxRequest } from './support/wx-stubs';

// See login-page.test.ts.
jest.setTimeout(30_000);

const INSPECT_PATH = `/api/shops/${SHOP_REPAIR}/inspections`;
type Callbacks = { success?: (r: unknown) => void; fail?: (e: unknown) => void };
/** WeChat's position API, which wx-stubs leaves out: set per test on the simulator's `wx`. */
const wx = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx;
const requests = (pathEnd: string) => stubs.request.mock.calls.map(([o]) => o).filter((o: WxRequest) => o.url.split('?')[0].endsWith(pathEnd));
const rowTitles = (page: RenderedPage) => page.querySelectorAll('.shop-row__name').map((n) => n.dom?.textContent);

/** Without a point the BFF gives no distances. */
const withoutDistances = () => ({ ...patrolList(), items: patrolList().items.map(({ distanceMeters: _none, ...item }) => item) });

function servePatrol(list = patrolList()) {
  serveApi({
    'GET /api/me': { statusCode: 200, data: { user: handler } },
    'GET /api/shops/patrol': { statusCode: 200, data: list },
    [`POST ${INSPECT_PATH}`]: { statusCode: 201, data: inspectionReply() },
  });
}

async function openForm(page: RenderedPage, name: string) {
  await waitForText(page, name);
  page.querySelectorAll('.shop-row').find((n) => n.dom?.textContent?.includes(name))?.dispatchEvent('tap');
  await waitForText(page, `巡查：${name}`);
}

signedInWeappSuite();
beforeEach(() => {
  wx().getLocation = jest.fn((options: Callbacks) => options.success?.({ errMsg: 'getLocation:ok', latitude: 31.229, longitude: 121.523 }));
});

describe('compiled weapp 街面巡查 page (shops subpackage)', () => {
  it('asks where the patrol stands and lists today’s shops in the order given, with grade, days and distance', async () => {
    servePatrol();
    const page = renderPage('shops/pages/patrol/index');

    const text = await waitForText(page, '今日巡查');

    expect(rowTitles(page)).toEqual(['老王烧烤', '兰州拉面', '好邻居便利店', '便民五金维修']);
    expect(text).toContain('12 天未巡查 · 距您 80 米');
    expect(text).toContain('从未巡查 · 距您 1.5 公里');
    expect(text).toContain('高风险');
    const [patrol] = requests('/api/shops/patrol');
    expect(patrol).toMatchObject({ method: 'GET', header: { Authorization: 'Bearer weapp-token' } });
    expect(patrol.data).toEqual({ lat: 31.229, lng: 121.523 });
  });

  it('lists without distances when the position is refused', async () => {
    wx().getLocation = jest.fn((options: Callbacks) => options.fail?.({ errMsg: 'getLocation:fail auth deny' }));
    servePatrol(withoutDistances());
    const page = renderPage('shops/pages/patrol/index');

    const text = await waitForText(page, '未获取到当前位置，不显示距离');

    expect(text).not.toContain('距您');
    expect(requests('/api/shops/patrol')[0].data).toEqual({});
  });

  it('refuses a violation without its type, then records one and shows the grade it answered', async () => {
    servePatrol();
    const page = renderPage('shops/pages/patrol/index');
    await openForm(page, '便民五金维修');

    tap(page, '有违规', '.chip');
    await waitForText(page, '违规类型');
    page.querySelectorAll('.field--textarea')[0].dispatchEvent('input', { detail: { value: '跨门摆放维修工具' } });
    tap(page, '提交巡查记录');
    await waitForText(page, '有违规时请选择违规类型');
    await waitFor(() => !page.dom?.textContent?.includes('请填写巡查情况'), () => 'the note taken');
    expect(requests(INSPECT_PATH)).toHaveLength(0);

    tap(page, '跨门营业', '.chip');
    // Each tap renders before the next, as a person's would: the submit reads the chosen type.
    await waitFor(() => page.querySelectorAll('.chip--on').some((n) => n.dom?.textContent === '跨门营业'), () => '跨门营业 chosen');
    tap(page, '提交巡查记录');

    const answered = await waitForText(page, '等级：低风险 → 高风险');
    for (const reason of inspectionReply().shop.reasons) expect(answered).toContain(reason);
    expect(requests(INSPECT_PATH)[0]).toMatchObject({
      method: 'POST',
      data: { outcome: 'violation', violationType: 'beyond_door', note: '跨门摆放维修工具', photoIds: [] },
    });
    // The list reloads at once behind the answer.
    await waitFor(() => requests('/api/shops/patrol').length === 2, () => 'the patrol list reloaded');
  });
});
