import { Text, View } from '@tarojs/components';
import type { PlaceVisits } from '@sqtb/shared';
import { COLOR_LABELS } from '../../health-code/words';
import { outcomeWords } from '../words';

type Color = PlaceVisits['items'][number]['color'];

interface Props {
  title: string;
  /** The time, already in Shanghai words. */
  when: string;
  color: Color;
  allowed: boolean;
  /** Marks a non-green arrival (the place's own list). */
  flagged?: boolean;
}

/** One visit: its colour as a dot, who or where, when, and whether the gate let them in. */
export function VisitRow({ title, when, color, allowed, flagged = false }: Props) {
  return (
    <View className={`visit${flagged ? ' visit--flagged' : ''}`}>
      <Text className={`visit__dot visit__dot--${color}`} />
      <View className="visit__main">
        <Text className="visit__title">{title}</Text>
        <Text className="visit__meta">{`${when} · ${COLOR_LABELS[color]}`}</Text>
      </View>
      <Text className={`visit__outcome visit__outcome--${allowed ? 'allowed' : 'refused'}`}>{outcomeWords(allowed)}</Text>
    </View>
  );
}
