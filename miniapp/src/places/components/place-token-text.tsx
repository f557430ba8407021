import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { withPrivacy } from '../../core/privacy';

/**
 * The code's text, for visitors on the web version (no camera there: they paste it).
 * Hidden until asked for, with a copy button.
 */
export function PlaceTokenText({ token }: { token: string }) {
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
          <Text className="hint">网页版无法扫码的访客可粘贴码值登记；码值长期有效，停用后失效。</Text>
        </View>
      )}
    </View>
  );
}
