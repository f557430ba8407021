import { Button, Input, Text, View } from '@tarojs/components';
import { PICKUP_CODE_LENGTH } from '@sqtb/shared';
import { Chips } from '../../../core/components/chips';
import { FormFooter } from '../../../core/components/form-footer';
import { EmptyState, ErrorState, LoadingState } from '../../../core/components/status';
import { isH5 } from '../../../core/platform';
import { RedeemResultCard } from '../../components/redeem-result';
import { ReservationRow } from '../../components/reservation-row';
import { StockPanel } from '../../components/stock-panel';
import { PHARMACY_FILTERS, usePharmacyReservations } from '../../use-pharmacy-reservations';
import { useRedeem } from '../../use-redeem';

const EMPTY: Record<string, string> = { waiting: '没有待取货的预约', today: '今天还没有新的预约', redeemed: '还没有核销记录' };

/** 核销取货码: the pharmacist redeems a resident's pickup code once, and sees the pharmacy's reservations. */
export default function RedeemPage() {
  const reservations = usePharmacyReservations();
  const { list } = reservations;
  const r = useRedeem(() => void list.run());

  return (
    <View className="page">
      <Text className="page__subtitle">{isH5() ? `请输入居民出示的 ${PICKUP_CODE_LENGTH} 位取货码。` : `扫描居民的取货二维码，或输入 ${PICKUP_CODE_LENGTH} 位取货码。`}</Text>
      {!isH5() && (
        <Button className="button button--primary" disabled={r.busy} loading={r.busy} onClick={() => void r.scan()}>
          扫码核销
        </Button>
      )}
      <Input className="field field--pickup" placeholder={`输入 ${PICKUP_CODE_LENGTH} 位取货码`} type="number" value={r.code} maxlength={PICKUP_CODE_LENGTH} onInput={(e) => r.setCode(e.detail.value)} />
      <FormFooter error={r.inputError} label="核销" busy={r.busy} tone={isH5() ? 'primary' : 'plain'} onSubmit={() => void r.redeem()} />
      {r.result && <RedeemResultCard result={r.result} />}

      <Text className="section-title">本店预约</Text>
      <Text className="hint">{`今日预约 ${reservations.counts.today} 份 · 待取货 ${reservations.counts.waiting} 份 · 已核销 ${reservations.counts.redeemed} 份`}</Text>
      <Chips options={PHARMACY_FILTERS} value={reservations.filter} onChange={reservations.setFilter} />
      {list.error && <ErrorState error={list.error} onRetry={list.run} />}
      {!list.data && !list.error && <LoadingState />}
      {list.data && reservations.shown.length === 0 && <EmptyState text={EMPTY[reservations.filter]} />}
      {reservations.shown.map((item) => (
        <ReservationRow key={item.id} reservation={item} />
      ))}

      <Text className="section-title">库存</Text>
      <StockPanel />
    </View>
  );
}
