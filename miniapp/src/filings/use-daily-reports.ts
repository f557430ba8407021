import { dailyReportBodySchema, shanghaiDate, type DailyReportBody, type DailyReportView } from '@sqtb/shared';
import { useCallback, useEffect, useState } from 'react';
import { leaveIfUnauthenticated } from '../accounts/sign-out';
import { errorText, type ApiError } from '../core/api-error';
import { showDone } from '../core/feedback';
import { fieldWords, limitOf, problemList } from '../core/field-problems';
import { maxDigits, maxLength } from '../core/schema-limits';
import { useRequest } from '../core/use-request';
import { useSend } from '../core/use-send';
import { listDailyReports, postDailyReport } from './api';

export interface DailyReportDraft {
  date: string;
  onSite: string;
  feverCases: string;
  note: string;
}

const count = (raw: string) => (/^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN);

/** The note's own limit (the shared schema's), for its input. */
export const NOTE_MAX = maxLength(dailyReportBodySchema.shape.note.unwrap());
/** The most digits a headcount takes (the schema's largest), for the count inputs. */
export const COUNT_DIGITS = maxDigits(dailyReportBodySchema.shape.onSite);

/**
 * Why the report cannot be sent yet, in words; empty when it can. The counts are
 * checked by the shared schema; the date is picked (only its presence and "not
 * after today" are the form's), and fever cases among those on site is the form's rule.
 */
export function dailyReportProblems(draft: DailyReportDraft, today: string): string[] {
  const body = dailyReportBody(draft);
  const words = fieldWords(dailyReportBodySchema, body, {
    onSite: '请填写在岗人数（整数）',
    feverCases: '请填写发热人数（整数，没有填 0）',
    note: (issue) => `备注最多 ${limitOf(issue)} 字`,
  });
  return problemList(
    !draft.date ? '请选择报告日期' : draft.date > today && '报告日期不能晚于今天',
    words.onSite,
    words.feverCases ?? (body.feverCases > body.onSite && '发热人数不能多于在岗人数'),
    words.note,
  );
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
    void showDone('已报告');
    setDraft((d) => ({ ...d, onSite: '', feverCases: '0', note: '' }));
    await run();
    onReported?.();
  };

  const reportedToday = (reports.data ?? []).some((r: DailyReportView) => r.date === today);
  return { today, draft, change, problems, submit, busy: sending.busy, error: sending.error, reports, reportedToday };
}
