import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { isH5 } from './platform';

const keepScreenOn = (on: boolean) => {
  if (isH5()) return; // no such API in a browser
  Promise.resolve()
    .then(() => Taro.setKeepScreenOn({ keepScreenOn: on }))
    .catch(() => undefined); // a phone that refuses only dims as usual
};

/**
 * Keep the phone's screen on while this page is shown (a code held up to a
 * gate scanner must not dim), and let it sleep again once it is hidden or left.
 */
export function useKeepScreenOn(): void {
  useDidShow(() => keepScreenOn(true));
  useDidHide(() => keepScreenOn(false));
  useEffect(() => () => keepScreenOn(false), []);
}
