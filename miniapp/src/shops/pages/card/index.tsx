import { Button, Text, View } from '@tarojs/components';
import { ErrorState, LoadingState } from '../../../core/components/status';
import { InspectionPanel } from '../../components/inspection-panel';
import { Alerts, GradeHistory, Inspections, LinkedComplaints } from '../../components/shop-record';
import { ShopSummary } from '../../components/shop-summary';
import { useShopCard } from '../../use-shop-card';
import '../../shops.css';

/**
 * One street shop (`?id=`): its grade and why, how the grade moved, the latest
 * inspections, patrol alerts and linked complaints; handling units and district
 * staff record an inspection here too.
 */
export default function ShopCardPage() {
  const card = useShopCard();
  const data = card.data;
  if (!data) {
    return <View className="page">{card.error ? <ErrorState error={card.error} onRetry={card.run} /> : <LoadingState />}</View>;
  }
  const { shop } = data;
  return (
    <View className="page">
      {card.error && <ErrorState error={card.error} onRetry={card.run} />}
      <ShopSummary shop={shop} />
      {data.mayInspect && !card.inspecting && (
        <Button className="button button--primary" onClick={() => card.setInspecting(true)}>
          记录巡查
        </Button>
      )}
      {card.inspecting && <InspectionPanel shop={shop} onRecorded={() => void card.run()} onClose={() => card.setInspecting(false)} />}

      <Text className="section-title">等级变化</Text>
      <GradeHistory history={shop.gradeHistory} />
      <Text className="section-title">最近巡查</Text>
      <Inspections inspections={shop.inspections} />
      <Text className="section-title">巡查车告警</Text>
      <Alerts alerts={shop.alerts} />
      <Text className="section-title">关联投诉</Text>
      <LinkedComplaints complaints={shop.complaints} onOpen={card.openComplaint} />
    </View>
  );
}
