import Taro from '@tarojs/taro';
import { isH5 } from './platform';
import { withPrivacy } from './privacy';
import { wxCall } from './wx-call';

export interface ChosenPhoto {
  /** The local temp path (a blob: URL on H5). */
  path: string;
  /** Bytes, as the picker reports them (0 when it does not). */
  size: number;
}

/**
 * Let the user pick up to `count` photos: `chooseMedia`, images only, WeChat's
 * compressed copies, after the privacy agreement. Resolves with none when the
 * user cancels or declines.
 */
export async function choosePhotos(count: number): Promise<ChosenPhoto[]> {
  if (count <= 0) return [];
  try {
    const chosen = await withPrivacy(() =>
      wxCall<Taro.chooseMedia.SuccessCallbackResult>((callbacks) =>
        Taro.chooseMedia({
          count,
          mediaType: ['image'],
          sizeType: ['compressed'],
          // H5: the browser's own file picker already offers the camera on phones.
          sourceType: isH5() ? ['album'] : ['album', 'camera'],
          ...callbacks,
        }),
      ),
    );
    return (chosen?.tempFiles ?? []).slice(0, count).map((file) => ({ path: file.tempFilePath, size: file.size ?? 0 }));
  } catch {
    return []; // cancelled
  }
}
