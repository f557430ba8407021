import { Input, Switch, Text, Textarea, View } from '@tarojs/components';
import { PLAN_MAX, PLAN_MIN, SUPPLIES_DAYS } from '../filing-draft';
import type { FilingForm } from '../use-filing-form';

export const COMMITMENT_TEXT =
  '本企业承诺：严格落实疫情防控主体责任，返岗员工每日测温并登记，发现发热等异常立即报告并隔离观察；' +
  '每日 10:00 前如实报告在岗人数与发热情况；所报信息真实准确，如有瞒报、谎报，愿承担相应责任。';

/** Step 2: the prevention plan, supplies, isolation room, and the signed commitment. */
export function PlanStep({ form }: { form: FilingForm }) {
  const { draft, change } = form;
  const planLength = draft.planText.trim().length;
  return (
    <View>
      <Text className="section-title">疫情防控方案</Text>
      <Textarea
        className="field field--textarea"
        placeholder={`请写明测温登记、分餐错峰、消毒通风、异常处置等措施（至少 ${PLAN_MIN} 字）`}
        value={draft.planText}
        maxlength={PLAN_MAX}
        onInput={(e) => change({ planText: e.detail.value })}
      />
      <Text className={planLength > 0 && planLength < PLAN_MIN ? 'field-problem' : 'hint'}>{`已写 ${planLength} 字（${PLAN_MIN}–${PLAN_MAX} 字）`}</Text>
      <Text className="section-title">防疫物资可用天数</Text>
      <Input className="field" type="number" placeholder={`口罩、消毒用品等可用天数（${SUPPLIES_DAYS.min}–${SUPPLIES_DAYS.max}）`} value={draft.suppliesDays} maxlength={SUPPLIES_DAYS.digits} onInput={(e) => change({ suppliesDays: e.detail.value })} />
      <View className="switch-row">
        <Text>已设置临时隔离观察室</Text>
        <Switch checked={draft.isolationRoom} onChange={(e) => change({ isolationRoom: e.detail.value })} />
      </View>
      <Text className="section-title">防控承诺</Text>
      <View className="card">
        <Text className="filing-plan">{COMMITMENT_TEXT}</Text>
      </View>
      <View className="switch-row">
        <Text>我已阅读并签署以上承诺</Text>
        <Switch checked={draft.commitment} onChange={(e) => change({ commitment: e.detail.value })} />
      </View>
    </View>
  );
}
