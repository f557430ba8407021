import { Text, View } from '@tarojs/components';
import type { HealthCodeResponse } from '@sqtb/shared';
import { reasonInWords } from '../words';

/** Why the code is not green, in plain words; a short all-clear when it is. */
export function ReasonList({ reasons, regionNames }: { reasons: HealthCodeResponse['reasons']; regionNames: ReadonlyMap<string, string> }) {
  if (reasons.length === 0) return <Text className="hint">未发现需要管控的情况，请继续做好个人防护。</Text>;
  return (
    <View className="card">
      {reasons.map((reason) => (
        <View key={reason.rule} className="reason">
          <Text className={`reason__dot reason__dot--${reason.color}`} />
          <Text className="reason__text">{reasonInWords(reason.text, regionNames)}</Text>
        </View>
      ))}
    </View>
  );
}
