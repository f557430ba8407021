import { renderPage, signedInWeappSuite, waitForText } from './support/taro-weapp';
import { complaintView } from '../../src/test-support/complaint-fixtures';
import { serveApi, stubs } from './support/wx-stubs';

// See login-page.test.ts.
jest.setTimeout(30_000);

const ID = '64b000000000000000000001';
const complaint = complaintView({
  id: ID,
  status: 'dispatched',
  reporterId: 'u1',
  deadline: '2026-03-09T10:00:00.000Z',
  overdue: true,
  overdueReason: 'not-resolved',
  timeline: [
    { at: '2026-03-02T02:00:00.000Z', actorName: '张伟', role: 'resident', action: 'submit', to: 'submitted' },
    { at: '2026-03-02T03:00:00.000Z', actorName: '陈书记', role: 'cadre', action: 'accept', from: 'submitted', to: 'accepted' },
    { at: '2026-03-02T03:05:00.000Z', actorName: '陈书记', role: 'cadre', action: 'dispatch', from: 'accepted', to: 'dispatched', note: '派至潍坊城管执法中队' },
  ],
  actions: ['resolve'],
  updatedAt: '2026-03-02T03:05:00.000Z',
});

signedInWeappSuite();

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
