import fc from 'fast-check';
import { Types } from 'mongoose';
import { createLogger } from '../core/logger';
import type { SubscribeMessageInput, WechatClient } from '../accounts/wechat-client';
import { UserModel } from '../accounts/user.model';
import { startTestApp, type TestApp } from '../../test/test-app';
import { interleave } from '../../test/interleave';
import { MessageModel } from './notification.model';
import { SubscriptionModel } from './subscription.model';
import { createNotifier, recordAcceptances } from './service';

/**
 * Status-change messages racing for a user's acceptances, every database call
 * interleaved by fast-check's scheduler (test/interleave.ts). A run starts
 * the user with k unused acceptances, sends n messages at once (and sometimes
 * a new acceptance is reported meanwhile), and checks after each run:
 *   - no acceptance is used twice: WeChat copies sent + acceptances left = k + reported;
 *   - without a report meanwhile, exactly min(n, k) copies go;
 *   - every message is written in-app, and says `sent` exactly when its copy went;
 *   - the count never goes below zero.
 * `INTERLEAVINGS=1000` runs more; a failing run prints its seed and path.
 */
const RUNS = Number(process.env.INTERLEAVINGS ?? 100);
const TIMEOUT = Math.max(60_000, RUNS * 500);
const replay: { seed?: number; path?: string } = process.env.INTERLEAVINGS_SEED ? { seed: Number(process.env.INTERLEAVINGS_SEED), path: process.env.INTERLEAVINGS_PATH } : {};
const TEMPLATE = 'race-template';

describe('acceptances under forced interleavings', () => {
  let t: TestApp;
  let userId: string;
  const sent: SubscribeMessageInput[] = [];
  /** WeChat answers at once and takes everything: what is tested is the BFF's count, and only database calls are interleaved. */
  const wechat: WechatClient = {
    exchangeCode: async () => ({ openid: 'x', sessionKey: 'x' }),
    phoneNumber: async () => ({ phone: '13800000000', countryCode: '86' }),
    sendSubscribeMessage: async (message) => {
      sent.push(message);
      return { outcome: 'sent' };
    },
  };
  const template = { templateId: TEMPLATE, keywords: [{ key: 'thing1', source: 'title' as const }] };
  const notifier = createNotifier({ wechat, template, log: createLogger('silent'), now: () => new Date() });

  beforeAll(async () => {
    t = await startTestApp();
    userId = String((await UserModel.findOne({ openid: 'resident-1' }).lean())!._id);
  });
  afterAll(() => t.close());

  it('never uses one acceptance for two messages sent at once', async () => {
    let raced = 0;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.nat({ max: 2 }), fc.integer({ min: 2, max: 3 }), fc.boolean(), fc.nat({ max: 6 }), async (s, k, n, reportMeanwhile, reportAfter) => {
        await SubscriptionModel.deleteMany({ userId });
        await MessageModel.deleteMany({ userId });
        sent.length = 0;
        if (k > 0) await SubscriptionModel.create({ userId: new Types.ObjectId(userId), templateId: TEMPLATE, remaining: k });

        const operations = [
          ...Array.from({ length: n }, (_, i) => ({ run: () => notifier.notify([userId], { title: `第${i + 1}条`, body: '状态变化' }) })),
          ...(reportMeanwhile ? [{ run: () => recordAcceptances(userId, [TEMPLATE], template).then(() => undefined), startAfter: reportAfter }] : []),
        ];
        const results = await interleave(s, operations);
        expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

        const left = (await SubscriptionModel.findOne({ userId }).lean())?.remaining ?? 0;
        const reported = reportMeanwhile ? 1 : 0;
        expect(left).toBeGreaterThanOrEqual(0);
        expect(sent.length + left).toBe(k + reported);
        if (!reportMeanwhile) expect(sent.length).toBe(Math.min(n, k));
        if (sent.length < n && k > 0) raced++;

        const messages = await MessageModel.find({ userId }).lean();
        expect(messages).toHaveLength(n);
        expect(messages.filter((m) => m.wechat === 'sent').map((m) => m.title).sort()).toEqual(sent.map((m) => m.data.thing1).sort());
        expect(messages.every((m) => m.wechat === 'sent' || m.wechat === 'not-subscribed')).toBe(true);
      }),
      { numRuns: RUNS, endOnFailure: true, ...replay },
    );
    // Runs where messages outnumbered acceptances, so some had to lose the race.
    expect(raced).toBeGreaterThan(0);
    process.stdout.write(`acceptances: ${RUNS} interleavings of concurrent messages, no acceptance used twice\n`);
  }, TIMEOUT);
});
