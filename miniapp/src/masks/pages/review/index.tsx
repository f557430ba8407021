import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { registrationReviewBodySchema, type RegistrationForReview } from '@sqtb/shared';
import { Chips } from '../../../core/components/chips';
import { EmptyState, ErrorState, LoadingState } from '../../../core/components/status';
import { maxLength } from '../../../core/schema-limits';
import { formatShanghai } from '../../../core/time';
import { ReservationRow } from '../../components/reservation-row';
import { RegistrationTag } from '../../components/tags';
import { useReview } from '../../use-review';
import { reasonText } from '../../words';

type Tab = 'registrations' | 'reservations';
const REVIEW_REASON_MAX = maxLength(registrationReviewBodySchema.shape.reason.unwrap());

function RegistrationCard({ r, busy, onDecide }: { r: RegistrationForReview; busy: boolean; onDecide: (approve: boolean, reason?: string) => Promise<boolean> }) {
  const [reason, setReason] = useState('');
  return (
    <View className="card">
      <View className="card__head">
        <Text className="card__title">{r.name}</Text>
        <RegistrationTag status={r.status} />
      </View>
      <Text className="card__text">{`${r.address} · ${r.householdSize} 人`}</Text>
      <Text className="card__meta">{`${r.idMasked} · ${r.phone ?? r.phoneMasked}`}</Text>
      {r.reason && <Text className="card__text">{reasonText(r.reason)}</Text>}
      <Text className="card__meta">{`登记于 ${formatShanghai(r.createdAt, { short: true })}`}</Text>
      <Input className="field" placeholder="驳回理由（选填，居民可见）" value={reason} maxlength={REVIEW_REASON_MAX} onInput={(e) => setReason(e.detail.value)} />
      <View className="row">
        <Button className="button button--primary button--small" disabled={busy} loading={busy} onClick={() => void onDecide(true)}>
          通过登记
        </Button>
        <Button className="button button--danger button--small" disabled={busy} onClick={() => void onDecide(false, reason.trim() || undefined)}>
          驳回登记
        </Button>
      </View>
    </View>
  );
}

/** 预约与登记审核: the cadre settles what the automatic rules could not. A link may open a tab with `?tab=`. */
export default function MaskReviewPage() {
  const review = useReview();
  const { params } = useRouter();
  const [tab, setTab] = useState<Tab>(params.tab === 'reservations' ? 'reservations' : 'registrations');
  const regs = review.registrations;
  const resv = review.reservations;
  const tabs = [
    { value: 'registrations' as const, label: `家庭登记${regs.data ? `（${regs.data.length}）` : ''}` },
    { value: 'reservations' as const, label: `口罩预约${resv.data ? `（${resv.data.length}）` : ''}` },
  ];

  return (
    <View className="page">
      <Chips options={tabs} value={tab} onChange={setTab} />
      {tab === 'registrations' ? (
        <View>
          <Text className="hint">地址不在辖区内或该地址已有家庭登记时，需要您核实后决定。</Text>
          {review.registrationError && <Text className="message--error">{review.registrationError}</Text>}
          {regs.error && <ErrorState error={regs.error} onRetry={regs.run} />}
          {!regs.data && !regs.error && <LoadingState />}
          {regs.data?.length === 0 && <EmptyState text="没有待审核的家庭登记" />}
          {regs.data?.map((r) => (
            <RegistrationCard key={r.id} r={r} busy={review.acting === r.id} onDecide={(approve, reason) => review.decideRegistration(r.id, approve, reason)} />
          ))}
        </View>
      ) : (
        <View>
          <Text className="hint">家庭未登记或登记审核中的预约；通过时按距离分配有货的药店。</Text>
          {review.reservationError && <Text className="message--error">{review.reservationError}</Text>}
          {resv.error && <ErrorState error={resv.error} onRetry={resv.run} />}
          {!resv.data && !resv.error && <LoadingState />}
          {resv.data?.length === 0 && <EmptyState text="没有待审核的口罩预约" />}
          {resv.data?.map((item) => (
            <ReservationRow key={item.id} reservation={item}>
              <View className="row">
                <Button className="button button--primary button--small" disabled={review.acting === item.id} loading={review.acting === item.id} onClick={() => void review.decideReservation(item.id, true)}>
                  通过预约
                </Button>
                <Button className="button button--danger button--small" disabled={review.acting === item.id} onClick={() => void review.decideReservation(item.id, false)}>
                  驳回预约
                </Button>
              </View>
            </ReservationRow>
          ))}
        </View>
      )}
    </View>
  );
}
