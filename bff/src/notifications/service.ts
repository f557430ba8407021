import type { Types } from 'mongoose';
import { AppError } from '../core/app-error';
import type { Logger } from '../core/logger';
import type { WechatClient } from '../accounts/wechat-client';
import { UserModel } from '../accounts/user.model';
import { MessageModel } from './notification.model';

export interface Notifier {
  /** Writes the in-app message, then tries a WeChat subscribe message without holding up the caller. */
  notify(userIds: Array<string | Types.ObjectId>, message: { title: string; body: string; link?: string }): Promise<void>;
}

export function createNotifier(deps: { wechat: WechatClient; templateId: string; log: Logger; now: () => Date }): Notifier {
  return {
    async notify(userIds, message) {
      const unique = [...new Set(userIds.map(String))];
      if (unique.length === 0) return;
      const createdAt = deps.now();
      await MessageModel.insertMany(unique.map((userId) => ({ userId, ...message, createdAt, updatedAt: createdAt })));
      void UserModel.find({ _id: { $in: unique } }, { openid: 1 })
        .lean()
        .then((users) =>
          Promise.all(
            users.map((u) =>
              deps.wechat.sendSubscribeMessage({
                openid: u.openid,
                templateId: deps.templateId,
                page: message.link,
                data: { thing1: message.title.slice(0, 20), thing2: message.body.slice(0, 20) },
              }),
            ),
          ),
        )
        .catch((err) => deps.log.warn({ err: (err as Error).message }, 'subscribe messages not sent'));
    },
  };
}

export async function listMessages(userId: string, page: number, pageSize: number) {
  const [items, total, unread] = await Promise.all([
    MessageModel.find({ userId }).sort({ createdAt: -1 }).skip((page - 1) * pageSize).limit(pageSize).lean(),
    MessageModel.countDocuments({ userId }),
    MessageModel.countDocuments({ userId, readAt: { $exists: false } }),
  ]);
  return {
    items: items.map((m) => ({ id: String(m._id), title: m.title, body: m.body, link: m.link, read: !!m.readAt, createdAt: m.createdAt.toISOString() })),
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
