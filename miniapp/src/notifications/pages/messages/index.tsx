import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { MessagePage, MessageView } from '@sqtb/shared';
import { leaveIfUnauthenticated } from '../../../accounts/sign-out';
import { PagedListView } from '../../../core/components/paged-list';
import { useListPageEvents } from '../../../core/page-events';
import { formatShanghai } from '../../../core/time';
import { usePagedList } from '../../../core/use-paged-list';
import { fetchMessages } from '../../api';
import { openMessage } from '../../open-message';
import { WECHAT_DELIVERY_WORDS } from '../../words';

/** In-app messages (派单, 办结, 督办 …), newest first; tap to read and open the matter. */
export default function MessagesPage() {
  const list = usePagedList<MessageView, MessagePage>((page) => fetchMessages(page), leaveIfUnauthenticated);
  useListPageEvents(list);
  // The unread count comes with each reply; messages read here since then are taken off it.
  const [readHere, setReadHere] = useState<{ reply?: MessagePage; count: number }>({ count: 0 });
  const unread = Math.max(0, (list.last?.unread ?? 0) - (readHere.reply === list.last ? readHere.count : 0));

  const markRead = (id: string) => {
    list.update((items) => items.map((m) => (m.id === id ? { ...m, read: true } : m)));
    setReadHere((r) => ({ reply: list.last, count: (r.reply === list.last ? r.count : 0) + 1 }));
  };

  return (
    <View className="page">
      {list.loaded && <Text className="page__subtitle">{unread > 0 ? `${unread} 条未读` : '没有未读消息'}</Text>}
      <PagedListView
        list={list}
        emptyText="暂无消息"
        renderItem={(message) => (
          <View key={message.id} className="card" onClick={() => void openMessage(message, markRead)}>
            <View className="card__head">
              {!message.read && <Text className="unread-dot" />}
              <Text className="card__title">{message.title}</Text>
            </View>
            <Text className="card__text">{message.body}</Text>
            <Text className="card__meta">{formatShanghai(message.createdAt)}</Text>
            {message.wechat && <Text className="card__meta">{WECHAT_DELIVERY_WORDS[message.wechat]}</Text>}
          </View>
        )}
      />
    </View>
  );
}
