import { Text, View } from '@tarojs/components';
import type { ComplaintView } from '@sqtb/shared';
import { Row } from '../../core/components/row';
import { formatShanghai } from '../../core/time';
import { STAR_WORDS } from '../actions';
import { currentLimit } from '../status';
import { PhotoGrid } from './photo-grid';
import { RedLight, StatusTag } from './status-tag';

/** What was reported, where, by whom, its status, red light and time limit. */
export function ComplaintSummary({ complaint: c }: { complaint: ComplaintView }) {
  const limit = currentLimit(c);
  return (
    <View className={`card${c.overdue ? ' card--overdue' : ''}`}>
      <View className="card__head">
        <Text className="card__title">{c.categoryName}</Text>
        <StatusTag status={c.status} />
        <RedLight complaint={c} />
      </View>
      <Text className="card__text">{c.description}</Text>
      <PhotoGrid urls={c.photoUrls} />
      <Row label="地址" value={c.address} />
      <Row label="反映人" value={c.anonymous ? `${c.reporterName}（匿名）` : c.reporterName} />
      <Row label="提交时间" value={formatShanghai(c.createdAt)} />
      {limit && <Row label={limit.label} value={formatShanghai(limit.at)} />}
      {c.meTooCount > 0 && <Row label="附近居民" value={`${c.meTooCount} 人也遇到了`} />}
      {c.reopenCount > 0 && <Row label="重办" value={`${c.reopenCount} 次`} />}
      {c.urgeCount > 0 && <Row label="督办" value={`${c.urgeCount} 次`} />}
    </View>
  );
}

/** The answer so far: why it was refused, or what the unit did and how it was rated. */
export function ComplaintOutcome({ complaint: c }: { complaint: ComplaintView }) {
  if (!c.rejectionReason && !c.resolutionNote && !c.rating) return null;
  // After a bad rating the matter is back with the unit: the note and rating are the previous round's.
  const previous = c.status === 'dispatched' && c.reopenCount > 0 ? '上次' : '';
  return (
    <View className="card">
      {c.rejectionReason && <Row label="不予受理理由" value={c.rejectionReason} />}
      {c.resolutionNote && (
        <View>
          <Text className="row__label">{`${previous}处置结果`}</Text>
          <Text className="card__text">{c.resolutionNote}</Text>
          <PhotoGrid urls={c.resolutionPhotoUrls} />
        </View>
      )}
      {c.rating && (
        <Row
          label={`${previous}居民评价`}
          value={`${'★'.repeat(c.rating.stars)} ${STAR_WORDS[c.rating.stars - 1] ?? ''}${c.rating.comment ? `：${c.rating.comment}` : ''}`}
        />
      )}
    </View>
  );
}
