import { Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { ID_NUMBER_LENGTH, type CaseList, type CaseRecord } from '@sqtb/shared';
import { leaveIfUnauthenticated } from '../../accounts/sign-out';
import { Chips } from '../../core/components/chips';
import { DateField } from '../../core/components/date-field';
import { FormFooter } from '../../core/components/form-footer';
import { PagedListView } from '../../core/components/paged-list';
import { formatShanghai } from '../../core/time';
import { usePagedList } from '../../core/use-paged-list';
import { ContactCandidates } from '../../places/components/contact-candidates';
import { listCases } from '../api';
import { CASE_NOTE_MAX, CASE_SOURCE_LABELS } from '../case-words';
import { useCaseForm } from '../use-case-form';
import { MEDICAL_STATUS_OPTIONS, medicalStatusLabel } from '../words';

/** The medical status records, newest first, loaded when the tab opens. */
function useCaseList() {
  const list = usePagedList<CaseRecord, CaseList>(listCases, leaveIfUnauthenticated);
  const { refresh } = list;
  useEffect(() => void refresh(), [refresh]);
  return list;
}

function CaseForm({ onSaved }: { onSaved: () => Promise<void> }) {
  const form = useCaseForm(onSaved);
  return (
    <View className="card">
      <Text className="section-title">按身份证号设置状态</Text>
      <Input className="field" type="idcard" placeholder={`居民身份证号（${ID_NUMBER_LENGTH} 位）`} value={form.draft.idNumber} maxlength={ID_NUMBER_LENGTH} onInput={(e) => form.change({ idNumber: e.detail.value })} />
      <Chips options={MEDICAL_STATUS_OPTIONS} value={form.draft.status} onChange={(status) => form.change({ status })} disabled={form.busy} />
      <DateField value={form.draft.date} end={form.today} onChange={(date) => form.change({ date })} />
      <Input className="field" placeholder="备注（选填）" value={form.draft.note} maxlength={CASE_NOTE_MAX} onInput={(e) => form.change({ note: e.detail.value })} />
      <FormFooter error={form.error} label="设置状态" busy={form.busy} onSubmit={() => void form.submit()} />
      <Text className="hint">状态即时影响该居民的随申码颜色；解除时请设为「解除隔离」。</Text>
    </View>
  );
}

function CaseRow({ item }: { item: CaseRecord }) {
  // A confirmed case's place-code visits name its close-contact candidates.
  const [candidatesOpen, setCandidatesOpen] = useState(false);
  return (
    <View className="card">
      <View className="card__head">
        <Text className="card__title">{item.idMasked}</Text>
        <Text className="tag tag--blue">{medicalStatusLabel(item.status)}</Text>
      </View>
      <Text className="card__meta">{`${item.date} 起 · ${CASE_SOURCE_LABELS[item.source] ?? item.source} · 录入于 ${formatShanghai(item.createdAt)}`}</Text>
      {item.note && <Text className="card__text">{item.note}</Text>}
      {item.status === 'confirmed' && (
        <Text className="token__toggle" onClick={() => setCandidatesOpen(!candidatesOpen)}>
          {candidatesOpen ? '收起密接候选' : '查看密接候选'}
        </Text>
      )}
      {candidatesOpen && <ContactCandidates caseId={item.id} />}
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
