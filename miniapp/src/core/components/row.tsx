import { Text, View } from '@tarojs/components';

/** One label / value line of a card (grey label left, value right). */
export function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="row">
      <Text className="row__label">{label}</Text>
      <Text>{value}</Text>
    </View>
  );
}
