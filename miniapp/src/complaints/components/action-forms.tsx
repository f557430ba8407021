import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { COMPLAINT_MAX_PHOTOS, type ComplaintView } from '@sqtb/shared';
import { useSignedInRequest } from '../../accounts/use-signed-in-request';
import type { ChipOption } from '../../core/components/chips';
import { Chips } from '../../core/components/chips';
import { FormFooter } from '../../core/components/form-footer';
import { ErrorState, LoadingState } from '../../core/components/status';
import { fetchOrg } from '../../org/api';
import { dispatchBody, rateBody, rejectBody, reopensOnRating, resolveBody, STAR_WORDS, TEXT_MAX, type ActionEntry, type Built } from '../actions';
import { usePhotoUploads } from '../use-photo-uploads';
import { PhotoPicker } from './photo-picker';
import { ShopPick } from './shop-pick';

/** What every form gets: its action, whether something is being sent, and how to send. */
export interface FormProps {
  entry: ActionEntry;
  busy: boolean;
  send: (entry: ActionEntry, body?: Record<string, unknown>) => Promise<void>;
}

/** Send a built body, or show why it cannot be sent yet. */
function useBuiltSender({ entry, send }: FormProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const submit = <T extends object>(built: Built<T>) => {
    if (!built.ok) {
      setProblem(built.message);
      return;
    }
    setProblem(null);
    void send(entry, built.body as Record<string, unknown>);
  };
  return { problem, submit };
}

/** 受理, 归档, 催办, 我也遇到了: one tap (归档 asks first: it ends the matter's life). */
export function ConfirmAction({ entry, busy, send }: FormProps) {
  const onTap = async () => {
    if (entry.action === 'archive') {
      const { confirm } = await Taro.showModal({ title: '归档', content: '归档后该事项不再变化，确定归档吗？' });
      if (!confirm) return;
    }
    await send(entry, {});
  };
  return (
    <Button className={`button ${entry.action === 'accept' ? 'button--primary' : 'button--plain'}`} disabled={busy} onClick={() => void onTap()}>
      {entry.label}
    </Button>
  );
}

/** 不予受理: the reason is shown to the resident, so it is required. */
export function ReasonForm(props: FormProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { problem, submit } = useBuiltSender(props);
  if (!open) {
    return (
      <Button className="button button--danger" disabled={props.busy} onClick={() => setOpen(true)}>
        {props.entry.label}
      </Button>
    );
  }
  return (
    <View className="card">
      <Text className="section-title">不予受理的理由（居民可见）</Text>
      <Textarea className="field field--textarea" placeholder="请填写理由，例如：不属于本居委会辖区" value={reason} maxlength={TEXT_MAX.reason} onInput={(e) => setReason(e.detail.value)} />
      <FormFooter error={problem} label="确认不予受理" tone="danger" disabled={props.busy} onSubmit={() => submit(rejectBody(reason))} />
      <Button className="button button--plain" onClick={() => setOpen(false)}>
        取消
      </Button>
    </View>
  );
}

/** 派单: pick the handling unit; the one that handles this category is preselected. */
export function DispatchForm(props: FormProps & { complaint: ComplaintView }) {
  const org = useSignedInRequest(fetchOrg);
  const { run } = org;
  useEffect(() => void run(), [run]);
  const [unitId, setUnitId] = useState<string | undefined>(props.complaint.suggestedUnitId);
  const [note, setNote] = useState('');
  const { problem, submit } = useBuiltSender(props);

  if (org.error) return <ErrorState error={org.error} onRetry={run} />;
  if (!org.data) return <LoadingState text="正在加载处置部门…" />;
  const options: ChipOption<string>[] = org.data.units.map((unit) => ({
    value: unit.id,
    label: unit.id === props.complaint.suggestedUnitId ? `${unit.name}（建议）` : unit.name,
  }));
  return (
    <View className="card">
      <Text className="section-title">派单至处置部门</Text>
      <Chips options={options} value={unitId} onChange={setUnitId} disabled={props.busy} />
      <Input className="field" placeholder="派单说明（选填）" value={note} maxlength={TEXT_MAX.dispatchNote} onInput={(e) => setNote(e.detail.value)} />
      <FormFooter error={problem} label={props.entry.label} disabled={props.busy} onSubmit={() => submit(dispatchBody(unitId, note))} />
    </View>
  );
}

/** 办结: what was done, with photos of the result. */
export function ResolveForm(props: FormProps) {
  const [note, setNote] = useState('');
  const photos = usePhotoUploads(COMPLAINT_MAX_PHOTOS);
  const { problem, submit } = useBuiltSender(props);
  const onSubmit = () => {
    if (photos.uploading) return submit({ ok: false, message: '照片还在上传，请稍候' });
    if (photos.failed) return submit({ ok: false, message: '有照片上传失败，请删除后重试' });
    submit(resolveBody(note, photos.ids));
  };
  return (
    <View className="card">
      <Text className="section-title">处置结果（居民可见）</Text>
      <Textarea className="field field--textarea" placeholder="请填写处置结果" value={note} maxlength={TEXT_MAX.resolveNote} onInput={(e) => setNote(e.detail.value)} />
      <Text className="hint">{`可附现场照片（最多 ${COMPLAINT_MAX_PHOTOS} 张）`}</Text>
      <PhotoPicker uploads={photos} max={COMPLAINT_MAX_PHOTOS} />
      <FormFooter error={problem} label={props.entry.label} disabled={props.busy} onSubmit={onSubmit} />
    </View>
  );
}

/** 评价: 3–5 stars close the matter, 1–2 send it back to the unit. */
export function RateForm(props: FormProps) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const { problem, submit } = useBuiltSender(props);
  return (
    <View className="card">
      <Text className="section-title">对处置结果的评价</Text>
      <View className="stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <Text key={n} className={`star${n <= stars ? ' star--on' : ''}`} onClick={() => setStars(n)}>
            ★
          </Text>
        ))}
        {stars > 0 && <Text className="row__label">{`${stars} 星 · ${STAR_WORDS[stars - 1]}`}</Text>}
      </View>
      {reopensOnRating(stars) && <Text className="hint">1–2 星表示不满意：事项将退回处置部门重新办理。</Text>}
      <Textarea className="field field--textarea" placeholder="说说您的看法（选填）" value={comment} maxlength={TEXT_MAX.comment} onInput={(e) => setComment(e.detail.value)} />
      <FormFooter error={problem} label={props.entry.label} disabled={props.busy} onSubmit={() => submit(rateBody(stars, comment))} />
    </View>
  );
}

/** 关联商铺: the unit links the matter to the street shop that causes it, corrects the link, or clears it. */
export function ShopLinkForm(props: FormProps & { complaint: ComplaintView }) {
  const [shopId, setShopId] = useState<string | undefined>(props.complaint.shop?.id);
  const { problem, submit } = useBuiltSender(props);
  return (
    <View className="card">
      <ShopPick title="涉及商铺（计入商铺风险等级）" at={props.complaint.location} linked={props.complaint.shop} value={shopId} onChange={setShopId} disabled={props.busy} />
      {!props.complaint.shop && <Text className="hint">附近没有登记的商铺时，此处不显示可选商铺。</Text>}
      <FormFooter error={problem} label={props.entry.label} disabled={props.busy} onSubmit={() => submit({ ok: true, body: { shopId: shopId ?? null } })} />
    </View>
  );
}
