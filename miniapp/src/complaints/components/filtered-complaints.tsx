import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Chips } from '../../core/components/chips';
import { PagedListView } from '../../core/components/paged-list';
import type { ComplaintFilter } from '../api';
import { findFilter, type ListFilter } from '../filters';
import { openComplaint, useComplaintList } from '../use-complaint-list';
import { ComplaintCard } from './complaint-card';

interface Props {
  filters: readonly ListFilter[];
  emptyText: (filter: ListFilter) => string;
  /** The filter chosen at first (e.g. from a link); the first one otherwise. */
  initialKey?: string;
  /** Added to every filter (e.g. one committee, for district staff). */
  within?: ComplaintFilter;
}

/** A status filter over a paged list of complaint cards (the cadre's queue, the unit's tasks). */
export function FilteredComplaints({ filters, emptyText, initialKey, within }: Props) {
  const [key, setKey] = useState(findFilter(filters, initialKey ?? filters[0].key).key);
  const filter = findFilter(filters, key);
  const list = useComplaintList({ ...filter.query, ...within });
  return (
    <View>
      <Chips options={filters.map((f) => ({ value: f.key, label: f.label }))} value={key} onChange={setKey} />
      {list.items.length > 0 && <Text className="hint">{`符合条件的事项 ${list.totalText} 件`}</Text>}
      <PagedListView list={list} emptyText={emptyText(filter)} renderItem={(c) => <ComplaintCard key={c.id} complaint={c} onOpen={openComplaint} />} />
    </View>
  );
}
