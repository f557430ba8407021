import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { HOME_ENTRIES, ROLE_LABELS } from '@sqtb/shared';
import { fetchMe } from '../../api';
import { EntryCard } from '../../components/entry-card';
import { openEntry } from '../../home-entries';
import { useSignedInRequest } from '../../use-signed-in-request';
import { EmptyState, ErrorState, LoadingState } from '../../../core/components/status';

export default function HomePage() {
  const me = useSignedInRequest(fetchMe);
  // Re-check the session each time home shows: the token may have expired meanwhile.
  useDidShow(() => void me.run());

  const user = me.data;
  if (!user) {
    return (
      <View className="page">
        {me.error ? <ErrorState error={me.error} onRetry={me.run} /> : <LoadingState />}
      </View>
    );
  }

  const entries = HOME_ENTRIES[user.role] ?? [];
  return (
    <View className="page">
      <Text className="page__title">{`你好，${user.displayName}`}</Text>
      <Text className="page__subtitle">{ROLE_LABELS[user.role]}</Text>
      {me.error && <ErrorState error={me.error} onRetry={me.run} />}
      {entries.length === 0 ? (
        <EmptyState text="暂无可用的服务" />
      ) : (
        entries.map((entry) => <EntryCard key={entry.key} entry={entry} onOpen={openEntry} />)
      )}
    </View>
  );
}
