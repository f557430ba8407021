import { inspectionReplySchema, shopDetailSchema, type User } from '@sqtb/shared';
import { saveSession } from '../../../core/session';
import { loginReply } from '../../../test-support/fixtures';
import { act, fireEvent, render, screen, waitFor, within } from '../../../test-support/rtl';
import { pullDown, reply, resetTaro, serveApi, setRouterParams, taro } from '../../../test-support/taro-mock';
import { cadre, district, handler, inspectionReply, LINKED_COMPLAINT, SHOP_BBQ, shopDetail } from '../../shop-fixtures';
import ShopCardPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));
jest.mock('../../shops.css', () => ({}));

const SHOP_URL = `/api/shops/${SHOP_BBQ}`;
const calls = (url: string) => taro.request.mock.calls.filter(([o]) => o.url === url).map(([o]) => o);
/** The entries (cards or rows) under a section title, one text each. */
const section = (title: string) => {
  const heading = screen.getByText(title, { selector: '.section-title' });
  const entries: Element[] = [];
  for (let node = heading.nextElementSibling; node && !node.classList.contains('section-title'); node = node.nextElementSibling) {
    const inner = Array.from(node.querySelectorAll('.card, .row'));
    entries.push(...(inner.length ? inner : [node]));
  }
  return entries.map((e) => e.textContent);
};

function serveCard(user: User = district, extra: Parameters<typeof serveApi>[0] = {}) {
  saveSession(loginReply(user));
  return serveApi({ [`GET ${SHOP_URL}`]: reply(200, shopDetail()), 'GET /api/me': reply(200, { user }), ...extra });
}

beforeEach(() => {
  resetTaro();
  setRouterParams({ id: SHOP_BBQ });
});

describe("a shop's card", () => {
  it('is drawn from a reply the contract accepts', () => {
    expect(() => shopDetailSchema.parse(shopDetail())).not.toThrow();
    expect(() => inspectionReplySchema.parse(inspectionReply())).not.toThrow();
  });

  it('shows the grade in words and colour, why, and the day it falls by itself', async () => {
    serveCard();
    render(<ShopCardPage />);

    expect(await screen.findByText('老王烧烤')).toBeTruthy();
    const grade = document.querySelector('.shop-summary__grade') as HTMLElement;
    expect(grade.textContent).toBe('高风险');
    expect(grade.className).toContain('grade-fill--high');
    const summary = document.querySelector('.shop-summary') as HTMLElement;
    expect(Array.from(summary.querySelectorAll('.card__text')).map((r) => r.textContent)).toEqual(shopDetail().reasons.map((r) => `· ${r}`));
    expect(screen.getByText(`若无新的违规或投诉，${shopDetail().nextFallOn} 起降级`)).toBeTruthy();
    expect(screen.getByText('所属居委').parentElement?.textContent).toBe('所属居委潍坊一村居委会');
    expect(screen.getByText('业态').parentElement?.textContent).toBe('业态小吃摊点');
    expect(calls(SHOP_URL)[0]).toMatchObject({ method: 'GET', header: { Authorization: 'Bearer token-abc' } });
  });

  it('lists how the grade moved (newest first), the latest inspections, alerts and linked complaints', async () => {
    serveCard();
    render(<ShopCardPage />);
    await screen.findByText('老王烧烤');

    const [raise, first] = shopDetail().gradeHistory;
    expect(section('等级变化')).toEqual([
      `中风险 → 高风险${raise.reasons.map((r) => `· ${r}`).join('')}2026-02-20 14:00`,
      `初评 中风险${first.reasons.map((r) => `· ${r}`).join('')}2026-01-02 09:00`,
    ]);
    expect(section('最近巡查')).toEqual(['有违规占道经营桌椅摆到人行道上潍坊城管执法中队 · 2026-02-20 14:00 · 照片 1 张', '无问题门前整洁区级 · 2026-01-05 11:00']);
    expect(section('巡查车告警')).toEqual(['2026-02-01 20:30油烟噪声']);
    expect(section('关联投诉')).toEqual(['占道经营处置中烧烤摊每晚占道，油烟很大2026-02-18 19:00']);
  });

  it('opens a linked complaint on its detail page', async () => {
    serveCard();
    render(<ShopCardPage />);

    fireEvent.click(await screen.findByText('烧烤摊每晚占道，油烟很大'));

    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/complaints/pages/detail/index?id=${LINKED_COMPLAINT}` });
  });

  it('offers 记录巡查 to handling units and district staff, not to cadres', async () => {
    serveCard(handler);
    const { unmount } = render(<ShopCardPage />);
    expect(await screen.findByRole('button', { name: '记录巡查' })).toBeTruthy();
    unmount();

    serveCard(cadre);
    render(<ShopCardPage />);
    await screen.findByText('老王烧烤');
    expect(screen.queryByRole('button', { name: '记录巡查' })).toBeNull();
  });

  it('records an inspection from the card, says the grade it answered and reloads the card', async () => {
    serveCard(district, { [`POST ${SHOP_URL}/inspections`]: reply(201, inspectionReply()) });
    render(<ShopCardPage />);

    fireEvent.click(await screen.findByRole('button', { name: '记录巡查' }));
    fireEvent.click(screen.getByText('无问题', { selector: '.chip' }));
    fireEvent.input(screen.getByPlaceholderText('现场情况、整改要求等'), { target: { value: '已整改' } });
    fireEvent.click(screen.getByRole('button', { name: '提交巡查记录' }));

    expect(await screen.findByText('等级：低风险 → 高风险')).toBeTruthy();
    expect(calls(`${SHOP_URL}/inspections`)[0]).toMatchObject({ method: 'POST', data: { outcome: 'ok', note: '已整改', photoIds: [] } });
    await waitFor(() => expect(calls(SHOP_URL)).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: '完成' }));
    expect(screen.getByRole('button', { name: '记录巡查' })).toBeTruthy();
  });

  it('says when the shop does not exist', async () => {
    serveCard(district, { [`GET ${SHOP_URL}`]: reply(404, { error: { code: 'NOT_FOUND', message: 'No such shop' } }) });
    render(<ShopCardPage />);

    expect(await screen.findByText('内容不存在或已被删除')).toBeTruthy();
  });

  it('reloads on pull-down', async () => {
    serveCard();
    render(<ShopCardPage />);
    await screen.findByText('老王烧烤');

    act(() => pullDown());

    await waitFor(() => expect(taro.stopPullDownRefresh).toHaveBeenCalled());
    expect(calls(SHOP_URL)).toHaveLength(2);
    expect(within(document.body).getAllByText('老王烧烤')).toHaveLength(1);
  });
});
