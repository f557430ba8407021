import { Text, View } from '@tarojs/components';
import { findCategory, INSPECTION_OUTCOME_WORDS, VIOLATION_TYPE_WORDS, type ShopDetail } from '@sqtb/shared';
import { StatusTag } from '../../complaints/components/status-tag';
import { formatShanghai } from '../../core/time';
import { gradeMove } from '../shop-words';

const excerpt = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Each change of grade, newest first as the BFF gives them: from → to, why, when. */
export function GradeHistory({ history }: { history: ShopDetail['gradeHistory'] }) {
  if (history.length === 0) return <Text className="hint">暂无等级变化</Text>;
  return (
    <View>
      {history.map((change) => (
        <View key={`${change.at}-${change.to}`} className="card grade-change">
          <Text className="card__title">{gradeMove(change.from, change.to)}</Text>
          {change.reasons.map((reason) => (
            <Text key={reason} className="card__text">{`· ${reason}`}</Text>
          ))}
          <Text className="card__meta">{formatShanghai(change.at)}</Text>
        </View>
      ))}
    </View>
  );
}

/** The latest inspections: outcome, violation type, note, by whom (a unit), when. */
export function Inspections({ inspections }: { inspections: ShopDetail['inspections'] }) {
  if (inspections.length === 0) return <Text className="hint">暂无巡查记录</Text>;
  return (
    <View>
      {inspections.map((i) => (
        <View key={i.id} className={`card inspection inspection--${i.outcome}`}>
          <View className="card__head">
            <Text className="card__title">{INSPECTION_OUTCOME_WORDS[i.outcome]}</Text>
            {i.violationType && <Text className="tag tag--red">{VIOLATION_TYPE_WORDS[i.violationType]}</Text>}
          </View>
          <Text className="card__text">{i.note}</Text>
          <Text className="card__meta">{`${i.by} · ${formatShanghai(i.at)}${i.photoIds.length > 0 ? ` · 照片 ${i.photoIds.length} 张` : ''}`}</Text>
        </View>
      ))}
    </View>
  );
}

/** Patrol-vehicle alerts attached to the shop. */
export function Alerts({ alerts }: { alerts: ShopDetail['alerts'] }) {
  if (alerts.length === 0) return <Text className="hint">暂无巡查车告警</Text>;
  return (
    <View>
      {alerts.map((a) => (
        <View key={a.id} className="row">
          <Text className="row__label">{formatShanghai(a.at)}</Text>
          <Text>{VIOLATION_TYPE_WORDS[a.violationType]}</Text>
        </View>
      ))}
    </View>
  );
}

/** Complaints linked to the shop; a tap opens the matter. */
export function LinkedComplaints({ complaints, onOpen }: { complaints: ShopDetail['complaints']; onOpen: (id: string) => void }) {
  if (complaints.length === 0) return <Text className="hint">暂无关联投诉</Text>;
  return (
    <View>
      {complaints.map((c) => (
        <View key={c.id} className="card linked-complaint" onClick={() => onOpen(c.id)}>
          <View className="card__head">
            <Text className="card__title">{findCategory(c.category)?.name ?? c.category}</Text>
            <StatusTag status={c.status} />
          </View>
          <Text className="card__text">{excerpt(c.description)}</Text>
          <Text className="card__meta">{formatShanghai(c.createdAt)}</Text>
        </View>
      ))}
    </View>
  );
}
