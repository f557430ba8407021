import { Text, View } from '@tarojs/components';
import type { HomeEntry } from '@sqtb/shared';

export function EntryCard({ entry, onOpen }: { entry: HomeEntry; onOpen: (entry: HomeEntry) => void }) {
  return (
    <View
      className={`entry${entry.built ? '' : ' entry--not-built'}`}
      onClick={() => onOpen(entry)}
    >
      <View className="entry__head">
        <Text className="entry__title">{entry.title}</Text>
        {!entry.built && <Text className="badge">建设中</Text>}
      </View>
      <Text className="entry__description">{entry.description}</Text>
    </View>
  );
}
