import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FormFooter } from '../../../core/components/form-footer';
import { ErrorState, LoadingState } from '../../../core/components/status';
import { ROUTES } from '../../../core/routes';
import { PharmacyList } from '../../components/pharmacy-list';
import { RegistrationForm } from '../../components/registration-form';
import { RegistrationTag, ReservationTag } from '../../components/tags';
import { useReserve } from '../../use-reserve';
import { useReservePage } from '../../use-reserve-page';
import { reasonText, reservationExplanation } from '../../words';

const openMine = () => void Taro.navigateTo({ url: ROUTES.masksMine });

/** 口罩预约: register the household once, then reserve this round's masks at a nearby pharmacy. */
export default function ReserveMasksPage() {
  const page = useReservePage();
  const reserving = useReserve();
  const [pharmacyId, setPharmacyId] = useState<string | undefined>();

  const { data } = page;
  if (!data) return <View className="page">{page.error ? <ErrorState error={page.error} onRetry={page.run} /> : <LoadingState />}</View>;
  if (!data.registration) {
    return (
      <View className="page">
        <RegistrationForm org={data.org} onRegistered={() => void page.run()} />
      </View>
    );
  }

  const { registration, pharmacies, current } = data;
  const roundId = pharmacies?.roundId ?? undefined;
  return (
    <View className="page">
      <View className="card">
        <View className="card__head">
          <Text className="card__title">家庭登记</Text>
          <RegistrationTag status={registration.status} />
        </View>
        <Text className="card__text">{`${registration.name} · ${registration.householdSize} 人 · ${registration.idMasked}`}</Text>
        <Text className="card__meta">{registration.address}</Text>
        {registration.status !== 'approved' && <Text className="hint">{reasonText(registration.reason) ?? '居委审核通过后即可直接分配药店。'}</Text>}
      </View>

      {!pharmacies && <Text className="message--error">未找到您登记的居委会，无法查询附近药店，请联系居委。</Text>}
      {pharmacies && !roundId && <Text className="round round--closed">当前没有开放的预约，请关注下一轮。</Text>}
      {roundId && <Text className="round round--open">本轮预约开放中：每户限约一次，预约成功后凭取货码到药店领取。</Text>}

      {current ? (
        <View className="card">
          <View className="card__head">
            <Text className="card__title">本轮已预约</Text>
            <ReservationTag status={current.status} />
          </View>
          {current.pharmacy && <Text className="card__text">{current.pharmacy.name}</Text>}
          {reservationExplanation(current.status, current.reason) && <Text className="card__meta">{reservationExplanation(current.status, current.reason)}</Text>}
          <Button className="button button--primary" onClick={openMine}>
            查看取货码
          </Button>
        </View>
      ) : (
        roundId && (
          <View>
            <Text className="section-title">附近药店（实时库存）</Text>
            <PharmacyList pharmacies={pharmacies!.items} picked={pharmacyId} onPick={setPharmacyId} disabled={reserving.busy} />
            {registration.status !== 'approved' && <Text className="hint">家庭登记审核中：预约将先交居委审核，通过后分配药店。</Text>}
            <FormFooter error={reserving.error} label="预约" busy={reserving.busy} onSubmit={() => void reserving.reserve({ roundId, pharmacyId })} />
          </View>
        )
      )}
      <Button className="button button--plain" onClick={openMine}>
        我的预约记录
      </Button>
    </View>
  );
}
