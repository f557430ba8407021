import { Button, Text, View } from '@tarojs/components';
import { formatShanghai } from '../../core/time';
import type { Verdict } from '../use-scan';
import { COLOR_LABELS, INVALID_REASON_TEXT } from '../words';

/** The verdict over the whole screen, in the code's colour (grey when the code is not valid), readable at arm's length. */
export function VerdictScreen({ verdict, onDismiss }: { verdict: Verdict; onDismiss: () => void }) {
  const { result } = verdict;
  const tone = result.valid ? result.color : 'invalid';
  return (
    <View className={`verdict verdict--${tone}`}>
      <Text className="verdict__label">{result.valid ? COLOR_LABELS[result.color] : '无效'}</Text>
      {result.valid ? (
        <View>
          <Text className="verdict__name">{result.maskedName}</Text>
          <Text className="verdict__meta">{`码值有效至 ${formatShanghai(result.expiresAt, { seconds: true })}`}</Text>
        </View>
      ) : (
        <Text className="verdict__reason">{INVALID_REASON_TEXT[result.reason]}</Text>
      )}
      <Text className="verdict__meta">{`核验时间 ${formatShanghai(verdict.at, { seconds: true })}`}</Text>
      <Button className="button verdict__next" onClick={onDismiss}>
        继续验证
      </Button>
    </View>
  );
}
