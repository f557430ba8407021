import { Button, Text, View } from '@tarojs/components';
import type { VisitReply } from '@sqtb/shared';
import { formatShanghai } from '../../core/time';
import { useNow } from '../../core/use-now';
import { COLOR_LABELS, reasonInWords } from '../../health-code/words';
import { entryWords } from '../words';

interface Props {
  visit: VisitReply;
  onDone: () => void;
}

/**
 * The gate card (数字哨兵): the whole screen in the visitor's colour, the place,
 * the masked name and 可以进入 / 不可进入 in large type, and a clock that shows
 * seconds, so a screenshot held up at the gate is told from the live card.
 * The clock ticks only while the card is shown (useNow clears its timer on unmount).
 */
export function GateCard({ visit, onDone }: Props) {
  const now = useNow(1000);
  return (
    <View className={`verdict verdict--${visit.color} gate gate--${visit.color}`}>
      <Text className="gate__place">{visit.place.name}</Text>
      <Text className="gate__name">{visit.nameMasked}</Text>
      <Text className="gate__color">{COLOR_LABELS[visit.color]}</Text>
      <Text className="gate__verdict">{entryWords(visit.allowed)}</Text>
      {!visit.allowed &&
        visit.reasons.map((reason) => (
          <Text key={reason} className="gate__reason">
            {reasonInWords(reason)}
          </Text>
        ))}
      <Text className="gate__clock">{formatShanghai(now, { seconds: true })}</Text>
      <Text className="gate__meta">{`登记于 ${formatShanghai(visit.at, { seconds: true })}`}</Text>
      <Button className="button gate__done" onClick={onDone}>
        完成
      </Button>
    </View>
  );
}
