import { Input, Text, View } from '@tarojs/components';
import { CREDIT_CODE_LENGTH, PHONE_LENGTH, type OrgResponse } from '@sqtb/shared';
import { WechatPhone } from '../../accounts/components/wechat-phone';
import { Chips } from '../../core/components/chips';
import { DateField } from '../../core/components/date-field';
import { TEXT_MAX } from '../filing-draft';
import type { FilingForm } from '../use-filing-form';
import { creditCodeWords, phoneWords } from '../words';

/**
 * The credit code checked as it is typed: a count while it is short, the
 * check-character verdict once all 18 are there (or anything is wrong before).
 */
export function CreditCodeCheck({ value, tried }: { value: string; tried: boolean }) {
  const code = value.trim();
  if (!code) return tried ? <Text className="field-problem">请填写统一社会信用代码</Text> : null;
  const problem = creditCodeWords(code);
  if (!problem) return <Text className="field-ok">✓ 统一社会信用代码校验通过</Text>;
  const onlyShort = code.length < CREDIT_CODE_LENGTH && problem.includes(`应为 ${CREDIT_CODE_LENGTH} 位`);
  if (onlyShort && !tried) return <Text className="hint">{`已填 ${code.length} / ${CREDIT_CODE_LENGTH} 位`}</Text>;
  return <Text className="field-problem">{problem}</Text>;
}

/** A phone number checked once 11 digits are typed (or after 下一步). */
function PhoneCheck({ value, tried }: { value: string; tried: boolean }) {
  const phone = value.trim();
  if (!phone || (phone.length < 11 && !tried)) return null;
  const problem = phoneWords(phone);
  return problem ? <Text className="field-problem">{problem}</Text> : null;
}

/** Step 1: who the enterprise is, where, who to call, and when it reopens. */
export function CompanyStep({ form, org }: { form: FilingForm; org?: OrgResponse }) {
  const { draft, change, tried } = form;
  const committees = (org?.committees ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <View>
      <Text className="section-title">企业名称</Text>
      <Input className="field" placeholder="营业执照上的企业名称" value={draft.enterpriseName} maxlength={TEXT_MAX.enterpriseName} onInput={(e) => change({ enterpriseName: e.detail.value })} />
      <Text className="section-title">统一社会信用代码</Text>
      <Input
        className="field field--code"
        placeholder="18 位统一社会信用代码"
        value={draft.creditCode}
        maxlength={CREDIT_CODE_LENGTH}
        onInput={(e) => change({ creditCode: e.detail.value.toUpperCase() })}
      />
      <CreditCodeCheck value={draft.creditCode} tried={tried} />
      <Text className="section-title">经营地址</Text>
      <Input className="field" placeholder="经营场所详细地址" value={draft.address} maxlength={TEXT_MAX.address} onInput={(e) => change({ address: e.detail.value })} />
      <Text className="section-title">所属居委会</Text>
      {committees.length > 0 ? (
        <Chips options={committees} value={draft.committeeId} onChange={(committeeId) => change({ committeeId })} />
      ) : (
        <Text className="hint">正在加载居委会…</Text>
      )}
      <Text className="section-title">联系人</Text>
      <Input className="field" placeholder="联系人姓名" value={draft.contactName} maxlength={TEXT_MAX.contactName} onInput={(e) => change({ contactName: e.detail.value })} />
      <WechatPhone masked={draft.wechatPhone} onMasked={(wechatPhone) => change({ wechatPhone })} />
      <Input
        className="field"
        type="number"
        placeholder={draft.wechatPhone ? '或填写其他联系人手机号' : '联系人手机号'}
        value={draft.contactPhone}
        maxlength={PHONE_LENGTH}
        onInput={(e) => change({ contactPhone: e.detail.value })}
      />
      <PhoneCheck value={draft.contactPhone} tried={tried} />
      <Text className="section-title">计划复工日期</Text>
      <DateField value={draft.reopenDate} onChange={(reopenDate) => change({ reopenDate })} placeholder="选择复工日期" />
    </View>
  );
}
