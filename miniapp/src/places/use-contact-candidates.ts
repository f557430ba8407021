import { CANDIDATE_DECISION_MAX, type CandidateDecisionReply } from '@sqtb/shared';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useSignedInRequest } from '../accounts/use-signed-in-request';
import { useSend } from '../core/use-send';
import { decideCandidates, fetchContactCandidates, type CandidateDecisionKind } from './api';

/** What a bulk decision did, in words: people already decided by someone else are skipped; people with no ID number on record cannot be given a status. */
export function decisionWords(kind: CandidateDecisionKind, reply: CandidateDecisionReply): string {
  const parts = [kind === 'confirm' ? `已确认 ${reply.decided} 人为密接` : `已排除 ${reply.decided} 人`];
  if (reply.skipped > 0) parts.push(`${reply.skipped} 人已被处理过，未变更`);
  if (reply.unidentified > 0) parts.push(`${reply.unidentified} 人未实名登记，无法赋码，仍在候选名单中，请另行联系`);
  return parts.join('，');
}

/**
 * A confirmed case's close-contact candidates (visits at the same place within
 * the hour): district staff tick some, confirm or dismiss them together, and
 * the list is loaded again (decided people drop out of it).
 */
export function useContactCandidates(caseId: string) {
  const list = useSignedInRequest(() => fetchContactCandidates(caseId));
  const { run } = list;
  useEffect(() => void run(), [run]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [told, setTold] = useState<string | null>(null);
  const deciding = useSend(decideCandidates);

  const items = list.data?.items ?? [];
  const toggle = (userId: string) =>
    setSelected((now) => {
      const next = new Set(now);
      if (!next.delete(userId)) next.add(userId);
      return next;
    });
  const allSelected = items.length > 0 && items.every((item) => selected.has(item.userId));
  const toggleAll = () => setSelected(allSelected ? new Set() : new Set(items.map((item) => item.userId)));

  const decide = async (kind: CandidateDecisionKind) => {
    setTold(null);
    const userIds = items.map((item) => item.userId).filter((id) => selected.has(id));
    if (userIds.length === 0) return deciding.setError('请先勾选候选人');
    if (userIds.length > CANDIDATE_DECISION_MAX) return deciding.setError(`一次最多处理 ${CANDIDATE_DECISION_MAX} 人`);
    if (kind === 'confirm') {
      const unidentified = items.filter((item) => selected.has(item.userId) && !item.identified).length;
      const noCode = unidentified > 0 ? `其中 ${unidentified} 人未实名登记，无法赋码。` : '';
      const asked = await Taro.showModal({ title: '确认为密接', content: `确认这 ${userIds.length} 人为密切接触者？确认后按密切接触者管理。${noCode}` });
      if (!asked.confirm) return;
    }
    const reply = await deciding.send(caseId, kind, userIds);
    if (!reply) return;
    setSelected(new Set());
    setTold(decisionWords(kind, reply));
    await run();
  };

  return { data: list.data, loadError: list.error, reload: run, items, selected, toggle, allSelected, toggleAll, decide, busy: deciding.busy, error: deciding.error, told };
}
