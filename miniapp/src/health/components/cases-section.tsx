import { Button, Input, Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { leaveIfUnauthenticated } from '../../accounts/sign-out';
import { Chips } from '../../core/components/chips';
import { DateField } from '../../core/components/date-field';
import { PagedListView } from '../../core/components/paged-list';
import { formatShanghai } from '../../core/time';
import { usePagedList, type PageReply } from '../../core/use-paged-list';
import { listCases, type HealthCase } from '../api';
import { CASE_SOURCE_LABELS } from '../case-words';
import { useCaseForm } from '../use-case-form';
import { MEDICAL_STATUS_OPTIONS, medicalStatusLabel } from '../words';

/** The medical status records, newest first, loaded when the tab opens. */
function useCaseList() {
  const list = usePagedList<HealthCase, PageReply<HealthCase>>(listCases, leaveIfUnauthenticated);
  const { refresh } = list;
  useEffect(() => void refresh(), [refresh]);
  return list;
}

function CaseForm({ onSaved }: { onSaved: () => Promise<void> }) {
  const form = useCaseForm(onSaved);
  return (
    <View className="card">
      <Text className="section-title">按身份证号设置状态</Text>
      <Input className="field" type="idcard" placeholder="居民身份证号（18 位）" value={form.draft.idNumber} maxlength={18} onInput={(e) => form.change({ idNumber: e.detail.value })} />
      <Chips options={MEDICAL_STATUS_OPTIONS} value={form.draft.status} onChange={(status) => form.change({ status })} disabled={form.busy} />
      <DateField value={form.draft.date} end={form.today} onChange={(date) => form.change({ date })} />
      <Input className="field" placeholder="备注（选填）" value={form.draft.note} maxlength={200} onInput={(e) => form.change({ note: e.detail.value })} />
      {form.error && <Text className="message--error">{form.error}</Text>}
      <Button className="button button--primary" disabled={form.busy} loading={form.busy} onClick={() => void form.submit()}>
        设置状态
      </Button>
      <Text className="hint">状态即时影响该居民的随申码颜色；解除时请设为「解除隔离」。</Text>
    </View>
  );
}

function CaseRow({ item }: { item: HealthCase }) {
  return (
    <View className="card">
      <View className="card__head">
        <Text className="card__title">{item.idMasked}</Text>
        <Text className="tag tag--blue">{medicalStatusLabel(item.status)}</Text>
      </View>
      <Text className="card__meta">{`${item.date} 起 · ${CASE_SOURCE_LABELS[item.source] ?? item.source} · 录入于 ${formatShanghai(item.createdAt)}`}</Text>
      {item.note && <Text className="card__text">{item.note}</Text>}
    </View>
  );
}

/** 病例状态: set one person's status, and every record so far. */
export function CasesSection() {
  const list = useCaseList();
  return (
    <View>
      <CaseForm onSaved={list.refresh} />
      <Text className="section-title">状态记录（身份证号已脱敏）</Text>
      <PagedListView list={list} emptyText="还没有状态记录" renderItem={(item) => <CaseRow key={item.id} item={item} />} />
    </View>
  );
}
