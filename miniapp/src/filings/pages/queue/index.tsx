import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Chips } from '../../../core/components/chips';
import { PagedListView } from '../../../core/components/paged-list';
import { FilingCard } from '../../components/filing-card';
import { openFiling, QUEUE_FILTERS, useFilingList, type QueueFilter } from '../../use-filing-lists';
import '../../filings.css';

/**
 * 复工备案审核 (cadre: the committee's filings) and 总览 (district: all of them):
 * by status, waiting ones first; approved ones flag a missing daily report and fever.
 * A link (e.g. from the overview) may choose the status with `?status=` and
 * narrow district staff's list to a street with `?streetId=`.
 */
export default function FilingQueuePage() {
  const { params } = useRouter();
  const [key, setKey] = useState<QueueFilter['key']>(QUEUE_FILTERS.find((f) => f.key === params.status)?.key ?? 'submitted');
  const list = useFilingList({ status: key === 'all' ? undefined : key, streetId: params.streetId });
  const filter = QUEUE_FILTERS.find((f) => f.key === key) ?? QUEUE_FILTERS[0];
  const missing = list.items.filter((f) => f.missingToday).length;
  const fever = list.items.filter((f) => f.feverToday).length;
  return (
    <View className="page">
      <Text className="page__title">企业复工备案</Text>
      <Text className="page__subtitle">辖区内企业的复工备案：审核、复工证明与每日报告</Text>
      <Chips options={QUEUE_FILTERS.map((f) => ({ value: f.key, label: f.label }))} value={key} onChange={setKey} />
      {(missing > 0 || fever > 0) && (
        <View className="filing-flags">
          {missing > 0 && <Text className="filing-flag filing-flag--missing">{`今日未报告 ${missing} 家`}</Text>}
          {fever > 0 && <Text className="filing-flag">{`今日有发热 ${fever} 家`}</Text>}
        </View>
      )}
      <PagedListView
        list={list}
        emptyText={key === 'all' ? '辖区内还没有复工备案' : `没有「${filter.label}」的备案`}
        renderItem={(f) => <FilingCard key={f.id} filing={f} onOpen={openFiling} />}
      />
    </View>
  );
}
