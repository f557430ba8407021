import { Text, View } from '@tarojs/components';
import type { PlaceLookup } from '@sqtb/shared';
import { kindWords, resumedWords } from '../words';

/** One place as the public may see it: name, kind, whether it has resumed and since when. Nothing personal. */
export function LookupItem({ item }: { item: PlaceLookup['items'][number] }) {
  return (
    <View className="card">
      <View className="card__head">
        <Text className="card__title">{item.name}</Text>
        <Text className={`tag tag--${item.resumed ? 'green' : 'grey'}`}>{resumedWords(item.resumed)}</Text>
      </View>
      <Text className="card__meta">{item.resumed && item.since ? `${kindWords(item.kind)} · ${item.since} 起复工` : kindWords(item.kind)}</Text>
    </View>
  );
}
