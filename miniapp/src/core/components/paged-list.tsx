import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { errorText } from '../api-error';
import type { PagedList } from '../use-paged-list';
import { EmptyState, ErrorState, LoadingState } from './status';

// `any`: the view reads only the items and states, whatever extra the reply carries.
type AnyList<T> = PagedList<T, any>;

interface Props<T> {
  list: AnyList<T>;
  emptyText: string;
  renderItem: (item: T) => ReactNode;
}

/** A list's loading, error and empty states, its items, and the "load more" footer. */
export function PagedListView<T>({ list, emptyText, renderItem }: Props<T>) {
  if (list.items.length === 0) {
    if (list.error) return <ErrorState error={list.error} onRetry={list.refresh} />;
    if (!list.loaded || list.loading) return <LoadingState />;
    return <EmptyState text={emptyText} />;
  }
  return (
    <View>
      {list.items.map(renderItem)}
      <ListFooter list={list} />
    </View>
  );
}

function ListFooter<T>({ list }: { list: AnyList<T> }) {
  if (list.loading) return <Text className="list-footer">加载中…</Text>;
  if (list.error) {
    return (
      <View className="list-footer">
        <Text className="message--error">{errorText(list.error)}</Text>
        <Button
          className="button button--plain button--small"
          onClick={() => void (list.errorOn === 'more' ? list.loadMore() : list.refresh())}
        >
          重试
        </Button>
      </View>
    );
  }
  if (list.hasMore) {
    return (
      <View className="list-footer">
        <Button className="button button--plain button--small" onClick={() => void list.loadMore()}>
          加载更多
        </Button>
      </View>
    );
  }
  return <Text className="list-footer">{`共 ${list.total} 条，已全部加载`}</Text>;
}
