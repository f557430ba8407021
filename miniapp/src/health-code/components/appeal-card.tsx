import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { AppealView } from '@sqtb/shared';
import { formatShanghai } from '../../core/time';
import { APPEAL_STATUS_LABELS, APPEAL_STATUS_TONES, colorLabel, medicalStatusLabel } from '../words';

/** One appeal: who (district staff only), the colour it was filed against, why, and how it was resolved. */
export function AppealCard({ appeal, children }: { appeal: AppealView; children?: ReactNode }) {
  const who = appeal.name ? `${appeal.name}${appeal.idMasked ? ` · ${appeal.idMasked}` : ''}` : '我的申诉';
  return (
    <View className="card">
      <View className="card__head">
        <Text className="card__title">{who}</Text>
        <Text className={`tag tag--${APPEAL_STATUS_TONES[appeal.status]}`}>{APPEAL_STATUS_LABELS[appeal.status]}</Text>
      </View>
      <Text className="card__meta">{`${formatShanghai(appeal.createdAt)} 申诉 · 当时为${colorLabel(appeal.colorAtFiling)}`}</Text>
      <Text className="card__text">{appeal.reason}</Text>
      {appeal.resolutionNote && (
        <Text className="card__text appeal__resolution">{`处理结果：${appeal.resolutionNote}${appeal.resolvedAt ? `（${formatShanghai(appeal.resolvedAt)}）` : ''}`}</Text>
      )}
      {appeal.correction && <Text className="card__meta">{`更正为${medicalStatusLabel(appeal.correction.status)}（${appeal.correction.date} 起）`}</Text>}
      {children}
    </View>
  );
}
