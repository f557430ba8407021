import { Text } from '@tarojs/components';
import type { ComplaintStatus, ComplaintView } from '@sqtb/shared';
import { overdueText, STATUS_LABELS, STATUS_TONES } from '../status';

export function StatusTag({ status }: { status: ComplaintStatus }) {
  return <Text className={`tag tag--${STATUS_TONES[status]}`}>{STATUS_LABELS[status]}</Text>;
}

/** The red light (亮灯) of an overdue matter; nothing when it is within its limit. */
export function RedLight({ complaint }: { complaint: Pick<ComplaintView, 'overdue' | 'overdueReason'> }) {
  const text = overdueText(complaint);
  if (!text) return null;
  return (
    <Text className="red-light">
      <Text className="red-light__dot" />
      {text}
    </Text>
  );
}
