import { saveSession } from '../../core/session';
import HealthManagePage from '../../health-code/pages/manage/index';
import { loginReply } from '../../test-support/fixtures';
import { districtStaff } from '../../test-support/health-fixtures';
import { fireEvent, render, screen, waitFor } from '../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../test-support/taro-mock';

jest.mock('@tarojs/taro', () => require('../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../test-support/components-mock'));
jest.mock('./contact-candidates.css', () => ({}));

const CANDIDATES = '/api/health/cases/c-9/contact-candidates';
const A = '64b0000000000000000000a1';
const B = '64b0000000000000000000b2';
const C = '64b0000000000000000000c3';
const candidate = (userId: string, nameMasked: string, place: string, overlapAt: string, identified = true) => ({ userId, nameMasked, place: { id: `p-${place}`, name: place }, overlapAt, identified });
const ALL = [candidate(A, '王*', '长风大厦', '2026-03-05T01:10:00.000Z'), candidate(B, '李*', '长风大厦', '2026-03-05T01:40:00.000Z'), candidate(C, '赵*', '雷允上药房', '2026-03-06T06:00:00.000Z')];

const record = (id: string, status: string) => ({ id, idMasked: `3101**********00${id.slice(-1)}`, status, date: '2026-03-07', source: 'form', createdAt: '2026-03-07T02:00:00.000Z' });
const cases = reply(200, { items: [record('c-9', 'confirmed'), record('c-8', 'home_observation')], total: 2, page: 1, pageSize: 20 });
const posts = (kind: string) => taro.request.mock.calls.filter(([o]) => o.method === 'POST' && o.url === `${CANDIDATES}/${kind}`);
const loads = () => taro.request.mock.calls.filter(([o]) => (o.method ?? 'GET') === 'GET' && o.url === CANDIDATES);
const names = (container: HTMLElement) => Array.from(container.querySelectorAll('.candidate')).map((row) => row.textContent);

/** The BFF as it will answer: decided people leave the list. */
function serveCandidates() {
  let left = [...ALL];
  const decide = (options: { data?: unknown }) => {
    const { userIds } = options.data as { userIds: string[] };
    left = left.filter((c) => !userIds.includes(c.userId));
    return reply(200, { decided: userIds.length, skipped: 0, unidentified: 0 });
  };
  serveApi({
    'GET /api/health/cases': cases,
    [`GET ${CANDIDATES}`]: () => reply(200, { items: left }),
    [`POST ${CANDIDATES}/confirm`]: decide,
    [`POST ${CANDIDATES}/dismiss`]: decide,
  });
}

async function openCandidates() {
  const { container } = render(<HealthManagePage />);
  expect(await screen.findByText('3101**********009')).toBeTruthy();
  // Only the confirmed case has candidates to look at.
  expect(screen.getAllByText('查看密接候选')).toHaveLength(1);
  fireEvent.click(screen.getByText('查看密接候选'));
  await screen.findByText('王*');
  return container;
}

beforeEach(() => {
  resetTaro();
  saveSession(loginReply(districtStaff));
});

describe('close-contact candidates of a confirmed case', () => {
  it('lists each candidate: masked name, place and overlap time (Shanghai)', async () => {
    serveCandidates();
    const container = await openCandidates();

    expect(names(container)).toEqual(['王*长风大厦 · 2026-03-05 09:10', '李*长风大厦 · 2026-03-05 09:40', '赵*雷允上药房 · 2026-03-06 14:00']);
  });

  it('confirms the ticked ones, dismisses the others, and reloads the list after each, saying what was decided', async () => {
    serveCandidates();
    const container = await openCandidates();

    fireEvent.click(screen.getByText('王*'));
    fireEvent.click(screen.getByText('赵*'));
    expect(screen.getByText('已选 2 人')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确认为密接' }));

    expect(await screen.findByText('已确认 2 人为密接')).toBeTruthy();
    expect(taro.showModal).toHaveBeenCalledTimes(1);
    expect(posts('confirm')[0][0].data).toEqual({ userIds: [A, C] });
    await waitFor(() => expect(names(container)).toEqual(['李*长风大厦 · 2026-03-05 09:40']));
    expect(loads()).toHaveLength(2);
    expect(screen.getByText('已选 0 人')).toBeTruthy();

    fireEvent.click(screen.getByText('全选（1 人）'));
    fireEvent.click(screen.getByRole('button', { name: '排除' }));

    expect(await screen.findByText('已排除 1 人')).toBeTruthy();
    expect(posts('dismiss')[0][0].data).toEqual({ userIds: [B] });
    expect(await screen.findByText('暂无待处理的密接候选')).toBeTruthy();
    expect(loads()).toHaveLength(3);
  });

  it('asks for a tick first, and sends nothing when the confirmation is cancelled', async () => {
    serveCandidates();
    await openCandidates();

    fireEvent.click(screen.getByRole('button', { name: '排除' }));
    expect(screen.getByText('请先勾选候选人')).toBeTruthy();

    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByText('李*'));
    fireEvent.click(screen.getByRole('button', { name: '确认为密接' }));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));

    expect(posts('confirm')).toHaveLength(0);
    expect(posts('dismiss')).toHaveLength(0);
  });

  it('says when some were already decided by someone else', async () => {
    serveApi({
      'GET /api/health/cases': cases,
      [`GET ${CANDIDATES}`]: reply(200, { items: ALL }),
      [`POST ${CANDIDATES}/dismiss`]: reply(200, { decided: 2, skipped: 1, unidentified: 0 }),
    });
    await openCandidates();

    fireEvent.click(screen.getByText('全选（3 人）'));
    fireEvent.click(screen.getByRole('button', { name: '排除' }));

    expect(await screen.findByText('已排除 2 人，1 人已被处理过，未变更')).toBeTruthy();
  });

  it('marks a candidate with no ID number on record, and says confirming left them a candidate to reach another way', async () => {
    const D = '64b0000000000000000000d4';
    const listed = [candidate(A, '王*', '长风大厦', '2026-03-05T01:10:00.000Z'), candidate(D, '孙*', '长风大厦', '2026-03-05T01:20:00.000Z', false)];
    let left = listed;
    serveApi({
      'GET /api/health/cases': cases,
      [`GET ${CANDIDATES}`]: () => reply(200, { items: left }),
      // As the BFF answers: the unidentified one is not decided and stays listed.
      [`POST ${CANDIDATES}/confirm`]: () => {
        left = left.filter((c) => c.userId !== A);
        return reply(200, { decided: 1, skipped: 0, unidentified: 1 });
      },
    });
    const container = await openCandidates();
    expect(names(container)).toEqual(['王*长风大厦 · 2026-03-05 09:10', '孙*长风大厦 · 2026-03-05 09:20未实名登记：确认也无法赋码，请另行联系']);

    fireEvent.click(screen.getByText('全选（2 人）'));
    fireEvent.click(screen.getByRole('button', { name: '确认为密接' }));

    expect(await screen.findByText('已确认 1 人为密接，1 人未实名登记，无法赋码，仍在候选名单中，请另行联系')).toBeTruthy();
    expect(taro.showModal.mock.calls[0][0].content).toBe('确认这 2 人为密切接触者？确认后按密切接触者管理。其中 1 人未实名登记，无法赋码。');
    expect(posts('confirm')[0][0].data).toEqual({ userIds: [A, D] });
    await waitFor(() => expect(names(container)).toEqual(['孙*长风大厦 · 2026-03-05 09:20未实名登记：确认也无法赋码，请另行联系']));
  });
});
