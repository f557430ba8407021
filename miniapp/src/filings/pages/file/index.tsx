import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect } from 'react';
import { fetchMe } from '../../../accounts/api';
import { useSignedInRequest } from '../../../accounts/use-signed-in-request';
import { Chips } from '../../../core/components/chips';
import { FormFooter } from '../../../core/components/form-footer';
import { ErrorState, LoadingState } from '../../../core/components/status';
import { fetchOrg } from '../../../org/api';
import { fetchFiling } from '../../api';
import { CompanyStep } from '../../components/company-step';
import { PlanStep } from '../../components/plan-step';
import { RosterEditor } from '../../components/roster-editor';
import { STEPS } from '../../filing-draft';
import { useFilingForm } from '../../use-filing-form';
import '../../filings.css';

/**
 * 复工备案 form: company → plan & commitment → roster, kept as a draft on the
 * phone. With `?id=` it amends a returned filing (what to fix is shown on top).
 */
export default function FilingFormPage() {
  const filingId = useRouter().params.id || undefined;
  const me = useSignedInRequest(fetchMe);
  const org = useSignedInRequest(fetchOrg);
  const loadFiling = useCallback(() => (filingId ? fetchFiling(filingId) : Promise.resolve(undefined)), [filingId]);
  const filing = useSignedInRequest(loadFiling);
  useEffect(() => {
    void me.run();
    void org.run();
    void filing.run();
    // Once, on open: the runs are stable.
  }, [me.run, org.run, filing.run]);

  const form = useFilingForm(filingId, { view: filing.data, me: me.data, org: org.data });
  const view = filing.data;

  if (filingId && !view) {
    return <View className="page">{filing.error ? <ErrorState error={filing.error} onRetry={filing.run} /> : <LoadingState />}</View>;
  }
  if (view && !view.actions.includes('amend')) {
    return (
      <View className="page">
        <Text className="filing-note">该备案当前不是「退回修改」状态，不能修改。</Text>
      </View>
    );
  }
  if (!form.ready) return <LoadingState />;

  const last = form.step === 'roster';
  return (
    <View className="page">
      {view?.returnNote && <Text className="filing-note">{`需要修改：${view.returnNote}`}</Text>}
      {view && <Text className="hint">为保护隐私，信用代码、手机号和员工名单不会回显，请重新填写（本机提交过的会自动带出）。</Text>}
      <Chips options={STEPS} value={form.step} onChange={form.goTo} />
      {org.error && <ErrorState error={org.error} onRetry={org.run} />}

      {form.step === 'company' && <CompanyStep form={form} org={org.data} />}
      {form.step === 'plan' && <PlanStep form={form} />}
      {form.step === 'roster' && <RosterEditor form={form} />}

      {last ? (
        <FormFooter problems={form.problems} error={form.error} label={filingId ? '重新提交备案' : '提交备案'} busy={form.submitting} onSubmit={() => void form.submit()} />
      ) : (
        <FormFooter problems={form.problems} error={form.error} label="下一步" onSubmit={form.next} />
      )}
      {form.step !== 'company' && (
        <Button className="button button--plain" onClick={form.back}>
          上一步
        </Button>
      )}
      <Text className="hint">填写内容会自动保存在本机，下次打开可继续填写。</Text>
    </View>
  );
}
