import { Button, Input, Text, View } from '@tarojs/components';
import { ID_NUMBER_LENGTH, PHONE_LENGTH, type OrgResponse, type RegistrationView } from '@sqtb/shared';
import { WechatPhone } from '../../accounts/components/wechat-phone';
import { Chips } from '../../core/components/chips';
import { FormFooter } from '../../core/components/form-footer';
import { isH5 } from '../../core/platform';
import { HOUSEHOLD_SIZE_DIGITS, TEXT_MAX } from '../registration-draft';
import { useRegistration } from '../use-registration';

interface Props {
  org: OrgResponse;
  onRegistered: (registration: RegistrationView) => void;
}

/** 居民信息登记: a household registers with its committee before it can reserve. */
export function RegistrationForm({ org, onRegistered }: Props) {
  const form = useRegistration(org, onRegistered);
  const { draft, change } = form;
  return (
    <View>
      <Text className="page__subtitle">预约口罩前，请先登记家庭信息。每户每轮可预约一次，由居委会核对。</Text>
      <Text className="section-title">户主信息</Text>
      <Input className="field" placeholder="户主姓名" value={draft.name} maxlength={TEXT_MAX.name} onInput={(e) => change({ name: e.detail.value })} />
      <Input className="field" placeholder={`身份证号（${ID_NUMBER_LENGTH} 位）`} type="idcard" value={draft.idNumber} maxlength={ID_NUMBER_LENGTH} onInput={(e) => change({ idNumber: e.detail.value })} />
      <WechatPhone masked={draft.wechatPhone} onMasked={(wechatPhone) => change({ wechatPhone })} />
      <Input
        className="field"
        placeholder={draft.wechatPhone ? '或填写其他手机号码' : '手机号码'}
        type="number"
        value={draft.phone}
        maxlength={PHONE_LENGTH}
        onInput={(e) => change({ phone: e.detail.value })}
      />

      <Text className="section-title">所属居委会</Text>
      <Chips options={org.committees.map((c) => ({ value: c.id, label: c.name }))} value={draft.committeeId} onChange={form.pickCommittee} />
      {!isH5() && (
        <Button className="button button--plain" onClick={() => void form.pickOnMap()}>
          在地图上选择住址位置
        </Button>
      )}
      {draft.location ? (
        <Text className="hint">{`已选位置：${draft.location.lat.toFixed(5)}, ${draft.location.lng.toFixed(5)}${isH5() ? '（居委辖区中心）' : ''}`}</Text>
      ) : (
        <Text className="hint">选择居委会后，以其辖区中心定位；药店按距离排序。</Text>
      )}
      <Input className="field" placeholder="详细住址，例如：潍坊路 388 弄 5 号 201 室" value={draft.address} maxlength={TEXT_MAX.address} onInput={(e) => change({ address: e.detail.value })} />
      <Input className="field" placeholder="家庭人数" type="number" value={draft.householdSize} maxlength={HOUSEHOLD_SIZE_DIGITS} onInput={(e) => change({ householdSize: e.detail.value })} />

      <FormFooter problems={form.problems} error={form.error} label="提交登记" busy={form.busy} onSubmit={() => void form.submit()} />
      <Text className="hint">身份证号仅用于核对家庭身份，页面上只显示脱敏后的号码。</Text>
    </View>
  );
}
