import { Button, Text, View } from '@tarojs/components';
import type { HealthCodeResponse } from '@sqtb/shared';
import { COLOR_LABELS, nextChangeText } from '../words';
import { ReasonList } from './reason-list';

/** The colour a step led to (after a declaration), with its reasons and the way back to the code. */
export function CodeResult({ code, regionNames, onShowCode }: { code: HealthCodeResponse; regionNames: ReadonlyMap<string, string>; onShowCode: () => void }) {
  const nextChange = nextChangeText(code.color, code.nextChangeOn);
  return (
    <View>
      <View className={`code-result code-result--${code.color}`}>
        <Text className="code-result__title">申报成功</Text>
        <Text className="code-result__color">{`当前为${COLOR_LABELS[code.color]}`}</Text>
      </View>
      {nextChange && <Text className="code-next">{nextChange}</Text>}
      <ReasonList reasons={code.reasons} regionNames={regionNames} />
      <Button className="button button--primary" onClick={onShowCode}>
        查看随申码
      </Button>
    </View>
  );
}
