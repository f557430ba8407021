import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { withPrivacy } from '../../core/privacy';

/**
 * A signed code's text for manual entry, when a camera cannot read the screen
 * (or on a computer): hidden until asked for, with a copy button and a line
 * saying how long it holds. The health code and the place-code poster use it.
 */
export function TokenText({ token, hint = '码值 5 分钟内有效，仅供无法扫码时手工核验。' }: { token: string; hint?: string }) {
  const [shown, setShown] = useState(false);
  return (
    <View className="token">
      <Text className="token__toggle" onClick={() => setShown(!shown)}>
        {shown ? '隐藏码值' : '显示码值'}
      </Text>
      {shown && (
        <View className="card">
          <Text className="token__text" selectable>
            {token}
          </Text>
          <Button className="button button--plain button--small" onClick={() => void withPrivacy(() => Taro.setClipboardData({ data: token })).catch(() => undefined)}>
            复制码值
          </Button>
          <Text className="hint">{hint}</Text>
        </View>
      )}
    </View>
  );
}
