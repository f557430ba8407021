import { shanghaiDate } from '@sqtb/shared';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { leaveIfUnauthenticated } from '../accounts/sign-out';
import { errorText, type ApiError } from '../core/api-error';
import { useRequest } from '../core/use-request';
import { useSend } from '../core/use-send';
import { listDailyReports, postDailyReport, type DailyReport, type DailyReportBody } from './api';

export interface DailyReportDraft {
  date: string;
  onSite: string;
  feverCases: string;
  note: string;
}

const count = (raw: string) => (/^\d{1,6}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN);

/** Why the report cannot be sent yet, in words; empty when it can. */
export function dailyReportProblems(draft: DailyReportDraft, today: string): string[] {
  const problems: string[] = [];
  if (!draft.date) problems.push('请选择报告日期');
  else if (draft.date > today) problems.push('报告日期不能晚于今天');
  if (!(count(draft.onSite) >= 0)) problems.push('请填写在岗人数（整数）');
  if (!(count(draft.feverCases) >= 0)) problems.push('请填写发热人数（整数，没有填 0）');
  else if (count(draft.feverCases) > count(draft.onSite)) problems.push('发热人数不能多于在岗人数');
  return problems;
}

export const dailyReportBody = (draft: DailyReportDraft): DailyReportBody => ({
  date: draft.date,
  onSite: count(draft.onSite),
  feverCases: count(draft.feverCases),
  ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
});

const wording = (error: ApiError) => (error.code === 'CONFLICT' ? '该日已报告过，无需重复报告' : errorText(error));

/** 每日报告 (零报告): today's headcount and fever cases, and the reports sent so far, newest first. */
export function useDailyReports(filingId: string, onReported?: () => void) {
  const today = shanghaiDate(new Date());
  const [draft, setDraft] = useState<DailyReportDraft>({ date: today, onSite: '', feverCases: '0', note: '' });
  const [problems, setProblems] = useState<string[]>([]);
  const reports = useRequest(
    useCallback(async () => (await listDailyReports(filingId)).slice().sort((a, b) => b.date.localeCompare(a.date)), [filingId]),
    leaveIfUnauthenticated,
  );
  const sending = useSend((body: DailyReportBody) => postDailyReport(filingId, body), wording);
  const { run } = reports;
  useEffect(() => void run(), [run]);

  const change = (patch: Partial<DailyReportDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = async () => {
    const found = dailyReportProblems(draft, today);
    setProblems(found);
    if (found.length > 0) return;
    const body = dailyReportBody(draft);
    const sent = await sending.send(body);
    if (!sent) return;
    void Taro.showToast({ title: '已报告', icon: 'success' });
    setDraft((d) => ({ ...d, onSite: '', feverCases: '0', note: '' }));
    await run();
    onReported?.();
  };

  const reportedToday = (reports.data ?? []).some((r: DailyReport) => r.date === today);
  return { today, draft, change, problems, submit, busy: sending.busy, error: sending.error, reports, reportedToday };
}
