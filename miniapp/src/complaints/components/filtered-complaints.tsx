import { View } from '@tarojs/components';
import { useState } from 'react';
import { Chips } from '../../core/components/chips';
import { PagedListView } from '../../core/components/paged-list';
import { findFilter, type ListFilter } from '../filters';
import { openComplaint, useComplaintList } from '../use-complaint-list';
import { ComplaintCard } from './complaint-card';

/** A status filter over a paged list of complaint cards (the cadre's queue, the unit's tasks). */
export function FilteredComplaints({ filters, emptyText }: { filters: readonly ListFilter[]; emptyText: (filter: ListFilter) => string }) {
  const [key, setKey] = useState(filters[0].key);
  const filter = findFilter(filters, key);
  const list = useComplaintList(filter.query);
  return (
    <View>
      <Chips options={filters.map((f) => ({ value: f.key, label: f.label }))} value={key} onChange={setKey} />
      <PagedListView list={list} emptyText={emptyText(filter)} renderItem={(c) => <ComplaintCard key={c.id} complaint={c} onOpen={openComplaint} />} />
    </View>
  );
}
