import { Text, View } from '@tarojs/components';
import { EmptyState, ErrorState, LoadingState } from '../../../core/components/status';
import { InspectionPanel } from '../../components/inspection-panel';
import { ShopRow } from '../../components/map-lists';
import { distanceWords, sinceInspectionWords } from '../../shop-words';
import { usePatrol } from '../../use-patrol';
import type { PatrolItem } from '../../api';
import '../../shops.css';

const rowExtra = (item: PatrolItem) =>
  [sinceInspectionWords(item.daysSinceInspection), item.distanceMeters !== undefined ? `距您 ${distanceWords(item.distanceMeters)}` : ''].filter(Boolean).join(' · ');

/**
 * 街面巡查 (handling units): today's shops in the BFF's order; tapping one opens
 * its inspection form, whose answer shows the new grade while the list reloads.
 */
export default function PatrolPage() {
  const patrol = usePatrol();
  const data = patrol.data;
  if (patrol.inspecting) {
    return (
      <View className="page">
        <InspectionPanel key={patrol.inspecting.id} shop={patrol.inspecting} onRecorded={() => void patrol.run()} onClose={patrol.close} />
      </View>
    );
  }
  if (!data) {
    return <View className="page">{patrol.error ? <ErrorState error={patrol.error} onRetry={patrol.run} /> : <LoadingState />}</View>;
  }
  return (
    <View className="page">
      {patrol.error && <ErrorState error={patrol.error} onRetry={patrol.run} />}
      <Text className="page__title">今日巡查</Text>
      <Text className="page__subtitle">{`${data.list.date} · 高风险优先，其次未巡查最久`}</Text>
      {!data.located && <Text className="hint">未获取到当前位置，不显示距离</Text>}
      {data.list.items.length === 0 && <EmptyState text="今天没有需要巡查的商户" />}
      {data.list.items.map((item) => (
        <ShopRow key={item.id} shop={item} onOpen={() => patrol.inspect(item)} extra={rowExtra(item)} />
      ))}
    </View>
  );
}
