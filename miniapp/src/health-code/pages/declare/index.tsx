import { Input, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo } from 'react';
import { DECLARATION_MAX_TRIPS } from '@sqtb/shared';
import { useSignedInRequest } from '../../../accounts/use-signed-in-request';
import { MultiChips } from '../../../core/components/chips';
import { FormFooter } from '../../../core/components/form-footer';
import { ErrorState, LoadingState } from '../../../core/components/status';
import { ROUTES } from '../../../core/routes';
import { fetchRiskRegions } from '../../api';
import { CodeResult } from '../../components/code-result';
import { AddTripButton, TripList } from '../../components/trip-list';
import { SYMPTOM_OPTIONS } from '../../declaration-draft';
import { useDeclaration } from '../../use-declaration';

const backToCode = () => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: ROUTES.healthCode }));

/** 健康申报: temperature, symptoms, travel and home observation; the new colour comes back at once. */
export default function DeclarePage() {
  const form = useDeclaration();
  const regions = useSignedInRequest(fetchRiskRegions);
  const { run } = regions;
  useEffect(() => void run(), [run]);
  const regionNames = useMemo(() => new Map((regions.data ?? []).map((r) => [r.code, r.name])), [regions.data]);
  const { draft, change } = form;

  if (form.result) {
    return (
      <View className="page">
        <CodeResult code={form.result} regionNames={regionNames} onShowCode={backToCode} />
      </View>
    );
  }

  return (
    <View className="page">
      <Text className="section-title">今日体温（℃）</Text>
      <Input className="field" type="digit" placeholder="例如 36.5" value={draft.temperature} maxlength={5} onInput={(e) => change({ temperature: e.detail.value })} />

      <Text className="section-title">近期症状（可多选，没有则不选）</Text>
      <MultiChips options={SYMPTOM_OPTIONS} values={draft.symptoms} onChange={(symptoms) => change({ symptoms })} />

      <Text className="section-title">14 天内的行程</Text>
      {regions.error && <ErrorState error={regions.error} onRetry={run} />}
      {!regions.data && !regions.error && <LoadingState text="正在加载地区…" />}
      {regions.data && (
        <View>
          <TripList trips={draft.travel} regions={regions.data} today={form.today} onChange={form.changeTrip} onRemove={form.removeTrip} />
          <AddTripButton onAdd={form.addTrip} disabled={draft.travel.length >= DECLARATION_MAX_TRIPS} />
        </View>
      )}

      <View className="switch-row">
        <Text>居家观察中</Text>
        <Switch checked={draft.homeObservation} onChange={(e) => change({ homeObservation: e.detail.value })} />
      </View>
      <Text className="hint">请如实申报：体温 ≥ 37.3℃、有症状、14 天内到过中高风险地区或居家观察中，将显示黄码。</Text>

      <FormFooter problems={form.problems} error={form.error} label="提交申报" busy={form.submitting} onSubmit={() => void form.submit()} />
    </View>
  );
}
