import { Text, View } from '@tarojs/components';
import type { RedeemResult } from '../use-redeem';
import { groupedCode } from '../words';

/** The outcome of one code, big enough to read across the counter. */
export function RedeemResultCard({ result }: { result: RedeemResult }) {
  if (result.ok) {
    return (
      <View className="redeem-result redeem-result--ok">
        <Text className="redeem-result__title">核销成功</Text>
        <Text className="redeem-result__text">{`请发放口罩 ${result.reservation.quantity} 只`}</Text>
        <Text className="redeem-result__meta">{`取货码 ${groupedCode(result.code)}`}</Text>
      </View>
    );
  }
  return (
    <View className="redeem-result redeem-result--fail">
      <Text className="redeem-result__title">核销失败</Text>
      <Text className="redeem-result__text">{result.text}</Text>
      <Text className="redeem-result__meta">{`取货码 ${groupedCode(result.code)}`}</Text>
    </View>
  );
}
