import { launchApp, renderPage, unloadPages, waitForText } from './support/taro-weapp';
import { installWxStubs, resetWxStubs, serveApi, storage, stubs } from './support/wx-stubs';

// See login-page.test.ts.
jest.setTimeout(30_000);

const ID = '64b000000000000000000001';
const complaint = {
  id: ID,
  category: 'street-occupation',
  categoryName: '占道经营',
  description: '潍坊路 400 号门口有摊贩占道经营',
  location: { lat: 31.229, lng: 121.523 },
  address: '潍坊路 400 号门口',
  photoIds: [],
  photoUrls: [],
  resolutionPhotoUrls: [],
  anonymous: false,
  status: 'dispatched',
  reporterId: 'u1',
  reporterName: '张伟',
  deadline: '2026-03-09T10:00:00.000Z',
  overdue: true,
  overdueReason: 'not-resolved',
  reopenCount: 0,
  urgeCount: 0,
  meTooCount: 0,
  notRated: false,
  timeline: [
    { at: '2026-03-02T02:00:00.000Z', actorName: '张伟', role: 'resident', action: 'submit', to: 'submitted' },
    { at: '2026-03-02T03:00:00.000Z', actorName: '陈书记', role: 'cadre', action: 'accept', from: 'submitted', to: 'accepted' },
    { at: '2026-03-02T03:05:00.000Z', actorName: '陈书记', role: 'cadre', action: 'dispatch', from: 'accepted', to: 'dispatched', note: '派至潍坊城管执法中队' },
  ],
  actions: ['resolve'],
  createdAt: '2026-03-02T02:00:00.000Z',
  updatedAt: '2026-03-02T03:05:00.000Z',
};

beforeAll(() => {
  installWxStubs();
  launchApp();
});
beforeEach(() => {
  resetWxStubs();
  storage.set('sqtb.session', { token: 'weapp-token', expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
});
afterEach(unloadPages);

describe('compiled weapp complaint detail page (complaints subpackage)', () => {
  it('loads the matter named in ?id= and renders its timeline, red light and the unit form', async () => {
    serveApi({ [`GET /api/complaints/${ID}`]: { statusCode: 200, data: complaint } });
    const page = renderPage('complaints/pages/detail/index', { id: ID });

    const text = await waitForText(page, '办理进度');

    for (const step of ['提交反映', '受理', '派单', '派至潍坊城管执法中队', '陈书记 · 2026-03-02 11:05']) expect(text).toContain(step);
    expect(text).toContain('超期未办结');
    expect(text).toContain('办结并反馈');
    expect(text).not.toContain('提交评价');
    expect(stubs.request.mock.calls[0][0]).toMatchObject({ method: 'GET', header: { Authorization: 'Bearer weapp-token' } });
    expect(stubs.request.mock.calls[0][0].url).toMatch(new RegExp(`/api/complaints/${ID}$`));
  });
});
