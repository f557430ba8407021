import { renderPage, signedInWeappSuite, waitForText } from './support/taro-weapp';
import { serveApi, stubs } from './support/wx-stubs';

// See login-page.test.ts.
jest.setTimeout(30_000);

const TOKEN =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6ImhjLTIwMjYtMDMiLCJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ3ZWFwcCIsImNvbG9yIjoicmVkIiwibmFtZSI6IuW8oCoiLCJpYXQiOjE3NzMxMDQ0MDAsImV4cCI6MTc3MzEwNDcwMH0.MEUCIQDx3aXr9gQ2vW7kq8JmZy5s0uQfLh1bT4oN6cE2dA7pVwIgS9rK3mY1nX8eB5tW2qL0vH4jF6aD9cG7uR3iO1pZkEw';

signedInWeappSuite();

describe('compiled weapp health code page (health-code subpackage)', () => {
  it('renders the red colour block with the masked name, the reason and the QR drawn from views', async () => {
    serveApi({
      'GET /api/health-code': {
        statusCode: 200,
        data: {
          color: 'red',
          reasons: [{ rule: 'case-status', color: 'red', text: '密切接触者（2026-03-08起），解除前为红码' }],
          rulesVersion: 'sh-2020.1',
          maskedName: '张*',
          identified: true,
          token: TOKEN,
          expiresAt: new Date(Date.now() + 300_000).toISOString(),
        },
      },
    });
    const page = renderPage('health-code/pages/code/index');

    const text = await waitForText(page, '红码');

    expect(text).toContain('张*');
    expect(text).toContain('密切接触者（2026-03-08起），解除前为红码');
    expect(text).toMatch(/有效期剩余 [45]:\d\d，到期前自动更新/);
    expect(page.querySelectorAll('.code-card--red')).toHaveLength(1);
    expect(page.querySelectorAll('.qr__row').length).toBeGreaterThanOrEqual(21);
    expect(page.querySelectorAll('.qr__dark').length).toBeGreaterThan(100);
    expect(stubs.request.mock.calls[0][0]).toMatchObject({ method: 'GET', header: { Authorization: 'Bearer weapp-token' } });
    expect(stubs.request.mock.calls[0][0].url).toMatch(/\/api\/health-code$/);
    // Held up to a gate scanner, the screen must not dim.
    expect(stubs.setKeepScreenOn.mock.calls.map(([o]) => (o as { keepScreenOn: boolean }).keepScreenOn)).toEqual([true]);
  });
});
