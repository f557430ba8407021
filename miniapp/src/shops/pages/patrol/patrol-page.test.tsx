import { patrolListSchema } from '@sqtb/shared';
import { saveSession } from '../../../core/session';
import { loginReply } from '../../../test-support/fixtures';
import { act, fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { pullDown, reply, resetTaro, serveApi, taro, type RequestOptions } from '../../../test-support/taro-mock';
import { handler, inspectionReply, patrolList, SHOP_REPAIR } from '../../shop-fixtures';
import PatrolPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));
jest.mock('../../shops.css', () => ({}));

const INSPECT_URL = `/api/shops/${SHOP_REPAIR}/inspections`;
const calls = (url: string) => taro.request.mock.calls.filter(([o]: [RequestOptions]) => o.url === url).map(([o]) => o);
const rowNames = () => Array.from(document.querySelectorAll('.shop-row .card__title')).map((n) => n.textContent);
const rowOf = (name: string) => screen.getByText(name, { selector: '.card__title' }).closest('.shop-row') as HTMLElement;

/** Taro.getLocation where the platform has it (the test module has none unless a test adds it). */
const located = taro as typeof taro & { getLocation?: jest.Mock };

function servePatrol(extra: Parameters<typeof serveApi>[0] = {}) {
  return serveApi({ 'GET /api/shops/patrol': reply(200, patrolList()), ...extra });
}

async function openForm(name = '便民五金维修') {
  render(<PatrolPage />);
  fireEvent.click(await screen.findByText(name, { selector: '.card__title' }));
}

beforeEach(() => {
  resetTaro();
  saveSession(loginReply(handler));
  delete located.getLocation;
});

describe('街面巡查: today’s list', () => {
  it('is drawn from a reply the contract accepts', () => {
    expect(() => patrolListSchema.parse(patrolList())).not.toThrow();
  });

  it('keeps the order the BFF gives, each row with its grade, days since inspection and distance', async () => {
    located.getLocation = jest.fn((options: { success: (r: { latitude: number; longitude: number }) => void }) => options.success({ latitude: 31.229, longitude: 121.523 }));
    servePatrol();
    render(<PatrolPage />);

    expect(await screen.findByText('今日巡查')).toBeTruthy();
    expect(rowNames()).toEqual(['老王烧烤', '兰州拉面', '好邻居便利店', '便民五金维修']);
    expect(rowOf('老王烧烤').textContent).toContain('高风险');
    expect(rowOf('老王烧烤').textContent).toContain('12 天未巡查 · 距您 80 米');
    expect(rowOf('兰州拉面').textContent).toContain('从未巡查 · 距您 1.5 公里');
    expect(calls('/api/shops/patrol')[0]).toMatchObject({ method: 'GET', data: { lat: 31.229, lng: 121.523 }, header: { Authorization: 'Bearer token-abc' } });
    expect(located.getLocation.mock.calls[0][0]).toMatchObject({ type: 'gcj02' });
    expect(screen.queryByText('未获取到当前位置，不显示距离')).toBeNull();
  });

  it('lists without a point when the platform cannot say where the patrol stands, or is refused', async () => {
    servePatrol();
    const { unmount } = render(<PatrolPage />);
    expect(await screen.findByText('未获取到当前位置，不显示距离')).toBeTruthy();
    expect(calls('/api/shops/patrol')[0].data).toEqual({});
    unmount();

    located.getLocation = jest.fn((options: { fail: (e: { errMsg: string }) => void }) => options.fail({ errMsg: 'getLocation:fail auth deny' }));
    render(<PatrolPage />);
    expect(await screen.findByText('未获取到当前位置，不显示距离')).toBeTruthy();
    expect(calls('/api/shops/patrol')[1].data).toEqual({});
  });

  it('says when nothing is due today', async () => {
    servePatrol({ 'GET /api/shops/patrol': reply(200, { date: '2026-03-04', items: [] }) });
    render(<PatrolPage />);

    expect(await screen.findByText('今天没有需要巡查的商户')).toBeTruthy();
  });

  it('reloads on pull-down', async () => {
    servePatrol();
    render(<PatrolPage />);
    await screen.findByText('今日巡查');

    act(() => pullDown());

    await waitFor(() => expect(taro.stopPullDownRefresh).toHaveBeenCalled());
    expect(calls('/api/shops/patrol')).toHaveLength(2);
  });
});

describe('街面巡查: the inspection form', () => {
  it('asks for a violation type only when the outcome is a violation', async () => {
    servePatrol();
    await openForm();

    expect(screen.getByText('巡查：便民五金维修')).toBeTruthy();
    expect(screen.queryByText('违规类型')).toBeNull();
    fireEvent.click(screen.getByText('有违规'));
    expect(screen.getByText('违规类型')).toBeTruthy();
    expect(screen.getByText('占道经营')).toBeTruthy();
    fireEvent.click(screen.getByText('无问题'));
    expect(screen.queryByText('违规类型')).toBeNull();
  });

  it('refuses a violation without its type, in Chinese, and sends nothing', async () => {
    servePatrol();
    await openForm();

    fireEvent.click(screen.getByRole('button', { name: '提交巡查记录' }));
    expect(screen.getByText('请选择巡查结果')).toBeTruthy();
    expect(screen.getByText('请填写巡查情况')).toBeTruthy();

    fireEvent.click(screen.getByText('有违规'));
    fireEvent.input(screen.getByPlaceholderText('现场情况、整改要求等'), { target: { value: '跨门摆放维修工具' } });
    fireEvent.click(screen.getByRole('button', { name: '提交巡查记录' }));

    expect(screen.getByText('有违规时请选择违规类型')).toBeTruthy();
    expect(screen.queryByText('请填写巡查情况')).toBeNull();
    expect(calls(INSPECT_URL)).toHaveLength(0);
  });

  it('sends the outcome, type, note and uploaded photos, then shows the grade answered at once and reloads the list', async () => {
    taro.chooseMedia.mockResolvedValue({ type: 'image', tempFiles: [{ tempFilePath: 'blob:door', size: 200_000 }] });
    taro.uploadFile.mockResolvedValue({ statusCode: 201, data: JSON.stringify({ id: '64b0000000000000000007b1', contentType: 'image/jpeg', size: 200_000, url: '/api/files/x' }) });
    servePatrol({ [`POST ${INSPECT_URL}`]: reply(201, inspectionReply()) });
    await openForm();

    fireEvent.click(screen.getByText('有违规'));
    fireEvent.click(screen.getByText('跨门营业'));
    fireEvent.input(screen.getByPlaceholderText('现场情况、整改要求等'), { target: { value: '  跨门摆放维修工具 ' } });
    fireEvent.click(screen.getByText('添加照片 0/6'));
    await waitFor(() => expect(taro.uploadFile).toHaveBeenCalledTimes(1));
    expect(taro.chooseMedia.mock.calls[0][0]).toMatchObject({ count: 6 });
    fireEvent.click(screen.getByRole('button', { name: '提交巡查记录' }));

    expect(await screen.findByText('等级：低风险 → 高风险')).toBeTruthy();
    for (const reason of inspectionReply().shop.reasons) expect(screen.getByText(`· ${reason}`)).toBeTruthy();
    const [sent] = calls(INSPECT_URL);
    expect(sent).toMatchObject({
      method: 'POST',
      data: { outcome: 'violation', violationType: 'beyond_door', note: '跨门摆放维修工具', photoIds: ['64b0000000000000000007b1'] },
      header: { Authorization: 'Bearer token-abc', 'Idempotency-Key': expect.stringMatching(/^r-/) },
    });
    await waitFor(() => expect(calls('/api/shops/patrol')).toHaveLength(2));

    fireEvent.click(screen.getByRole('button', { name: '完成' }));
    expect(await screen.findByText('今日巡查')).toBeTruthy();
  });

  it('does not send a violation type chosen before switching to 无问题', async () => {
    servePatrol({ [`POST ${INSPECT_URL}`]: reply(201, { ...inspectionReply(), previousGrade: 'high' }) });
    await openForm();

    fireEvent.click(screen.getByText('有违规'));
    fireEvent.click(screen.getByText('乱设广告'));
    fireEvent.click(screen.getByText('无问题'));
    fireEvent.input(screen.getByPlaceholderText('现场情况、整改要求等'), { target: { value: '已整改' } });
    fireEvent.click(screen.getByRole('button', { name: '提交巡查记录' }));

    expect(await screen.findByText('等级：高风险（未变）')).toBeTruthy();
    expect(calls(INSPECT_URL)[0].data).toEqual({ outcome: 'ok', note: '已整改', photoIds: [] });
  });

  it('words a refusal and keeps the form', async () => {
    servePatrol({ [`POST ${INSPECT_URL}`]: reply(403, { error: { code: 'FORBIDDEN', message: 'Handling units and district staff only' } }) });
    await openForm();

    fireEvent.click(screen.getByText('无问题'));
    fireEvent.input(screen.getByPlaceholderText('现场情况、整改要求等'), { target: { value: '门前整洁' } });
    fireEvent.click(screen.getByRole('button', { name: '提交巡查记录' }));

    expect(await screen.findByText('您没有权限进行此操作')).toBeTruthy();
    expect(screen.getByRole('button', { name: '提交巡查记录' })).toBeTruthy();
  });

  it('goes back to the list on 取消', async () => {
    servePatrol();
    await openForm();

    fireEvent.click(screen.getByRole('button', { name: '取消' }));

    expect(await screen.findByText('今日巡查')).toBeTruthy();
  });
});
