import { Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { AppealStatus, AppealView } from '@sqtb/shared';
import { useSignedInRequest } from '../../accounts/use-signed-in-request';
import { Chips } from '../../core/components/chips';
import { DateField } from '../../core/components/date-field';
import { FormFooter } from '../../core/components/form-footer';
import { EmptyState, ErrorState, LoadingState } from '../../core/components/status';
import { listAppeals } from '../api';
import { NOTE_MAX, useResolveAppeal } from '../use-resolve-appeal';
import { MEDICAL_STATUS_OPTIONS } from '../words';
import { AppealCard } from './appeal-card';

const OUTCOME_OPTIONS = [
  { value: 'explained' as const, label: '说明情况' },
  { value: 'corrected' as const, label: '更正状态' },
];
const FILTERS = [
  { value: 'open' as const, label: '待处理' },
  { value: 'all' as const, label: '全部' },
];

function ResolveForm({ appeal, onResolved }: { appeal: AppealView; onResolved: () => Promise<void> }) {
  const form = useResolveAppeal(appeal.id, onResolved);
  const { draft, change } = form;
  return (
    <View className="resolve">
      <Chips options={OUTCOME_OPTIONS} value={draft.outcome} onChange={(outcome) => change({ outcome })} disabled={form.busy} />
      {draft.outcome === 'corrected' && (
        <View>
          <Text className="hint">更正后的状态及其起始日期：</Text>
          <Chips options={MEDICAL_STATUS_OPTIONS} value={draft.status} onChange={(status) => change({ status })} disabled={form.busy} />
          <DateField value={draft.date} end={form.today} onChange={(date) => change({ date })} />
        </View>
      )}
      <Textarea className="field field--textarea" placeholder="处理说明（居民可见）" value={draft.note} maxlength={NOTE_MAX} onInput={(e) => change({ note: e.detail.value })} />
      <FormFooter error={form.error} label="提交处理" busy={form.busy} small onSubmit={() => void form.submit()} />
    </View>
  );
}

/** 申诉处理: the appeals queue; each open one is explained or corrected here. */
export function AppealsSection() {
  const [filter, setFilter] = useState<AppealStatus | 'all'>('open');
  const appeals = useSignedInRequest(() => listAppeals(filter === 'all' ? undefined : filter));
  const { run } = appeals;
  useEffect(() => void run(), [run, filter]);
  return (
    <View>
      <Chips options={FILTERS} value={filter} onChange={setFilter} />
      {appeals.error && <ErrorState error={appeals.error} onRetry={run} />}
      {!appeals.data && !appeals.error && <LoadingState />}
      {appeals.data && appeals.data.length === 0 && <EmptyState text={filter === 'open' ? '没有待处理的申诉' : '还没有申诉'} />}
      {appeals.data?.map((appeal) => (
        <AppealCard key={appeal.id} appeal={appeal}>
          {appeal.status === 'open' && <ResolveForm appeal={appeal} onResolved={run} />}
        </AppealCard>
      ))}
    </View>
  );
}
