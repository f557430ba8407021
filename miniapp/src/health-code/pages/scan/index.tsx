import { Input, Text, Textarea, View } from '@tarojs/components';
import { verifyBodySchema } from '@sqtb/shared';
import { FormFooter } from '../../../core/components/form-footer';
import { isH5 } from '../../../core/platform';
import { maxLength } from '../../../core/schema-limits';
import { VerdictScreen } from '../../components/verdict-screen';
import { useScan } from '../../use-scan';

const PLACE_MAX = maxLength(verifyBodySchema.shape.place.unwrap());
const TOKEN_MAX = maxLength(verifyBodySchema.shape.token);

/** 扫码验证: staff at a gate check a resident's code; the BFF checks the signature and the 5-minute expiry. */
export default function ScanPage() {
  const scan = useScan();
  if (scan.verdict) return <VerdictScreen verdict={scan.verdict} onDismiss={scan.dismiss} />;
  return (
    <View className="page">
      <Text className="page__subtitle">请居民出示随申码；颜色与姓名以核验结果为准，截图无效。</Text>
      <Input className="field" placeholder="验证地点（选填），例如：药房门口" value={scan.place} maxlength={PLACE_MAX} onInput={(e) => scan.setPlace(e.detail.value)} />
      {isH5() ? (
        <View>
          <Textarea
            className="field field--textarea"
            placeholder="粘贴或输入随申码码值"
            value={scan.token}
            maxlength={TOKEN_MAX}
            onInput={(e) => scan.setToken(e.detail.value)}
          />
          <FormFooter error={scan.error} label="验证" busy={scan.verifying} onSubmit={() => void scan.verify()} />
          <Text className="hint">网页版无法调用相机：请居民在随申码页点「显示码值」，复制后粘贴到这里。</Text>
        </View>
      ) : (
        <View>
          <FormFooter error={scan.error} label="扫码" busy={scan.verifying} onSubmit={() => void scan.scan()} />
          <Text className="hint">扫描电脑上的登录二维码，可在电脑上登录本账号。</Text>
        </View>
      )}
    </View>
  );
}
