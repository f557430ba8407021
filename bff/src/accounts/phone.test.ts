import { storedDocument } from '../../test/fixture-kit';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';
import { UserModel } from './user.model';

/**
 * Phone numbers with one tap: the mini-program's getPhoneNumber button gives a
 * code, the BFF exchanges it at WeChat's getuserphonenumber, keeps the number
 * on the user and answers it masked. A code WeChat refuses changes nothing.
 */
describe('the phone number from a getPhoneNumber code', () => {
  let t: TestApp;
  let token: string;
  let userId: string;

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'silent' });
    token = await t.login('resident-2');
    userId = String((await UserModel.findOne({ openid: 'resident-2' }).lean())!._id);
  });
  afterAll(() => t.close());

  const post = (body: unknown, auth: string | null = token) => t.request('POST', '/api/me/phone', { token: auth ?? undefined, body });

  it('keeps the number WeChat vouches for and answers it masked only', async () => {
    const answer = await post({ code: 'dev-phone:13800138000' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ phoneMasked: '138****8000' });
    expect(answer.text).not.toContain('13800138000');
    const user = (await UserModel.findById(userId).lean())!;
    expect(user.phone).toBe('13800138000');
    expect(user.phoneVerifiedAt).toBeInstanceOf(Date);
    expect(t.wechat.calls.some((c) => c.path === '/wxa/business/getuserphonenumber')).toBe(true);
  });

  it('refuses a code WeChat refuses with a clean 400, and changes nothing', async () => {
    const before = await storedDocument(UserModel, userId);
    for (const code of ['not-a-phone-code', 'dev-phone:', 'dev:resident-2']) {
      const refused = await post({ code });
      expect(refused.status).toBe(400);
      expect(errorCode(refused)).toBe('PHONE_CODE_INVALID');
      expect(refused.body.error.details).toEqual({ errcode: 40029 });
    }
    // A number WeChat knows but that is not a mainland mobile: typed by hand instead.
    const foreign = await post({ code: 'dev-phone:85291234567' });
    expect(foreign.status).toBe(400);
    expect(errorCode(foreign)).toBe('PHONE_CODE_INVALID');
    for (const body of [{}, { code: '' }, { code: 5 }, { code: 'dev-phone:13800138000', phone: '13900000000' }]) {
      const malformed = await post(body);
      expect(malformed.status).toBe(400);
      expect(errorCode(malformed)).toBe('VALIDATION_FAILED');
    }
    expect((await post({ code: 'dev-phone:13900000000' }, null)).status).toBe(401);
    expect(await storedDocument(UserModel, userId)).toEqual(before);
  });

  it('exchanges a code with a fresh access token when WeChat stopped taking the old one', async () => {
    await post({ code: 'dev-phone:13800138000' }); // the BFF now holds a token
    const fetches = () => t.wechat.calls.filter((c) => c.path === '/cgi-bin/token').length;
    const before = fetches();
    t.wechat.expireAccessTokens();
    const answer = await post({ code: 'dev-phone:13911112222' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ phoneMasked: '139****2222' });
    expect(fetches()).toBe(before + 1);
    expect((await UserModel.findById(userId).lean())!.phone).toBe('13911112222');
  });
});
