import { Button, Text, View } from '@tarojs/components';
import { OVERLAP_MINUTES } from '@sqtb/shared';
import { ErrorState, LoadingState } from '../../core/components/status';
import { formatShanghai } from '../../core/time';
import { useContactCandidates } from '../use-contact-candidates';
import './contact-candidates.css';

/** One tickable line: who (masked), where and when they were there, and whether a code can be given to them. */
function CandidateRow({ ticked, onToggle, nameMasked, placeName, at, identified }: { ticked: boolean; onToggle: () => void; nameMasked: string; placeName: string; at: string; identified: boolean }) {
  return (
    <View className="candidate" onClick={onToggle}>
      <Text className={`candidate__box${ticked ? ' candidate__box--on' : ''}`}>{ticked ? '✓' : ''}</Text>
      <View>
        <Text className="card__title">{nameMasked}</Text>
        <Text className="card__meta">{`${placeName} · ${formatShanghai(at)}`}</Text>
        {!identified && <Text className="candidate__unidentified">未实名登记：确认也无法赋码，请另行联系</Text>}
      </View>
    </View>
  );
}

/** 密接候选 of a confirmed case, decided in bulk: 确认为密接 or 排除 the ticked ones. */
export function ContactCandidates({ caseId }: { caseId: string }) {
  const c = useContactCandidates(caseId);
  if (!c.data) return c.loadError ? <ErrorState error={c.loadError} onRetry={c.reload} /> : <LoadingState />;
  return (
    <View className="candidates">
      <Text className="hint">{`与病例同一场所、前后 ${OVERLAP_MINUTES} 分钟内扫码到访的人（姓名已脱敏），时间为到访时间。`}</Text>
      {c.told && <Text className="candidates__told">{c.told}</Text>}
      {c.items.length === 0 ? (
        <Text className="hint">暂无待处理的密接候选</Text>
      ) : (
        <View>
          <View className="candidates__head">
            <Text className="candidates__all" onClick={c.toggleAll}>
              {c.allSelected ? '全部不选' : `全选（${c.items.length} 人）`}
            </Text>
            <Text className="card__meta">{`已选 ${c.selected.size} 人`}</Text>
          </View>
          {c.items.map((item) => (
            <CandidateRow key={item.userId} ticked={c.selected.has(item.userId)} onToggle={() => c.toggle(item.userId)} nameMasked={item.nameMasked} placeName={item.place.name} at={item.overlapAt} identified={item.identified} />
          ))}
          {c.error && <Text className="message--error">{c.error}</Text>}
          <View className="candidate__actions">
            <Button className="button button--primary" disabled={c.busy} loading={c.busy} onClick={() => void c.decide('confirm')}>
              确认为密接
            </Button>
            <Button className="button button--plain" disabled={c.busy} onClick={() => void c.decide('dismiss')}>
              排除
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
