import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { formatShanghai } from '../../core/time';
import type { ComplaintListItem } from '../api';
import { RedLight, StatusTag } from './status-tag';

interface Props {
  complaint: ComplaintListItem;
  onOpen: (id: string) => void;
  /** Extra controls under the card (e.g. 催办 on the dashboard). */
  children?: ReactNode;
}

const excerpt = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** One matter in a list: what, where, its status and red light. Tap opens the detail. */
export function ComplaintCard({ complaint, onOpen, children }: Props) {
  return (
    <View className={`card${complaint.overdue ? ' card--overdue' : ''}`}>
      <View onClick={() => onOpen(complaint.id)}>
        <View className="card__head">
          <Text className="card__title">{complaint.categoryName}</Text>
          <StatusTag status={complaint.status} />
          <RedLight complaint={complaint} />
        </View>
        <Text className="card__text">{excerpt(complaint.description)}</Text>
        <Text className="card__meta">{complaint.address}</Text>
        <Text className="card__meta">
          {`${formatShanghai(complaint.createdAt)}${complaint.meTooCount > 0 ? ` · ${complaint.meTooCount} 人也遇到了` : ''}${
            complaint.reopenCount > 0 ? ` · 重办 ${complaint.reopenCount} 次` : ''
          }`}
        </Text>
      </View>
      {children}
    </View>
  );
}
