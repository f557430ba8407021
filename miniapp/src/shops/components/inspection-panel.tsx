import { Button, Text, Textarea, View } from '@tarojs/components';
import { INSPECTION_MAX_PHOTOS, type InspectionReply, type ShopView } from '@sqtb/shared';
import { PhotoPicker } from '../../complaints/components/photo-picker';
import { Chips } from '../../core/components/chips';
import { FormFooter } from '../../core/components/form-footer';
import { NOTE_MAX, OUTCOME_OPTIONS, VIOLATION_OPTIONS } from '../inspection-draft';
import { gradeClass, gradeMove, nextFallWords } from '../shop-words';
import { useInspection } from '../use-inspection';
import { GradeTag } from './grade-tag';

interface Props {
  shop: Pick<ShopView, 'id' | 'name' | 'grade'>;
  /** Reload what the new grade changes (the patrol list, the card). */
  onRecorded: () => void;
  onClose: () => void;
}

/** What the inspection did to the grade, said at once: "等级：低风险 → 高风险" and why. */
export function GradeAnswer({ reply, onClose }: { reply: InspectionReply; onClose: () => void }) {
  const { shop } = reply;
  return (
    <View className="card inspection-answer">
      <Text className="card__title">巡查记录已保存</Text>
      <Text className={`inspection-answer__grade ${gradeClass('text', shop.grade)}`}>{`等级：${gradeMove(reply.previousGrade, shop.grade)}`}</Text>
      {shop.reasons.map((reason) => (
        <Text key={reason} className="card__text">{`· ${reason}`}</Text>
      ))}
      {shop.nextFallOn && <Text className="card__meta">{nextFallWords(shop.nextFallOn)}</Text>}
      <Button className="button button--plain" onClick={onClose}>
        完成
      </Button>
    </View>
  );
}

/** Record an inspection (巡查记录) of one shop; once sent, the grade it answered. */
export function InspectionPanel({ shop, onRecorded, onClose }: Props) {
  const form = useInspection(shop.id, onRecorded);
  if (form.result) return <GradeAnswer reply={form.result} onClose={onClose} />;
  const { draft, change } = form;
  return (
    <View className="inspection-form">
      <View className="card__head">
        <Text className="card__title">{`巡查：${shop.name}`}</Text>
        <GradeTag grade={shop.grade} />
      </View>

      <Text className="section-title">巡查结果</Text>
      <Chips options={OUTCOME_OPTIONS} value={draft.outcome} onChange={(outcome) => change({ outcome })} />

      {draft.outcome === 'violation' && (
        <View>
          <Text className="section-title">违规类型</Text>
          <Chips options={VIOLATION_OPTIONS} value={draft.violationType} onChange={(violationType) => change({ violationType })} />
        </View>
      )}

      <Text className="section-title">巡查情况</Text>
      <Textarea
        className="field field--textarea"
        placeholder="现场情况、整改要求等"
        value={draft.note}
        maxlength={NOTE_MAX}
        onInput={(e) => change({ note: e.detail.value })}
      />

      <Text className="section-title">{`现场照片（选填，最多 ${INSPECTION_MAX_PHOTOS} 张）`}</Text>
      <PhotoPicker uploads={form.photos} max={INSPECTION_MAX_PHOTOS} />

      <FormFooter problems={form.problems} error={form.error} label="提交巡查记录" busy={form.busy} onSubmit={() => void form.submit()} />
      <Button className="button button--plain" disabled={form.busy} onClick={onClose}>
        取消
      </Button>
    </View>
  );
}
