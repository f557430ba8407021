import { Button, Text, View } from '@tarojs/components';
import { desktopTicketQrText } from '@sqtb/shared';
import { QrCode } from '../../core/components/qr-code';
import { ErrorState, LoadingState } from '../../core/components/status';
import { useDesktopTicket } from '../use-desktop-ticket';

/**
 * 扫码登录 on a computer: a QR code carrying a one-time ticket. Staff scan it
 * with the mini-program's 扫码验证, confirm on the phone, and this browser is
 * signed in as them.
 */
export function DesktopSignIn() {
  const sign = useDesktopTicket();
  return (
    <View className="desktop-ticket">
      <Text className="section-title">用小程序扫码登录</Text>
      {sign.error ? (
        <ErrorState error={sign.error} onRetry={() => void sign.refresh()} />
      ) : sign.expired ? (
        <View>
          <Text className="desktop-ticket__caption">二维码已失效</Text>
          <Button className="button button--primary" onClick={() => void sign.refresh()}>
            刷新二维码
          </Button>
        </View>
      ) : sign.ticket ? (
        <View>
          <QrCode value={desktopTicketQrText(sign.ticket.ticket)} width={220} />
          <Text className="desktop-ticket__caption">打开「社区通办」小程序，在「扫码验证」中扫描此码，并在手机上确认登录。二维码 2 分钟内有效。</Text>
        </View>
      ) : (
        <LoadingState text="正在生成二维码…" />
      )}
    </View>
  );
}
