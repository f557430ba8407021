import { messagePageSchema } from '@sqtb/shared';
import { createLogger } from '../core/logger';
import { createWechatClient } from '../accounts/wechat-client';
import { UserModel } from '../accounts/user.model';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';
import { storedDocuments } from '../../test/fixture-kit';
import { MessageModel } from './notification.model';
import { SubscriptionModel } from './subscription.model';
import { createNotifier } from './service';

/** A point inside committee A's area, where resident-1, resident-2 and cadre-1 live and work. */
const IN_A = { lat: 31.2291, lng: 121.5231 };

/**
 * Status-change messages under the strict WeChat stand-in: a WeChat copy goes
 * only against an acceptance the user reported, uses it up, and what WeChat
 * answered is kept on the in-app message, which is always written.
 */
describe('WeChat subscribe messages for status changes', () => {
  let t: TestApp;
  let template: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'silent' });
    for (const openid of ['resident-1', 'resident-2', 'cadre-1', 'district-1']) tokens[openid] = await t.login(openid);
    template = (await t.request('GET', '/api/wechat/subscribe-templates', { token: tokens['resident-1'] })).body.statusChange;
  });
  afterAll(() => t.close());

  const as = (openid: string) => ({
    get: (path: string) => t.request('GET', path, { token: tokens[openid] }),
    post: (path: string, body: unknown = {}) => t.request('POST', path, { token: tokens[openid], body }),
  });
  const userId = async (openid: string) => String((await UserModel.findOne({ openid }).lean())!._id);
  const remaining = async (openid: string) => (await SubscriptionModel.findOne({ userId: await userId(openid), templateId: template }).lean())?.remaining ?? 0;
  /** What the phone does after requestSubscribeMessage answers "accept": WeChat learns it, and the app reports it. */
  const acceptOnPhone = async (openid: string) => {
    t.wechat.accept(openid, template);
    const reported = await as(openid).post('/api/wechat/subscriptions', { accepted: [template] });
    expect(reported.status).toBe(200);
    return reported;
  };
  /** A complaint by `reporter`, accepted by cadre-1: the reporter gets a status-change message. */
  const acceptedComplaint = async (reporter: string) => {
    const filed = await as(reporter).post('/api/complaints', { category: 'street-occupation', description: '小区门口早餐摊占道经营，行人只能走机动车道', location: IN_A, address: '潍坊路 400 号门口' });
    expect(filed.status).toBe(201);
    const accepted = await as('cadre-1').post(`/api/complaints/${filed.body.id}/accept`, {});
    expect(accepted.status).toBe(200);
    return filed.body.id as string;
  };
  const latestMessage = async (openid: string) => {
    const page = await as(openid).get('/api/messages');
    expect(messagePageSchema.safeParse(page.body).success).toBe(true);
    return page.body.items[0];
  };
  const delivered = (openid: string) => t.wechat.subscribeMessages.filter((m) => m.touser === openid);

  it('names the status-change template the mini-program asks acceptance for', async () => {
    const reply = await as('resident-1').get('/api/wechat/subscribe-templates');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ statusChange: t.config.wechat.subscribeTemplateId });
  });

  it('sends no WeChat message to a user who accepted nothing, and still writes the in-app message', async () => {
    const before = t.wechat.sendAttempts.length;
    await acceptedComplaint('resident-1');
    expect(await latestMessage('resident-1')).toMatchObject({ title: '您的反映已受理', wechat: 'not-subscribed' });
    expect(delivered('resident-1')).toEqual([]);
    // The BFF did not even ask WeChat.
    expect(t.wechat.sendAttempts.slice(before).filter((a) => a.message.touser === 'resident-1')).toEqual([]);
  });

  it('sends one WeChat message after an acceptance, fitted to the template, and uses the acceptance up', async () => {
    const reported = await acceptOnPhone('resident-2');
    expect(reported.body).toEqual({ balances: [{ templateId: template, remaining: 1 }] });

    const id = await acceptedComplaint('resident-2');
    expect(await latestMessage('resident-2')).toMatchObject({ title: '您的反映已受理', wechat: 'sent' });
    const [message] = delivered('resident-2');
    expect(message).toMatchObject({ template_id: template, page: `complaints/pages/detail/index?id=${id}` });
    expect(message.data.thing1.value).toBe('您的反映已受理');
    expect(message.data.time3.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(await remaining('resident-2')).toBe(0);
    expect(t.wechat.acceptances('resident-2', template)).toBe(0);

    // One acceptance, one message: the next status change is in-app only.
    const dispatchedBefore = t.wechat.sendAttempts.length;
    await acceptedComplaint('resident-2');
    expect(await latestMessage('resident-2')).toMatchObject({ wechat: 'not-subscribed' });
    expect(delivered('resident-2')).toHaveLength(1);
    expect(t.wechat.sendAttempts.length).toBe(dispatchedBefore);
  });

  it('counts every reported acceptance, one per template and report', async () => {
    await as('resident-1').post('/api/wechat/subscriptions', { accepted: [template, template] });
    const third = await as('resident-1').post('/api/wechat/subscriptions', { accepted: [template] });
    expect(third.body.balances).toEqual([{ templateId: template, remaining: 2 }]);
    // Two reports at once both count.
    await Promise.all([as('resident-1').post('/api/wechat/subscriptions', { accepted: [template] }), as('resident-1').post('/api/wechat/subscriptions', { accepted: [template] })]);
    expect(await remaining('resident-1')).toBe(4);
    await SubscriptionModel.updateOne({ userId: await userId('resident-1'), templateId: template }, { $set: { remaining: 0 } });
  });

  it('refuses a report naming a template the app does not use, and counts nothing', async () => {
    const before = await storedDocuments(SubscriptionModel);
    for (const body of [{ accepted: [template, 'some-other-template'] }, { accepted: 'x' }, { accepted: [template], extra: 1 }, {}, { accepted: [] }, { accepted: ['a', 'b', 'c', 'd'] }]) {
      const refused = await as('resident-1').post('/api/wechat/subscriptions', body);
      expect(refused.status).toBe(400);
      expect(errorCode(refused)).toBe('VALIDATION_FAILED');
    }
    expect((await t.request('POST', '/api/wechat/subscriptions', { body: { accepted: [template] } })).status).toBe(401);
    expect(await storedDocuments(SubscriptionModel)).toEqual(before);
  });

  it('records 43101 as not-subscribed and fails nothing when WeChat knows of no acceptance', async () => {
    // The app counted one, but WeChat did not (the user withdrew it in WeChat's settings).
    await as('resident-1').post('/api/wechat/subscriptions', { accepted: [template] });
    const before = t.wechat.sendAttempts.length;
    const id = await acceptedComplaint('resident-1');
    expect(await latestMessage('resident-1')).toMatchObject({ link: expect.stringContaining(id), wechat: 'not-subscribed' });
    expect(t.wechat.sendAttempts.slice(before).filter((a) => a.message.touser === 'resident-1').map((a) => a.errcode)).toEqual([43101]);
    expect(delivered('resident-1')).toEqual([]);
    expect(await remaining('resident-1')).toBe(0);
    // The complaint itself moved on.
    expect((await as('resident-1').get(`/api/complaints/${id}`)).body.status).toBe('accepted');
  });

  it('refreshes an access token WeChat no longer takes and sends the message with the new one', async () => {
    await acceptOnPhone('resident-2');
    await acceptedComplaint('resident-2'); // the BFF now holds a token
    const fetches = () => t.wechat.calls.filter((c) => c.path === '/cgi-bin/token').length;
    const before = fetches();
    await acceptOnPhone('resident-2');
    t.wechat.expireAccessTokens();
    const sentBefore = delivered('resident-2').length;

    await acceptedComplaint('resident-2');
    expect(await latestMessage('resident-2')).toMatchObject({ wechat: 'sent' });
    expect(delivered('resident-2')).toHaveLength(sentBefore + 1);
    expect(fetches()).toBe(before + 1);
    const attempts = t.wechat.sendAttempts.filter((a) => a.message.touser === 'resident-2').map((a) => a.errcode);
    expect(attempts.slice(-2)).toEqual([40001, 0]);
  });

  it('records a message WeChat refuses for its data as failed, and gives the acceptance back', async () => {
    // A keyword list that does not match the template in the admin console: WeChat answers 47003.
    const log = createLogger('silent');
    const wechat = createWechatClient({ apiBase: t.wechat.baseUrl, appId: t.config.wechat.appId, secret: t.config.wechat.secret, log });
    const notifier = createNotifier({ wechat, template: { templateId: template, keywords: [{ key: 'thing1', source: 'title' }] }, log, now: () => new Date() });
    await acceptOnPhone('resident-1');
    const resident = await userId('resident-1');
    await notifier.notify([resident], { title: '测试消息', body: '数据不全' });
    expect(await latestMessage('resident-1')).toMatchObject({ title: '测试消息', wechat: 'failed' });
    expect(t.wechat.sendAttempts.at(-1)!.errcode).toBe(47003);
    expect(await remaining('resident-1')).toBe(1);
    await SubscriptionModel.updateOne({ userId: resident, templateId: template }, { $set: { remaining: 0 } });
  });

  it('cuts a long title to 20 characters without splitting a character, as WeChat requires', async () => {
    const log = createLogger('silent');
    const wechat = createWechatClient({ apiBase: t.wechat.baseUrl, appId: t.config.wechat.appId, secret: t.config.wechat.secret, log });
    const notifier = createNotifier({ wechat, template: { templateId: template, keywords: t.config.wechat.subscribeKeywords }, log, now: () => new Date() });
    await acceptOnPhone('resident-1');
    const title = '您反映的问题😀已经由城管中队派单处置并将于三个工作日内办结';
    await notifier.notify([await userId('resident-1')], { title, body: ' \n ' });
    expect(await latestMessage('resident-1')).toMatchObject({ title, wechat: 'sent' });
    const [sent] = delivered('resident-1').slice(-1);
    expect([...sent.data.thing1.value]).toHaveLength(20);
    expect(sent.data.thing1.value).toBe(`${[...title].slice(0, 19).join('')}…`);
    expect(sent.data.thing2.value).toBe('无');
  });

  it('tells the WeChat stand-in of acceptances for the H5 shell, in development only', async () => {
    const told = await as('district-1').post('/api/dev/wechat-stand-in/subscriptions', { accepted: [template] });
    expect(told.status).toBe(204);
    expect(t.wechat.acceptances('district-1', template)).toBe(1);
    const refused = await as('district-1').post('/api/dev/wechat-stand-in/subscriptions', { accepted: ['unknown'] });
    expect(refused.status).toBe(400);
    expect(t.wechat.acceptances('district-1', template)).toBe(1);
  });

  it('lists older messages without a WeChat outcome as not-subscribed', async () => {
    await MessageModel.collection.insertOne({ userId: (await UserModel.findOne({ openid: 'district-1' }))!._id, title: '旧消息', body: '升级前写的', createdAt: new Date(Date.now() + 60_000), updatedAt: new Date() });
    expect(await latestMessage('district-1')).toMatchObject({ title: '旧消息', wechat: 'not-subscribed' });
  });
});
