import { startWechatMock, type WechatMock } from './wechat-server';

describe('the WeChat open API stand-in', () => {
  let wechat: WechatMock;
  beforeAll(async () => {
    wechat = await startWechatMock();
  });
  afterAll(() => wechat.close());

  const exchange = (code: string, grant = 'authorization_code') =>
    fetch(`${wechat.baseUrl}/sns/jscode2session?appid=wx1&secret=s&js_code=${encodeURIComponent(code)}&grant_type=${grant}`).then(
      (r) => r.json(),
    );

  it('resolves a dev:<openid> code to that openid with a session key', async () => {
    const body = await exchange('dev:resident-1');
    expect(body.openid).toBe('resident-1');
    expect(typeof body.session_key).toBe('string');
    expect(body.errcode).toBeUndefined();
  });

  it('answers any other code with errcode 40029 as WeChat does', async () => {
    expect(await exchange('abc')).toEqual({ errcode: 40029, errmsg: expect.any(String) });
    expect(await exchange('dev:')).toMatchObject({ errcode: 40029 });
  });

  it('refuses a wrong grant_type', async () => {
    expect(await exchange('dev:x', 'password')).toMatchObject({ errcode: 40002 });
  });
});
