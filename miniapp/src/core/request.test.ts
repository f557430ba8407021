import { reply, resetTaro, serveApi, taro } from '../test-support/taro-mock';
import { ApiError } from './api-error';
import { request } from './request';
import { saveSession } from './session';

jest.mock('@tarojs/taro', () => require('../test-support/taro-mock').taroModule);

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

beforeEach(resetTaro);

describe('request wrapper', () => {
  it('resolves with the JSON body of a 2xx reply', async () => {
    serveApi({ 'GET /api/org': reply(200, { streets: [] }) });
    await expect(request('/api/org')).resolves.toEqual({ streets: [] });
  });

  it('sends the stored token as a Bearer header and the body as JSON', async () => {
    saveSession({ token: 'tok-1', expiresAt: inAnHour() });
    serveApi({ 'POST /api/things': reply(201, { ok: true }) });

    await request('/api/things', { method: 'POST', data: { name: '路灯' } });

    const sent = taro.request.mock.calls[0][0];
    expect(sent.header).toMatchObject({
      Authorization: 'Bearer tok-1',
      'Content-Type': 'application/json',
    });
    expect(sent.data).toEqual({ name: '路灯' });
  });

  it('sends a text body as it is, with the content type given (a CSV file)', async () => {
    saveSession({ token: 'tok-1', expiresAt: inAnHour() });
    serveApi({ 'POST /api/import': reply(200, { applied: 1 }) });

    await request('/api/import', { method: 'POST', data: 'idNumber,status\n1,a\n', contentType: 'text/csv' });

    const sent = taro.request.mock.calls[0][0];
    expect(sent.header).toMatchObject({ Authorization: 'Bearer tok-1', 'Content-Type': 'text/csv' });
    expect(sent.data).toBe('idNumber,status\n1,a\n');
  });

  it('sends no Authorization header once the stored token has expired', async () => {
    saveSession({ token: 'old', expiresAt: new Date(Date.now() - 1000).toISOString() });
    serveApi({ 'GET /api/me': reply(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }) });

    await failureOf(request('/api/me'));

    expect(taro.request.mock.calls[0][0].header).not.toHaveProperty('Authorization');
  });

  it('maps the error shape of a non-2xx reply into an ApiError', async () => {
    serveApi({
      'POST /api/auth/login': reply(400, {
        error: { code: 'VALIDATION_FAILED', message: '参数不正确', details: [{ path: 'code' }] },
      }),
    });

    const error = await failureOf(request('/api/auth/login', { method: 'POST', data: {} }));

    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '参数不正确',
      details: [{ path: 'code' }],
    });
  });

  it('falls back to an HTTP_<status> code when the reply is not the error shape', async () => {
    serveApi({ 'GET /api/org': reply(502, '<html>Bad Gateway</html>') });

    const error = await failureOf(request('/api/org'));

    expect(error).toMatchObject({ status: 502, code: 'HTTP_502', message: '服务暂时不可用，请稍后重试' });
  });

  it('turns a request that got no answer into an ApiError with code NETWORK', async () => {
    taro.request.mockRejectedValue({ errMsg: 'request:fail timeout' });

    const error = await failureOf(request('/api/me'));

    expect(error).toMatchObject({ status: 0, code: 'NETWORK', details: { reason: 'request:fail timeout' } });
  });

  it('leaves unset query parameters out of a GET (H5 would send the text "undefined")', async () => {
    serveApi({ 'GET /api/complaints': reply(200, { items: [] }) });

    await request('/api/complaints', { data: { status: undefined, page: 1 } });

    expect(taro.request.mock.calls[0][0].data).toEqual({ page: 1 });
  });

  it('returns a text reply as text and still maps its error reply', async () => {
    serveApi({ 'GET /api/report.csv': reply(200, 'a,b\n1,2\n') });
    await expect(request('/api/report.csv', { dataType: 'text' })).resolves.toBe('a,b\n1,2\n');
    expect(taro.request.mock.calls[0][0]).toMatchObject({ dataType: 'text' });

    serveApi({ 'GET /api/report.csv': reply(403, '{"error":{"code":"FORBIDDEN","message":"no"}}') });
    const error = await failureOf(request('/api/report.csv', { dataType: 'text' }));
    expect(error).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });
});
