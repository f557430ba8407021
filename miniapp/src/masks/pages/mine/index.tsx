import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useSignedInRequest } from '../../../accounts/use-signed-in-request';
import { EmptyState, ErrorState, LoadingState } from '../../../core/components/status';
import { useReloadOnShowAndPull } from '../../../core/page-events';
import { ROUTES } from '../../../core/routes';
import { useNow } from '../../../core/use-now';
import { fetchMyReservations } from '../../api';
import { PickupCard } from '../../components/pickup-card';

/** 我的口罩预约: the latest reservation with its pickup code, then the earlier ones. */
export default function MyMaskReservationsPage() {
  const list = useSignedInRequest(fetchMyReservations);
  useReloadOnShowAndPull(list.run);
  const now = useNow(1000);

  if (!list.data) return <View className="page">{list.error ? <ErrorState error={list.error} onRetry={list.run} /> : <LoadingState />}</View>;
  if (list.data.length === 0) {
    return (
      <View className="page">
        <EmptyState text="还没有口罩预约" />
        <Button className="button button--primary" onClick={() => void Taro.redirectTo({ url: ROUTES.masksReserve })}>
          去预约
        </Button>
      </View>
    );
  }
  const [latest, ...earlier] = list.data;
  return (
    <View className="page">
      <PickupCard reservation={latest} now={now} />
      {earlier.length > 0 && <Text className="section-title">往期预约</Text>}
      {earlier.map((r) => (
        <PickupCard key={r.id} reservation={r} now={now} />
      ))}
    </View>
  );
}
