import { Text, View } from '@tarojs/components';
import type { MyPlace } from '@sqtb/shared';
import { QrCode } from '../../core/components/qr-code';
import { kindWords, POSTER_INSTRUCTION } from '../words';

/** The poster a place hangs at its door: its name, the QR of its code and what to do with it. */
export function PlacePoster({ place }: { place: MyPlace }) {
  return (
    <View className="poster">
      <Text className="poster__title">{`场所码 · ${kindWords(place.kind)}`}</Text>
      <Text className="poster__name">{place.name}</Text>
      <View className="poster__qr">
        <QrCode value={place.token} width={280} />
      </View>
      <Text className="poster__instruction">{POSTER_INSTRUCTION}</Text>
      <Text className="poster__address">{place.address}</Text>
    </View>
  );
}
