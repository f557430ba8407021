import { acceptComplaintSchema, createComplaintSchema, dispatchComplaintSchema, rateComplaintSchema, rejectComplaintSchema, resolveComplaintSchema } from '@sqtb/shared';
import { demoOrg } from '../test-support/complaint-fixtures';
import { actionEntries, dispatchBody, rateBody, rejectBody, reopensOnRating, resolveBody } from './actions';
import { committeeBars, hoursText, percent, statusCounts } from './dashboard-figures';
import { committeePicks, createBody, draftProblems, emptyDraft } from './report-draft';
import { currentLimit, overdueText, STATUS_LABELS } from './status';
import { timelineSteps } from './timeline';

const UNIT = '64b0000000000000000000a1';
const noPhotos = { uploading: false, failed: false };

describe('status words', () => {
  it('names every status, and a reopened matter reads 处置中 like any dispatched one', () => {
    expect(STATUS_LABELS).toEqual({
      submitted: '待受理',
      accepted: '已受理',
      rejected: '不予受理',
      dispatched: '处置中',
      resolved: '待评价',
      closed: '已结案',
      archived: '已归档',
    });
  });

  it('lights the red light only for an overdue matter, saying which limit passed', () => {
    expect(overdueText({ overdue: false })).toBeNull();
    expect(overdueText({ overdue: true, overdueReason: 'not-dispatched' })).toBe('超期未派单');
  });

  it('shows the time limit of the step the matter waits on', () => {
    const c = { acceptBy: 'a', dispatchBy: 'd', deadline: 'r' };
    expect(currentLimit({ ...c, status: 'submitted' })).toEqual({ label: '受理时限', at: 'a' });
    expect(currentLimit({ ...c, status: 'accepted' })).toEqual({ label: '派单时限', at: 'd' });
    expect(currentLimit({ ...c, status: 'dispatched' })).toEqual({ label: '办结时限', at: 'r' });
    expect(currentLimit({ ...c, status: 'closed' })).toBeNull();
  });
});

describe('timeline steps', () => {
  it('words each entry, in Shanghai time, and marks a bad rating as sent back', () => {
    const steps = timelineSteps([
      { at: '2026-03-02T16:30:00.000Z', actorName: '张伟', role: 'resident', action: 'rate', from: 'resolved', to: 'dispatched', note: '2 星' },
      { at: '2026-03-03T01:00:00.000Z', role: 'system', action: 'autoClose', from: 'resolved', to: 'closed' },
      { at: '2026-03-03T02:00:00.000Z', actorName: '孙科长', role: 'district', action: 'urge' },
    ]);
    expect(steps.map(({ title, actor, time, statusLabel, warning }) => ({ title, actor, time, statusLabel, warning }))).toEqual([
      { title: '评价不满意，退回重办', actor: '张伟', time: '2026-03-03 00:30', statusLabel: '处置中', warning: true },
      { title: '超时未评价，自动结案', actor: '系统', time: '2026-03-03 09:00', statusLabel: '已结案', warning: false },
      { title: '督办催办', actor: '孙科长', time: '2026-03-03 10:00', statusLabel: undefined, warning: true },
    ]);
  });
});

describe('actions to forms', () => {
  it('offers exactly the listed actions, main step first, never the system ones', () => {
    expect(actionEntries(['reject', 'accept']).map((e) => [e.action, e.form])).toEqual([
      ['accept', 'confirm'],
      ['reject', 'reason'],
    ]);
    expect(actionEntries(['autoClose', 'autoArchive'])).toEqual([]);
    expect(actionEntries(['urge', 'archive']).map((e) => e.label)).toEqual(['催办', '归档']);
  });

  it('builds bodies the shared schemas accept', () => {
    const built = [
      [rateBody(2), rateComplaintSchema],
      [rateBody(5, '  很及时 '), rateComplaintSchema],
      [rejectBody(' 不属于本辖区 '), rejectComplaintSchema],
      [dispatchBody(UNIT, ''), dispatchComplaintSchema],
      [resolveBody('已清理', []), resolveComplaintSchema],
    ] as const;
    for (const [result, schema] of built) {
      expect(result.ok).toBe(true);
      if (result.ok) expect(schema.safeParse(result.body).success).toBe(true);
    }
    expect(rateBody(5, '  很及时 ')).toEqual({ ok: true, body: { stars: 5, comment: '很及时' } });
    expect(acceptComplaintSchema.safeParse({}).success).toBe(true);
  });

  it('refuses what the BFF would refuse, in Chinese', () => {
    expect(rateBody(0)).toEqual({ ok: false, message: '请选择 1–5 星' });
    expect(rejectBody(' 不 ')).toMatchObject({ ok: false });
    expect(dispatchBody(undefined)).toEqual({ ok: false, message: '请选择处置部门' });
    expect(resolveBody('好', [])).toMatchObject({ ok: false });
  });

  it('warns that 1–2 stars reopen the matter', () => {
    expect([1, 2, 3, 4, 5].map(reopensOnRating)).toEqual([true, true, false, false, false]);
  });
});

describe('report draft', () => {
  it('offers one quick pick per committee at its area centre, own committee first', () => {
    const picks = committeePicks(demoOrg, 'c-b');
    expect(picks.map((p) => p.label)).toEqual(['潍坊四村居委会', '潍坊一村居委会']);
    expect(picks[1]).toMatchObject({ location: { lat: 31.229, lng: 121.523 }, address: '潍坊新村街道潍坊一村居委会辖区' });
  });

  it('lists every missing piece of an empty draft', () => {
    expect(draftProblems(emptyDraft(), noPhotos)).toEqual(['请选择问题类型', '请描述问题（至少 5 个字）', '请选择问题位置', '请填写详细地址']);
    expect(draftProblems({ ...emptyDraft(), category: 'noise', description: '夜间施工扰民', location: { lat: 1, lng: 2 }, address: '某路' }, { uploading: true, failed: false })).toEqual([
      '照片还在上传，请稍候',
    ]);
  });

  it('turns a complete draft into a body the shared create schema accepts', () => {
    const body = createBody({ category: 'noise', description: ' 夜间施工扰民 ', location: { lat: 31.2, lng: 121.5 }, address: ' 潍坊路 ', anonymous: false }, []);
    expect(body).toEqual({ category: 'noise', description: '夜间施工扰民', location: { lat: 31.2, lng: 121.5 }, address: '潍坊路', photoIds: [], anonymous: false });
    expect(createComplaintSchema.safeParse(body).success).toBe(true);
  });
});

describe('dashboard figures', () => {
  it('shows rates as whole percentages and nothing-to-measure as —', () => {
    expect([percent(0.875), percent(0), percent(1), percent(null)]).toEqual(['88%', '0%', '100%', '—']);
    expect([hoursText(2.25), hoursText(30.4), hoursText(null)]).toEqual(['2.3 小时', '30 小时', '—']);
  });

  it('counts every status, zeros included, in workflow order', () => {
    expect(statusCounts({ closed: 3 }).map((s) => `${s.label}${s.count}`)).toEqual(['待受理0', '已受理0', '不予受理0', '处置中0', '待评价0', '已结案3', '已归档0']);
  });

  it('sizes committee bars against the busiest, and all empty when nothing was reported', () => {
    const row = (name: string, total: number) => ({
      committeeId: name,
      committeeName: name,
      streetName: 's',
      total,
      byStatus: { submitted: 0, accepted: 0, rejected: 0, dispatched: 0, resolved: 0, closed: 0, archived: 0 },
      overdueNow: 0,
      onTimeRate: null,
      satisfactionRate: null,
      reopenRate: null,
      medianHoursToDispatch: null,
    });
    expect(committeeBars([row('a', 1), row('b', 4), row('c', 0)]).map((b) => [b.name, b.width])).toEqual([
      ['b', '100%'],
      ['a', '25%'],
      ['c', '0%'],
    ]);
    expect(committeeBars([row('a', 0)])[0].width).toBe('0%');
  });
});
