import { resetTaro, taro } from '../test-support/taro-mock';
import { ApiError, errorText, toApiError } from './api-error';
import { saveSession } from './session';
import { formatShanghai } from './time';
import { uploadFile } from './upload';

jest.mock('@tarojs/taro', () => require('../test-support/taro-mock').taroModule);

beforeEach(() => {
  resetTaro();
  saveSession({ token: 'tok-1', expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
});

describe('upload wrapper', () => {
  it('sends the file as multipart field "file" with the token and parses the JSON text reply', async () => {
    taro.uploadFile.mockResolvedValue({ statusCode: 201, data: '{"id":"f1","url":"/api/files/f1"}' });

    await expect(uploadFile('/api/files', 'wxfile://a.jpg')).resolves.toEqual({ id: 'f1', url: '/api/files/f1' });
    expect(taro.uploadFile.mock.calls[0][0]).toMatchObject({
      url: '/api/files',
      filePath: 'wxfile://a.jpg',
      name: 'file',
      header: { Authorization: 'Bearer tok-1' },
    });
    expect(taro.uploadFile.mock.calls[0][0].header).not.toHaveProperty('Content-Type');
  });

  it('maps a refused upload to an ApiError with the stable code', async () => {
    taro.uploadFile.mockResolvedValue({ statusCode: 413, data: '{"error":{"code":"PAYLOAD_TOO_LARGE","message":"A photo may be at most 2048 KB"}}' });

    await expect(uploadFile('/api/files', 'x')).rejects.toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('turns a failed upload into a NETWORK error', async () => {
    taro.uploadFile.mockRejectedValue({ errMsg: 'uploadFile:fail' });

    await expect(uploadFile('/api/files', 'x')).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('gives up on an upload that never settles (Taro H5 when the blob read is blocked)', async () => {
    jest.useFakeTimers();
    try {
      taro.uploadFile.mockReturnValue(new Promise(() => undefined));
      const pending = uploadFile('/api/files', 'blob:x');
      const outcome = expect(pending).rejects.toMatchObject({ code: 'NETWORK', details: { reason: 'uploadFile:fail timeout' } });
      jest.advanceTimersByTime(65_000);
      await outcome;
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('error wording', () => {
  it("keeps a Chinese message and words an English one from its code", () => {
    expect(errorText(new ApiError(400, 'WECHAT_LOGIN_FAILED', '微信登录失败：code 无效'))).toBe('微信登录失败：code 无效');
    expect(errorText(new ApiError(409, 'CONFLICT', 'Someone else acted first'))).toBe('该事项状态已变化，请刷新后重试');
    expect(errorText(new ApiError(502, 'HTTP_502', 'Bad gateway'))).toBe('服务暂时不可用，请稍后重试');
    expect(errorText(new ApiError(418, 'TEAPOT', 'short and stout'))).toBe('short and stout');
  });

  it("words whatever the BFF sends from its code, never its message, even a Chinese one or an unknown code", () => {
    const bff = (status: number, code: string, message: string) => toApiError(status, { error: { code, message } });
    expect(errorText(bff(401, 'WECHAT_LOGIN_FAILED', '微信登录失败：code 无效'))).toBe('微信登录失败，请稍后重试');
    expect(errorText(bff(409, 'REGISTRATION_NOT_APPROVED', 'The household must have an approved registration first'))).toBe('请先通过该家庭的登记，再审核预约');
    expect(errorText(bff(418, 'TEAPOT', 'short and stout'))).toBe('操作未能完成，请稍后重试');
    expect(errorText(bff(503, 'SOMETHING_NEW', 'down'))).toBe('服务暂时不可用，请稍后重试');
  });
});

describe('Shanghai time', () => {
  it('formats an instant as Shanghai wall time, across the date line', () => {
    expect(formatShanghai('2026-03-02T16:30:00.000Z')).toBe('2026-03-03 00:30');
    expect(formatShanghai('2026-03-02T16:30:00.000Z', { short: true })).toBe('03-03 00:30');
    expect(formatShanghai(undefined)).toBe('');
    expect(formatShanghai('not a date')).toBe('');
  });
});

