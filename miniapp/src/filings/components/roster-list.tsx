import { Text, View } from '@tarojs/components';
import type { RosterMember } from '../api';
import { HEALTH_COLOR_LABELS } from '../words';

/** The roster with each employee's health-code colour as a dot; red and yellow first. */
export function RosterList({ roster }: { roster: readonly RosterMember[] }) {
  const order = { red: 0, yellow: 1, green: 2 } as const;
  const sorted = [...roster].sort((a, b) => order[a.healthColor] - order[b.healthColor]);
  const count = (color: RosterMember['healthColor']) => roster.filter((m) => m.healthColor === color).length;
  return (
    <View className="card">
      <Text className="card__meta">{`共 ${roster.length} 人：绿码 ${count('green')} · 黄码 ${count('yellow')} · 红码 ${count('red')}`}</Text>
      {sorted.map((member) => (
        <View key={`${member.idMasked}-${member.name}`} className="member">
          <View className={`dot dot--${member.healthColor}`} />
          <Text className="member__name">{member.name}</Text>
          <Text className={`tag ${member.healthColor === 'green' ? 'tag--green' : member.healthColor === 'yellow' ? 'tag--orange' : 'tag--red'}`}>
            {HEALTH_COLOR_LABELS[member.healthColor]}
          </Text>
          <Text className="member__meta">{`${member.phoneMasked} · ${member.idMasked}`}</Text>
        </View>
      ))}
    </View>
  );
}
