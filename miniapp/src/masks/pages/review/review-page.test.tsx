import { saveSession } from '../../../core/session';
import { loginReply } from '../../../test-support/fixtures';
import { cadre, pendingRegistration, reservation } from '../../../test-support/mask-fixtures';
import { fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, setRouterParams, taro } from '../../../test-support/taro-mock';
import MaskReviewPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

const posts = () => taro.request.mock.calls.filter(([o]) => o.method === 'POST');
const pendingReservation = reservation({ id: 'resv-7', status: 'pending_review', reason: 'household-registration-pending', pharmacy: undefined, pickupCode: undefined, pickupBy: undefined });

beforeEach(() => {
  resetTaro();
  saveSession(loginReply(cadre));
});

describe('the cadre review page', () => {
  it('approves a registration under review and reloads the queue', async () => {
    let approved = false;
    serveApi({
      'GET /api/residents/registrations': () => reply(200, { items: approved ? [] : [pendingRegistration()] }),
      'GET /api/mask-reservations': reply(200, { items: [] }),
      'POST /api/residents/registrations/reg-9/approve': () => {
        approved = true;
        return reply(200, pendingRegistration({ status: 'approved', reason: undefined }));
      },
    });
    render(<MaskReviewPage />);

    expect(await screen.findByText('赵敏')).toBeTruthy();
    expect(screen.getByText('登记地址不在所选居委辖区内，需居委人工审核。')).toBeTruthy();
    expect(screen.getByText(/13900000009/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '通过登记' }));

    expect(await screen.findByText('没有待审核的家庭登记')).toBeTruthy();
    expect(posts()[0][0]).toMatchObject({ url: '/api/residents/registrations/reg-9/approve', data: {} });
    expect(taro.request.mock.calls.find(([o]) => o.url === '/api/residents/registrations')![0].data).toEqual({ status: 'pending_review' });
  });

  it('rejects a registration with the reason typed', async () => {
    serveApi({
      'GET /api/residents/registrations': reply(200, { items: [pendingRegistration()] }),
      'GET /api/mask-reservations': reply(200, { items: [] }),
      'POST /api/residents/registrations/reg-9/reject': reply(200, pendingRegistration({ status: 'rejected' })),
    });
    render(<MaskReviewPage />);

    fireEvent.input(await screen.findByPlaceholderText('驳回理由（选填，居民可见）'), { target: { value: '地址不在本居委辖区' } });
    fireEvent.click(screen.getByRole('button', { name: '驳回登记' }));

    await waitFor(() => expect(posts()[0][0]).toMatchObject({ url: '/api/residents/registrations/reg-9/reject', data: { reason: '地址不在本居委辖区' } }));
  });

  it('approves a pending reservation, and says so in words when the household must be approved first', async () => {
    serveApi({
      'GET /api/residents/registrations': reply(200, { items: [] }),
      'GET /api/mask-reservations': reply(200, { items: [pendingReservation] }),
      'POST /api/mask-reservations/resv-7/approve': reply(409, { error: { code: 'REGISTRATION_NOT_APPROVED', message: 'The household must have an approved registration first' } }),
    });
    render(<MaskReviewPage />);

    fireEvent.click(await screen.findByText('口罩预约（1）'));
    expect(screen.getByText('您的家庭登记正在审核：居委审核通过后才会分配药店和取货码。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '通过预约' }));

    expect(await screen.findByText('请先通过该家庭的登记，再审核预约')).toBeTruthy();
    expect(posts()[0][0]).toMatchObject({ url: '/api/mask-reservations/resv-7/approve', data: {} });
    expect(taro.request.mock.calls.find(([o]) => o.url === '/api/mask-reservations')![0].data).toEqual({ status: 'pending_review' });
  });

  it('opened with ?tab=reservations shows the reservations waiting for review', async () => {
    setRouterParams({ tab: 'reservations' });
    serveApi({
      'GET /api/residents/registrations': reply(200, { items: [] }),
      'GET /api/mask-reservations': reply(200, { items: [pendingReservation] }),
    });
    render(<MaskReviewPage />);

    expect(await screen.findByText('您的家庭登记正在审核：居委审核通过后才会分配药店和取货码。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '通过预约' })).toBeTruthy();
  });
});
