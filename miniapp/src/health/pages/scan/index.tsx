import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { isH5 } from '../../../core/platform';
import { VerdictScreen } from '../../components/verdict-screen';
import { useScan } from '../../use-scan';

/** 扫码验证: staff at a gate check a resident's code; the BFF checks the signature and the 5-minute expiry. */
export default function ScanPage() {
  const scan = useScan();
  if (scan.verdict) return <VerdictScreen verdict={scan.verdict} onDismiss={scan.dismiss} />;
  return (
    <View className="page">
      <Text className="page__subtitle">请居民出示随申码；颜色与姓名以核验结果为准，截图无效。</Text>
      <Input className="field" placeholder="验证地点（选填），例如：药房门口" value={scan.place} maxlength={100} onInput={(e) => scan.setPlace(e.detail.value)} />
      {isH5() ? (
        <View>
          <Textarea
            className="field field--textarea"
            placeholder="粘贴或输入随申码码值"
            value={scan.token}
            maxlength={4000}
            onInput={(e) => scan.setToken(e.detail.value)}
          />
          <Button className="button button--primary" disabled={scan.verifying} loading={scan.verifying} onClick={() => void scan.verify()}>
            验证
          </Button>
          <Text className="hint">网页版无法调用相机：请居民在随申码页点「显示码值」，复制后粘贴到这里。</Text>
        </View>
      ) : (
        <Button className="button button--primary" disabled={scan.verifying} loading={scan.verifying} onClick={() => void scan.scan()}>
          扫码
        </Button>
      )}
      {scan.error && <Text className="message--error">{scan.error}</Text>}
    </View>
  );
}
