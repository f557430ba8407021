import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { useSignedInRequest } from '../../accounts/use-signed-in-request';
import { EmptyState, ErrorState, LoadingState } from '../../core/components/status';
import { fetchRiskRegions } from '../api';
import { RISK_LEVEL_LABELS, RISK_LEVEL_TONES } from '../words';

/** 风险地区: the published list travel is checked against (a trip to a medium or high one within 14 days turns the code yellow). */
export function RegionsSection() {
  const regions = useSignedInRequest(fetchRiskRegions);
  const { run } = regions;
  useEffect(() => void run(), [run]);
  if (regions.error) return <ErrorState error={regions.error} onRetry={run} />;
  if (!regions.data) return <LoadingState />;
  if (regions.data.length === 0) return <EmptyState text="暂无风险地区" />;
  return (
    <View>
      <Text className="hint">居民 14 天内到过中、高风险地区（到达日不早于定级日期）为黄码。</Text>
      {regions.data.map((region) => (
        <View key={region.code} className="card">
          <View className="card__head">
            <Text className="card__title">{region.name}</Text>
            <Text className={`tag tag--${RISK_LEVEL_TONES[region.level]}`}>{RISK_LEVEL_LABELS[region.level]}</Text>
          </View>
          <Text className="card__meta">{`${region.since} 起 · 代码 ${region.code}`}</Text>
        </View>
      ))}
    </View>
  );
}
