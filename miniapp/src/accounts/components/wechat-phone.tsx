import { Button, Text, View } from '@tarojs/components';
import { PrivacyGate } from '../../core/components/privacy-gate';
import { isH5 } from '../../core/platform';
import { useSend } from '../../core/use-send';
import { postPhoneCode } from '../api';

const LABEL = '使用微信手机号';

interface Props {
  /** The number WeChat gave, masked, once it is on file. */
  masked?: string;
  onMasked: (masked: string) => void;
}

/**
 * 一键填写手机号: WeChat's `getPhoneNumber` button (after the privacy
 * agreement). Its code goes to the BFF, which asks WeChat for the number, keeps
 * it and answers it masked; the form shows that. Typing the number stays as the
 * fallback, and H5 (no such button) only types.
 */
export function WechatPhone({ masked, onMasked }: Props) {
  const sending = useSend(postPhoneCode);
  if (isH5()) return null;
  if (masked) {
    return (
      <View className="wechat-phone">
        <Text>{`手机号 ${masked}`}</Text>
        <Text className="hint">来自微信</Text>
      </View>
    );
  }
  const take = async (code: string | undefined) => {
    // No code: the user closed WeChat's sheet; typing is still there.
    if (!code) return;
    const reply = await sending.send(code);
    if (reply) onMasked(reply.phoneMasked);
  };
  return (
    <View>
      <PrivacyGate label={LABEL}>
        <Button className="button button--plain" openType="getPhoneNumber" loading={sending.busy} disabled={sending.busy} onGetPhoneNumber={(e) => void take(e.detail.code)}>
          {LABEL}
        </Button>
      </PrivacyGate>
      {sending.error && <Text className="message--error">{sending.error}</Text>}
      <Text className="hint">或在下方手动填写手机号码</Text>
    </View>
  );
}
