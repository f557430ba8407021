import { startWechatMock, type WechatMock } from './wechat-server';

describe('the WeChat open API stand-in', () => {
  let wechat: WechatMock;
  beforeAll(async () => {
    wechat = await startWechatMock();
  });
  afterAll(() => wechat.close());

  const exchange = (code: string, grant = 'authorization_code') =>
    fetch(`${wechat.baseUrl}/sns/jscode2session?appid=wx1&secret=s&js_code=${encodeURIComponent(code)}&grant_type=${grant}`).then(
      (r) => r.json() as Promise<any>,
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

describe('subscribe messages in the WeChat stand-in', () => {
  let wechat: WechatMock;
  beforeAll(async () => {
    wechat = await startWechatMock();
  });
  afterAll(() => wechat.close());

  const token = () => fetch(`${wechat.baseUrl}/cgi-bin/token?grant_type=client_credential&appid=wx1&secret=s`).then((r) => r.json() as Promise<any>);
  const send = (accessToken: string, body: unknown) =>
    fetch(`${wechat.baseUrl}/cgi-bin/message/subscribe/send?access_token=${accessToken}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);

  it('issues an access token and keeps a message sent with it', async () => {
    const { access_token } = await token();
    const message = { touser: 'resident-1', template_id: 't1', data: { thing1: { value: '已受理' } } };
    expect(await send(access_token, message)).toMatchObject({ errcode: 0 });
    expect(wechat.subscribeMessages).toContainEqual(message);
  });

  it('refuses a message without a valid access token, or without a recipient', async () => {
    expect(await send('made-up', { touser: 'x', template_id: 't', data: {} })).toMatchObject({ errcode: 40001 });
    const { access_token } = await token();
    expect(await send(access_token, { template_id: 't', data: {} })).toMatchObject({ errcode: 47003 });
  });
});
