import { Text, View } from '@tarojs/components';
import type { HealthCodeResponse } from '@sqtb/shared';
import { formatShanghai } from '../../core/time';
import { COLOR_LABELS, countdownText } from '../words';
import { QrCode } from '../../core/components/qr-code';

interface Props {
  code: HealthCodeResponse;
  now: number;
  msLeft: number;
  expired: boolean;
  onRefresh: () => void;
}

/** The block shown at the gate: the colour, the QR of the signed token, the masked name and a live clock. */
export function CodeCard({ code, now, msLeft, expired, onRefresh }: Props) {
  return (
    <View className={`code-card code-card--${code.color}`}>
      <Text className="code-card__name">{code.maskedName}</Text>
      <Text className="code-card__color">{COLOR_LABELS[code.color]}</Text>
      <View className="code-card__qr" onClick={expired ? onRefresh : undefined}>
        <QrCode value={code.token} dimmed={expired} />
        {expired && <Text className="code-card__expired">二维码已过期，点击刷新</Text>}
      </View>
      <Text className="code-card__clock">{formatShanghai(now, { seconds: true })}</Text>
      <Text className="code-card__expiry">{expired ? '二维码已过期' : `有效期剩余 ${countdownText(msLeft)}，到期前自动更新`}</Text>
    </View>
  );
}
