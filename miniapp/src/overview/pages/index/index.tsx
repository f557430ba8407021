import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import type { Overview } from '@sqtb/shared';
import { EmptyState, ErrorState, LoadingState } from '../../../core/components/status';
import { formatShanghai } from '../../../core/time';
import { ComplaintsSection } from '../../components/complaints-section';
import { FilingsSection } from '../../components/filings-section';
import { HealthSection } from '../../components/health-section';
import { MasksSection } from '../../components/masks-section';
import { PlacesSection } from '../../components/places-section';
import { ShopsSection } from '../../components/shops-section';
import { SuccessSection } from '../../components/success-section';
import { OVERVIEW_PATH } from '../../links';
import { useOverview } from '../../use-overview';
import '../../overview.css';

const LEVEL_WORDS: Record<Overview['scope']['level'], string> = { district: '全区', street: '街道', committee: '居委会' };

/** Nothing has happened in scope yet: no complaint, round, resident, filing, shop, visit or candidate. */
const isEmpty = (o: Overview) =>
  o.complaints.total.received === 0 &&
  o.complaints.overdueNow === 0 &&
  o.masks.round === null &&
  o.health.totals.green + o.health.totals.yellow + o.health.totals.red === 0 &&
  Object.values(o.filings.byStatus).every((n) => n === 0) &&
  o.shops.totals.low + o.shops.totals.medium + o.shops.totals.high === 0 &&
  o.places.total.visits === 0 &&
  o.places.candidates.awaiting === 0;

/**
 * 综合总览: one screen of the four services, street order and place codes for district staff (the district,
 * or a street or committee given as `?streetId=` / `?committeeId=`) and cadres
 * (their committee). Every figure with a list behind it opens that list.
 */
export default function OverviewPage() {
  const { params } = useRouter();
  const query = useMemo(() => ({ streetId: params.streetId || undefined, committeeId: params.committeeId || undefined }), [params.streetId, params.committeeId]);
  const state = useOverview(query);
  const data = state.data;
  const narrowed = Boolean(query.streetId || query.committeeId);
  return (
    <View className="page">
      {state.error && <ErrorState error={state.error} onRetry={state.run} />}
      {!data && !state.error && <LoadingState />}
      {data && (
        <View>
          <Text className="page__title">{`${data.overview.scope.name}总览`}</Text>
          <Text className="page__subtitle">{`${LEVEL_WORDS[data.overview.scope.level]} · 统计时间 ${formatShanghai(data.overview.generatedAt)}`}</Text>
          {narrowed && data.viewer === 'district' && (
            <Text className="overview-link overview-back" onClick={() => void Taro.redirectTo({ url: OVERVIEW_PATH })}>
              返回全区总览
            </Text>
          )}
          {isEmpty(data.overview) && <EmptyState text="范围内还没有任何办理数据" />}
          <SuccessSection data={data} />
          <ComplaintsSection data={data} state={state} />
          <MasksSection data={data} state={state} />
          <HealthSection data={data} state={state} />
          <FilingsSection data={data} state={state} />
          <ShopsSection data={data} state={state} />
          <PlacesSection data={data} state={state} />
        </View>
      )}
    </View>
  );
}
