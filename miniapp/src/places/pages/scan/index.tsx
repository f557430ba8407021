import { Text, Textarea, View } from '@tarojs/components';
import { scanInSchema } from '@sqtb/shared';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { FormFooter } from '../../../core/components/form-footer';
import { isH5 } from '../../../core/platform';
import { maxLength } from '../../../core/schema-limits';
import { ROUTES } from '../../../core/routes';
import { useKeepScreenOn } from '../../../core/use-keep-screen-on';
import { GateCard } from '../../components/gate-card';
import { usePlaceScan } from '../../use-place-scan';
import '../../places.css';

const TOKEN_MAX = maxLength(scanInSchema.shape.placeToken);

/** Leave the card: back where the resident came from (home when the page was opened directly). */
const leave = () => void Taro.navigateBack().catch(() => Taro.reLaunch({ url: ROUTES.home }));

/**
 * 扫场所码: a resident scans the code at a place's door and shows the gate card.
 * On weapp the camera opens as the page does; H5 has no camera, so the code's
 * text is pasted (also what the H5 journey does).
 */
export default function PlaceScanPage() {
  const scan = usePlaceScan();
  useKeepScreenOn();
  useEffect(() => {
    if (!isH5()) void scan.scan();
    // Once, as the page opens (not on show: closing the camera shows the page again).
  }, []);

  if (scan.visit) return <GateCard visit={scan.visit} onDone={leave} />;
  return (
    <View className="page">
      <Text className="page__subtitle">进入企业、药店或居委会服务站前，扫描门口张贴的场所码登记，并向工作人员出示结果。</Text>
      {isH5() ? (
        <View>
          <Textarea className="field field--textarea" placeholder="粘贴场所码码值" value={scan.text} maxlength={TOKEN_MAX} onInput={(e) => scan.setText(e.detail.value)} />
          <FormFooter error={scan.error} label="登记" busy={scan.busy} onSubmit={() => void scan.submitText()} />
          <Text className="hint">网页版无法调用相机扫码：请在场所码海报下方点「显示码值」，复制后粘贴到这里。</Text>
        </View>
      ) : (
        <FormFooter error={scan.error} label="扫码" busy={scan.busy} onSubmit={() => void scan.scan()} />
      )}
    </View>
  );
}
