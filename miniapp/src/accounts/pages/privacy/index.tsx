import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useUnload } from '@tarojs/taro';
import { useState } from 'react';
import { DEVICE_DATA, WHO_SEES, type NoticeLine } from '../../privacy-notice';
import { isH5 } from '../../../core/platform';
import { answerPrivacy, PRIVACY_AGREE_BUTTON_ID, privacyPageShown, privacyQuestionOpen } from '../../../core/privacy';
import { wxCall } from '../../../core/wx-call';

function Lines({ lines }: { lines: readonly NoticeLine[] }) {
  return (
    <View className="card">
      {lines.map((line) => (
        <View key={line.what} className="notice-line">
          <Text className="notice-line__what">{line.what}</Text>
          <Text className="notice-line__text">{line.text}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * 个人信息与隐私: what the app collects, why, and who sees it. Opened by the
 * privacy gate before location, photos, the clipboard or the phone number are
 * first used (then it asks for the agreement), or from the account page to read.
 */
export default function PrivacyPage() {
  // Asked when opened by the gate; only to be read otherwise.
  const [asking] = useState(privacyQuestionOpen);
  const [answered, setAnswered] = useState(false);
  useDidShow(() => {
    if (asking) privacyPageShown();
  });
  // Leaving without an answer declines: the call that waited does nothing.
  useUnload(() => {
    if (asking && !answered) answerPrivacy(false);
  });

  const answer = (agreed: boolean) => {
    setAnswered(true);
    answerPrivacy(agreed);
    void Taro.navigateBack();
  };

  return (
    <View className="page">
      <Text className="page__subtitle">社区通办只为办理您发起的事项收集个人信息，不用于其他用途，也不提供给第三方。</Text>
      <Text className="section-title">需要您同意才会使用</Text>
      <Lines lines={DEVICE_DATA} />
      <Text className="section-title">您填写的信息，谁能看到</Text>
      <Lines lines={WHO_SEES} />
      {!isH5() && (
        <Text className="link" onClick={() => void wxCall((callbacks) => Taro.openPrivacyContract(callbacks)).catch(() => undefined)}>
          查看《社区通办用户隐私保护指引》
        </Text>
      )}
      {asking && !answered && (
        <View>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className="button button--primary"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => answer(true)}
          >
            同意并继续
          </Button>
          <Button className="button button--plain" onClick={() => answer(false)}>
            不同意
          </Button>
        </View>
      )}
    </View>
  );
}
