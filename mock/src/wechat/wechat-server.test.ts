import { startWechatMock, type WechatMock } from './wechat-server';
import { checkTemplateData, DEV_STATUS_TEMPLATE, keywordType, keywordValueValid } from './subscribe-keywords';

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
  beforeEach(async () => {
    wechat = await startWechatMock({ accessTokenTtlSeconds: 600 });
  });
  afterEach(() => wechat.close());

  const T = DEV_STATUS_TEMPLATE.id;
  const token = (appid = 'wx1') => fetch(`${wechat.baseUrl}/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=s`).then((r) => r.json() as Promise<any>);
  const send = (accessToken: string, body: unknown) =>
    fetch(`${wechat.baseUrl}/cgi-bin/message/subscribe/send?access_token=${accessToken}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
  const report = (body: unknown) => fetch(`${wechat.baseUrl}/__stand-in/subscriptions`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
  const good = (touser = 'resident-1') => ({ touser, template_id: T, page: 'complaints/pages/detail/index?id=1', data: { thing1: { value: '您的反映已受理' }, thing2: { value: '路灯不亮：长宁路1号' }, time3: { value: '2026年11月3日 14:05' } } });

  it('delivers a message against an acceptance and uses the acceptance up', async () => {
    const { access_token, expires_in } = await token();
    expect(expires_in).toBe(600);
    expect(await report({ openid: 'resident-1', accepted: [T] })).toEqual({ errcode: 0, acceptances: { [T]: 1 } });
    expect(await send(access_token, good())).toMatchObject({ errcode: 0 });
    expect(wechat.subscribeMessages).toEqual([good()]);
    expect(wechat.acceptances('resident-1')).toBe(0);
    // One acceptance, one message.
    expect(await send(access_token, good())).toMatchObject({ errcode: 43101 });
    expect(wechat.subscribeMessages).toHaveLength(1);
  });

  it('answers 43101 to a send without an acceptance, and delivers nothing', async () => {
    const { access_token } = await token();
    wechat.accept('someone-else');
    expect(await send(access_token, good('resident-1'))).toMatchObject({ errcode: 43101 });
    expect(wechat.subscribeMessages).toEqual([]);
    expect(wechat.acceptances('someone-else')).toBe(1);
    expect(wechat.sendAttempts.map((a) => a.errcode)).toEqual([43101]);
  });

  it('answers 47003 to a value its keyword type refuses, and keeps the acceptance', async () => {
    const { access_token } = await token();
    wechat.accept('resident-1');
    const bad = [
      { thing1: { value: '一二三四五六七八九十一二三四五六七八九十一' } }, // 21 characters
      { thing1: { value: '' } },
      { time3: { value: '下午两点' } },
      { time3: { value: '2026-11-03T06:05:00.000Z' } },
      { thing4: { value: '不是模板的关键词' } },
    ];
    for (const change of bad) {
      const message = good();
      const answer = await send(access_token, { ...message, data: { ...message.data, ...change } });
      expect(answer).toMatchObject({ errcode: 47003 });
    }
    const { thing2: _dropped, ...missing } = good().data;
    expect(await send(access_token, { ...good(), data: missing })).toMatchObject({ errcode: 47003, errmsg: expect.stringContaining('thing2') });
    expect(wechat.subscribeMessages).toEqual([]);
    expect(wechat.acceptances('resident-1')).toBe(1);
  });

  it('answers 40001 to an unknown, expired or replaced access token, and delivers nothing', async () => {
    wechat.accept('resident-1', T, 5);
    expect(await send('made-up', good())).toMatchObject({ errcode: 40001 });

    const first = (await token()).access_token;
    const second = (await token()).access_token;
    // WeChat keeps the replaced token for 5 minutes more, then refuses it.
    expect(await send(first, good())).toMatchObject({ errcode: 0 });
    wechat.advanceClock(5 * 60_000);
    expect(await send(first, good())).toMatchObject({ errcode: 40001 });
    expect(await send(second, good())).toMatchObject({ errcode: 0 });

    // 600 s after it was issued the newest token has expired too.
    wechat.advanceClock(5 * 60_000);
    expect(await send(second, good())).toMatchObject({ errcode: 40001 });
    expect(wechat.subscribeMessages).toHaveLength(2);
    expect(wechat.acceptances('resident-1')).toBe(3);

    const third = (await token()).access_token;
    wechat.expireAccessTokens();
    expect(await send(third, good())).toMatchObject({ errcode: 40001 });
    expect(wechat.acceptances('resident-1')).toBe(3);
  });

  it('refuses to record an acceptance of a template the app does not have, and records nothing', async () => {
    expect(await report({ openid: 'resident-1', accepted: [T, 'no-such-template'] })).toMatchObject({ errcode: 20001 });
    expect(await report({ openid: 'resident-1', accepted: 'x' })).toMatchObject({ errcode: 47001 });
    expect(wechat.acceptances('resident-1')).toBe(0);
  });

  it('refuses a message without a recipient or with an unknown template', async () => {
    const { access_token } = await token();
    wechat.accept('resident-1');
    expect(await send(access_token, { ...good(), touser: '' })).toMatchObject({ errcode: 40003 });
    expect(await send(access_token, { ...good(), template_id: 'nope' })).toMatchObject({ errcode: 40037 });
    expect(wechat.acceptances('resident-1')).toBe(1);
  });
});

describe('phone numbers in the WeChat stand-in', () => {
  let wechat: WechatMock;
  beforeAll(async () => {
    wechat = await startWechatMock();
  });
  afterAll(() => wechat.close());

  const token = () => fetch(`${wechat.baseUrl}/cgi-bin/token?grant_type=client_credential&appid=wx-phone&secret=s`).then((r) => r.json() as Promise<any>);
  const phone = (accessToken: string, body: unknown) =>
    fetch(`${wechat.baseUrl}/wxa/business/getuserphonenumber?access_token=${accessToken}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);

  it('resolves a dev-phone:<number> code in WeChat’s phone_info shape', async () => {
    const { access_token } = await token();
    const answer = await phone(access_token, { code: 'dev-phone:13800138000' });
    expect(answer).toEqual({
      errcode: 0,
      errmsg: 'ok',
      phone_info: { phoneNumber: '13800138000', purePhoneNumber: '13800138000', countryCode: '86', watermark: { timestamp: expect.any(Number), appid: 'wx-phone' } },
    });
  });

  it('answers 40029 to any other code, and 40001 without a valid access token', async () => {
    const { access_token } = await token();
    for (const code of ['13800138000', 'dev-phone:', 'dev-phone:abc', 'dev:resident-1', 42, undefined]) {
      expect(await phone(access_token, { code })).toMatchObject({ errcode: 40029 });
    }
    expect(await phone('made-up', { code: 'dev-phone:13800138000' })).toMatchObject({ errcode: 40001 });
  });
});

describe('WeChat’s keyword rules', () => {
  it('reads the type from the key', () => {
    expect(keywordType('thing1')).toBe('thing');
    expect(keywordType('character_string12')).toBe('character_string');
    expect(keywordType('phrase')).toBeNull();
    expect(keywordType('colour1')).toBeNull();
  });

  it.each([
    ['thing', '一二三四五六七八九十一二三四五六七八九十', true],
    ['thing', '一二三四五六七八九十一二三四五六七八九十一', false],
    ['thing', '😀'.repeat(20), true],
    ['phrase', '已受理', true],
    ['phrase', '办结请评价了', false],
    ['phrase', '已受理1', false],
    ['name', '欧阳娜娜', true],
    ['name', '一二三四五六七八九十一', false],
    ['name', 'Zhang San', true],
    ['number', '3.14', true],
    ['number', '12a', false],
    ['character_string', 'AB-123_x', true],
    ['character_string', '编号1', false],
    ['character_string', 'x'.repeat(33), false],
    ['time', '15:01', true],
    ['time', '2019年10月1日 15:01', true],
    ['time', '2019-10-01 15:01:02', true],
    ['time', '15:01~16:00', true],
    ['time', '25:00', false],
    ['date', '2019年10月1日', true],
    ['date', '2019年10月1日 15:01', true],
    ['date', '昨天', false],
    ['amount', '¥12.50', true],
    ['amount', '100元', true],
    ['amount', '12345678901元', false],
    ['phone_number', '+86-0766-66888866', true],
    ['car_number', '粤A8Z888挂', true],
    ['letter', 'abc', true],
    ['symbol', '!?', true],
  ] as const)('%s "%s" is %s', (type, value, ok) => {
    expect(keywordValueValid(type, value)).toBe(ok);
  });

  it('wants every keyword of the template and nothing else', () => {
    const data = { thing1: { value: 'a' }, thing2: { value: 'b' }, time3: { value: '10:00' } };
    expect(checkTemplateData(DEV_STATUS_TEMPLATE, data)).toBeNull();
    expect(checkTemplateData(DEV_STATUS_TEMPLATE, { ...data, thing9: { value: 'c' } })).toMatch(/thing9/);
    expect(checkTemplateData(DEV_STATUS_TEMPLATE, null)).toMatch(/empty/);
  });
});
