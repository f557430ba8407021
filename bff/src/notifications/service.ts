import { Types } from 'mongoose';
import type { MessagePage, SubscribeTemplates, SubscriptionBalance, WechatDelivery } from '@sqtb/shared';
import { AppError } from '../core/app-error';
import type { Logger } from '../core/logger';
import type { WechatClient } from '../accounts/wechat-client';
import { UserModel } from '../accounts/user.model';
import { isDuplicateKey } from '../db/duplicate-key';
import { MessageModel } from './notification.model';
import { SubscriptionModel } from './subscription.model';
import { subscribeData, type TemplateKeyword } from './subscribe-data';

export interface Notifier {
  /**
   * Writes the in-app message to each user, always; and to each user who holds
   * an unused acceptance of the status-change template, also a WeChat
   * subscribe message, using the acceptance up. Never fails because of WeChat.
   * It waits for WeChat's answer (5 s at most), so each message records what
   * became of its copy; only users holding an acceptance cause a call.
   */
  notify(userIds: Array<string | Types.ObjectId>, message: { title: string; body: string; link?: string }): Promise<void>;
}

/** The template the mini-program asks acceptance for, and how its keywords are filled. */
export interface SubscribeTemplateSettings {
  templateId: string;
  keywords: TemplateKeyword[];
}

/**
 * Takes one of the user's unused acceptances of a template: one conditional
 * update, so of two sends at once holding one acceptance only one wins it.
 */
async function takeAcceptance(userId: string, templateId: string): Promise<boolean> {
  const taken = await SubscriptionModel.findOneAndUpdate({ userId, templateId, remaining: { $gt: 0 } }, { $inc: { remaining: -1 } }, { projection: { _id: 1 } }).lean();
  return !!taken;
}

/** Gives an acceptance back when WeChat surely did not use it (it refused the message for another reason than 43101). */
async function returnAcceptance(userId: string, templateId: string): Promise<void> {
  await SubscriptionModel.updateOne({ userId, templateId }, { $inc: { remaining: 1 } });
}

export function createNotifier(deps: { wechat: WechatClient; template: SubscribeTemplateSettings; log: Logger; now: () => Date }): Notifier {
  const { templateId, keywords } = deps.template;
  return {
    async notify(userIds, message) {
      const unique = [...new Set(userIds.map(String))].filter((id) => Types.ObjectId.isValid(id));
      if (unique.length === 0) return;
      const createdAt = deps.now();
      // 1. Each receiver holding an acceptance gives one up for this message.
      const holds = await Promise.all(unique.map((userId) => takeAcceptance(userId, templateId)));
      // 2. The in-app messages, always. A WeChat copy on its way reads `failed` until WeChat answers.
      const docs = await MessageModel.create(
        unique.map((userId, i) => ({ userId, ...message, wechat: (holds[i] ? 'failed' : 'not-subscribed') satisfies WechatDelivery, createdAt, updatedAt: createdAt })),
      );
      // 3. The WeChat copies, to those who held an acceptance; what WeChat answered is kept on each message.
      const receivers = unique.filter((_, i) => holds[i]);
      if (receivers.length === 0) return;
      try {
        const openids = new Map((await UserModel.find({ _id: { $in: receivers } }, { openid: 1 }).lean()).map((u) => [String(u._id), u.openid]));
        const data = subscribeData(keywords, { title: message.title, body: message.body, at: createdAt });
        await Promise.all(
          receivers.map(async (userId) => {
            const openid = openids.get(userId);
            const result = openid ? await deps.wechat.sendSubscribeMessage({ openid, templateId, page: message.link?.replace(/^\//, ''), data }) : { outcome: 'failed' as const };
            const doc = docs.find((d) => String(d.userId) === userId)!;
            if (result.outcome !== 'failed') await MessageModel.updateOne({ _id: doc._id }, { $set: { wechat: result.outcome } });
            if (result.outcome === 'failed' && !('uncertain' in result && result.uncertain)) await returnAcceptance(userId, templateId);
          }),
        );
      } catch (err) {
        deps.log.warn({ err: (err as Error).message }, 'subscribe messages not sent');
      }
    },
  };
}

/** `GET /api/wechat/subscribe-templates`: the ids the mini-program passes to `requestSubscribeMessage`. */
export function subscribeTemplates(template: SubscribeTemplateSettings): SubscribeTemplates {
  return { statusChange: template.templateId };
}

/**
 * `POST /api/wechat/subscriptions`: the templates the user accepted in
 * `requestSubscribeMessage`, one acceptance each (a template named twice in
 * one answer is one acceptance, as WeChat's answer has one entry per id).
 * A template the app does not use is refused and nothing is counted.
 */
export async function recordAcceptances(userId: string, accepted: string[], template: SubscribeTemplateSettings): Promise<SubscriptionBalance> {
  const ids = [...new Set(accepted)];
  const unknown = ids.filter((id) => id !== template.templateId);
  if (unknown.length) throw new AppError('VALIDATION_FAILED', 'The app sends no messages with these templates', { in: 'body', issues: [{ path: 'accepted', message: `unknown template ids: ${unknown.join(', ')}` }] });
  for (const templateId of ids) await addAcceptance(userId, templateId);
  return balances(userId, template);
}

async function addAcceptance(userId: string, templateId: string): Promise<void> {
  const add = () => SubscriptionModel.updateOne({ userId, templateId }, { $inc: { remaining: 1 } }, { upsert: true });
  try {
    await add();
  } catch (err) {
    // The first two reports at once: the unique (user, template) index lets one insert; the other adds to it.
    if (!isDuplicateKey(err)) throw err;
    await add();
  }
}

async function balances(userId: string, template: SubscribeTemplateSettings): Promise<SubscriptionBalance> {
  const docs = await SubscriptionModel.find({ userId, templateId: template.templateId }).lean();
  return { balances: [{ templateId: template.templateId, remaining: docs[0]?.remaining ?? 0 }] };
}

/** The user's balance of unused acceptances, per template the app uses. */
export const subscriptionBalances = balances;

/**
 * Development only: what `requestSubscribeMessage` tells WeChat on a phone,
 * told to the WeChat stand-in for the H5 shell, which has no WeChat client.
 */
export async function tellStandInOfAcceptances(apiBase: string, userId: string, accepted: string[], template: SubscribeTemplateSettings): Promise<void> {
  const ids = [...new Set(accepted)];
  if (ids.some((id) => id !== template.templateId)) throw new AppError('VALIDATION_FAILED', 'The app sends no messages with these templates', { in: 'body', issues: [{ path: 'accepted', message: 'unknown template ids' }] });
  const user = await UserModel.findById(userId, { openid: 1 }).lean();
  if (!user) throw new AppError('NOT_FOUND', 'No such user');
  let answer: { errcode?: number };
  try {
    const response = await fetch(new URL('/__stand-in/subscriptions', apiBase), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: user.openid, accepted: ids }), signal: AbortSignal.timeout(5000) });
    answer = (await response.json()) as { errcode?: number };
  } catch {
    throw new AppError('UPSTREAM_UNAVAILABLE', 'The WeChat stand-in did not answer');
  }
  if (answer.errcode) throw new AppError('UPSTREAM_UNAVAILABLE', 'The WeChat stand-in refused the acceptances', { errcode: answer.errcode });
}

export async function listMessages(userId: string, page: number, pageSize: number): Promise<MessagePage> {
  const [items, total, unread] = await Promise.all([
    MessageModel.find({ userId }).sort({ createdAt: -1 }).skip((page - 1) * pageSize).limit(pageSize).lean(),
    MessageModel.countDocuments({ userId }),
    MessageModel.countDocuments({ userId, readAt: { $exists: false } }),
  ]);
  return {
    items: items.map((m) => ({
      id: String(m._id),
      title: m.title,
      body: m.body,
      link: m.link ?? undefined,
      read: !!m.readAt,
      createdAt: m.createdAt.toISOString(),
      wechat: m.wechat ?? 'not-subscribed',
    })),
    total,
    unread,
    page,
    pageSize,
  };
}

export async function markRead(userId: string, messageId: string, now: Date) {
  const updated = await MessageModel.findOneAndUpdate({ _id: messageId, userId }, { $set: { readAt: now } }, { new: true });
  if (!updated) throw new AppError('NOT_FOUND', 'No such message');
}
