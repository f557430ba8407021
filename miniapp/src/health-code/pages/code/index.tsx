import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { errorText } from '../../../core/api-error';
import { ErrorState, LoadingState } from '../../../core/components/status';
import { ROUTES } from '../../../core/routes';
import { useKeepScreenOn } from '../../../core/use-keep-screen-on';
import { PLACE_ROUTES } from '../../../places/routes';
import { CodeCard } from '../../components/code-card';
import { ReasonList } from '../../components/reason-list';
import { TokenText } from '../../components/token-text';
import { useHealthCode } from '../../use-health-code';
import { nextChangeText } from '../../words';

/** 随申码: the resident's colour and signed QR, refreshed before it expires, and why it has that colour. */
export default function HealthCodePage() {
  const state = useHealthCode();
  useKeepScreenOn();
  const { code } = state;

  if (!code) {
    return <View className="page">{state.error ? <ErrorState error={state.error} onRetry={state.reload} /> : <LoadingState />}</View>;
  }
  const nextChange = nextChangeText(code.color, code.nextChangeOn);
  return (
    <View className="page">
      <CodeCard code={code} now={state.now} msLeft={state.msLeft} expired={state.expired} onRefresh={() => void state.reload()} />
      {state.error && <Text className="message--error">{`刷新失败：${errorText(state.error)}`}</Text>}
      {nextChange && <Text className="code-next">{nextChange}</Text>}
      {!code.identified && <Text className="hint">未登记身份证号：颜色仅依据您的自主申报。</Text>}
      <Text className="section-title">赋码依据</Text>
      <ReasonList reasons={code.reasons} regionNames={state.regionNames} />
      <TokenText token={code.token} />
      <Button className="button button--primary" onClick={() => void Taro.navigateTo({ url: PLACE_ROUTES.scan })}>
        扫场所码
      </Button>
      <Button className="button button--plain" onClick={() => void Taro.navigateTo({ url: ROUTES.healthDeclare })}>
        健康申报
      </Button>
      <Button className="button button--plain" onClick={() => void Taro.navigateTo({ url: ROUTES.healthAppeal })}>
        对颜色有异议？申诉
      </Button>
      <Text className="hint">{`规则版本 ${code.rulesVersion}`}</Text>
    </View>
  );
}
