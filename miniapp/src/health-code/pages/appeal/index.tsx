import { Text, Textarea, View } from '@tarojs/components';
import { FormFooter } from '../../../core/components/form-footer';
import { EmptyState, ErrorState, LoadingState } from '../../../core/components/status';
import { AppealCard } from '../../components/appeal-card';
import { REASON_MAX, useAppeal } from '../../use-appeal';

/** 申诉: a resident who thinks the colour is wrong says why; district staff correct it or explain. */
export default function AppealPage() {
  const { appeals, reason, setReason, sending, problem, submit, hasOpen } = useAppeal();
  return (
    <View className="page">
      <Text className="section-title">申诉理由</Text>
      {hasOpen ? (
        <Text className="hint">您有一件申诉正在处理，处理完成后可再次申诉。</Text>
      ) : (
        <View>
          <Textarea
            className="field field--textarea"
            placeholder="请说明您认为颜色有误的原因，例如：已解除隔离满 14 天"
            value={reason}
            maxlength={REASON_MAX}
            onInput={(e) => setReason(e.detail.value)}
          />
          <FormFooter error={problem} label="提交申诉" busy={sending} onSubmit={() => void submit()} />
          <Text className="hint">区卫健部门核实后会更正状态或说明原因，结果显示在下方。</Text>
        </View>
      )}

      <Text className="section-title">我的申诉</Text>
      {appeals.error && <ErrorState error={appeals.error} onRetry={appeals.run} />}
      {!appeals.data && !appeals.error && <LoadingState />}
      {appeals.data && appeals.data.length === 0 && <EmptyState text="您还没有提交过申诉" />}
      {appeals.data?.map((appeal) => <AppealCard key={appeal.id} appeal={appeal} />)}
    </View>
  );
}
