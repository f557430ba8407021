import { shanghaiDate } from '@sqtb/shared';
import { saveSession } from '../../../core/session';
import { loginReply, resident } from '../../../test-support/fixtures';
import { fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import { myPlace } from '../../test-support/place-fixtures';
import PlaceVisitsPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));
jest.mock('../../places.css', () => ({}));
jest.mock('../../../core/components/charts/charts.css', () => ({}));

const pharmacy = { ...resident, id: 'u-pharmacy-1', role: 'pharmacy' as const, displayName: '雷允上药房' };
const visitCalls = () => taro.request.mock.calls.filter(([o]) => o.url === '/api/places/p-1/visits');

const perHour = Array.from({ length: 24 }, (_, hour) => (hour === 9 ? 2 : hour === 10 ? 1 : 0));
const today = {
  place: { id: 'p-1', name: '长风大厦' },
  date: '2026-03-10',
  items: [
    { visitId: 'v3', nameMasked: '王*', color: 'red', allowed: false, at: '2026-03-10T02:40:05.000Z' },
    { visitId: 'v2', nameMasked: '李*', color: 'green', allowed: true, at: '2026-03-10T01:30:00.000Z' },
    { visitId: 'v1', nameMasked: '张*', color: 'green', allowed: true, at: '2026-03-10T01:05:00.000Z' },
  ],
  perHour,
  flagged: 1,
};

beforeEach(() => {
  resetTaro();
  saveSession(loginReply(pharmacy));
});

describe("today's visitors", () => {
  it('lists masked names, colour and time, flags the non-green arrival and counts visits per hour', async () => {
    serveApi({ 'GET /api/places/mine': reply(200, myPlace), 'GET /api/places/p-1/visits': reply(200, today) });
    const { container } = render(<PlaceVisitsPage />);

    expect(await screen.findByText('2026-03-10 共 3 人次到访')).toBeTruthy();
    expect(screen.getByText('长风大厦')).toBeTruthy();
    expect(screen.getByText('其中 1 人次非绿码，已标出')).toBeTruthy();
    const rows = Array.from(container.querySelectorAll('.visit')).map((row) => [row.className.includes('visit--flagged'), row.textContent]);
    expect(rows).toEqual([
      [true, '王*10:40:05 · 红码未放行'],
      [false, '李*09:30:00 · 绿码已放行'],
      [false, '张*09:05:00 · 绿码已放行'],
    ]);
    expect(screen.getByText('每小时到访：9 时 2 人次、10 时 1 人次')).toBeTruthy();
    expect(container.querySelectorAll('.chart__column')).toHaveLength(24);
    // Today is left for the BFF to name.
    expect(visitCalls()[0][0].data).toEqual({});
  });

  it('says how many are left out when the day has more visits than the list holds', async () => {
    serveApi({ 'GET /api/places/mine': reply(200, myPlace), 'GET /api/places/p-1/visits': reply(200, { ...today, total: 620 }) });
    render(<PlaceVisitsPage />);

    expect(await screen.findByText('2026-03-10 共 620 人次到访')).toBeTruthy();
    expect(screen.getByText('下方只列出最近的 3 人次；每小时人次含全部到访。')).toBeTruthy();
  });

  it('loads another day when one is picked', async () => {
    serveApi({ 'GET /api/places/mine': reply(200, myPlace), 'GET /api/places/p-1/visits': reply(200, today) });
    const { container } = render(<PlaceVisitsPage />);
    await screen.findByText('2026-03-10 共 3 人次到访');
    expect(visitCalls()).toHaveLength(1);

    fireEvent.change(container.querySelector('input[type="date"]') as HTMLInputElement, { target: { value: '2026-03-08' } });

    await waitFor(() => expect(visitCalls()).toHaveLength(2));
    expect(visitCalls()[1][0].data).toEqual({ date: '2026-03-08' });
    expect((container.querySelector('input[type="date"]') as HTMLInputElement).max).toBe(shanghaiDate(new Date()));
  });

  it('says the code comes with an approved filing while there is no place yet', async () => {
    serveApi({ 'GET /api/places/mine': reply(404, { error: { code: 'NOT_FOUND', message: 'no place' } }) });
    render(<PlaceVisitsPage />);

    expect(await screen.findByText('复工备案获批后可领取场所码')).toBeTruthy();
    expect(visitCalls()).toHaveLength(0);
  });
});
