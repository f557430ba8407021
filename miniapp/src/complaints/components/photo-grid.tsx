import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { assetUrl } from '../../core/config';

/** Photos from the BFF's signed links; tap to view them full screen. */
export function PhotoGrid({ urls }: { urls: string[] }) {
  if (urls.length === 0) return null;
  const full = urls.map(assetUrl);
  return (
    <View className="photos">
      {full.map((url) => (
        <View key={url} className="photo" onClick={() => void Taro.previewImage({ urls: full, current: url })}>
          <Image className="photo__image" src={url} mode="aspectFill" />
        </View>
      ))}
    </View>
  );
}
