import { idNumberCheckChar } from '@sqtb/shared';
import { ENTERPRISES } from '../seed/district';
import { DISTRICT, reviewerOf, type PlanContext } from './plan-context';
import type { SimResident } from './population';
import type { Rng } from './rng';
import { at, dayOf, withSeconds } from './time';

/**
 * Resumption filings, one story per enterprise (days from the month's start):
 * approved at once; returned, amended and approved; rejected and filed anew;
 * refused approval while a returning employee is a close contact, returned,
 * amended without them and approved; still waiting; returned and never
 * amended; approved with a reopening after the month; returned twice. Approved
 * enterprises report daily before 10:00, and two forget on the last day.
 */
interface Step {
  day: number;
  hour: number;
  kind: 'submit' | 'amend' | 'approve' | 'return' | 'reject';
  /** Submissions and amendments: a roster without the close contact, whether there is an isolation room. */
  withoutWorker?: boolean;
  isolationRoom?: boolean;
  /** Decisions: who decides (the committee's cadre unless said), the note, and the refusal the BFF must give. */
  by?: string;
  note?: string;
  refused?: string;
}

interface Story {
  ref: string;
  enterprise: string;
  /** Days after the start the enterprise reopens (its reports start then). */
  reopenDay: number;
  steps: Step[];
  /** Whether its report on the month's last day is missing. */
  missingLastDay?: boolean;
  withWorker?: boolean;
}

function stories(days: number): Story[] {
  return [
    { ref: 'F1', enterprise: 'E1', reopenDay: 2, missingLastDay: true, steps: [{ day: 0, hour: 10, kind: 'submit' }, { day: 1, hour: 15, kind: 'approve', note: '材料齐全，同意复工' }] },
    {
      ref: 'F2',
      enterprise: 'E2',
      reopenDay: 5,
      steps: [
        { day: 1, hour: 11, kind: 'submit', isolationRoom: false },
        { day: 2, hour: 14, kind: 'return', note: '防疫方案未写明临时隔离室，请补充' },
        { day: 3, hour: 10, kind: 'amend', isolationRoom: true },
        { day: 4, hour: 16, kind: 'approve' },
      ],
    },
    { ref: 'F3', enterprise: 'E3', reopenDay: 4, steps: [{ day: 2, hour: 9.5, kind: 'submit' }, { day: 3, hour: 11, kind: 'reject', note: '物业服务人员名单与实际不符，不予备案' }] },
    { ref: 'F3b', enterprise: 'E3', reopenDay: 9, steps: [{ day: 6, hour: 10, kind: 'submit' }, { day: 8, hour: 14, kind: 'approve', by: DISTRICT }] },
    {
      ref: 'F4',
      enterprise: 'E4',
      reopenDay: 7,
      withWorker: true,
      steps: [
        { day: 3, hour: 10, kind: 'submit' },
        { day: 4, hour: 10, kind: 'approve', refused: 'CONFLICT' },
        { day: 4, hour: 10.5, kind: 'return', note: '返岗名单中有红码人员，请调整名单' },
        { day: 5, hour: 9, kind: 'amend', withoutWorker: true },
        { day: 6, hour: 15, kind: 'approve' },
      ],
    },
    { ref: 'F5', enterprise: 'E5', reopenDay: days + 2, steps: [{ day: days - 3, hour: 10, kind: 'submit' }] },
    { ref: 'F6', enterprise: 'E6', reopenDay: 8, steps: [{ day: 4, hour: 11, kind: 'submit' }, { day: 6, hour: 16, kind: 'return', note: '承诺书签字页缺失，请补充' }] },
    { ref: 'F7', enterprise: 'E7', reopenDay: days + 5, steps: [{ day: 7, hour: 9, kind: 'submit' }, { day: 9, hour: 11, kind: 'approve', by: DISTRICT }] },
    {
      ref: 'F8',
      enterprise: 'E8',
      reopenDay: 18,
      missingLastDay: true,
      steps: [
        { day: 10, hour: 10, kind: 'submit' },
        { day: 11, hour: 15, kind: 'return', note: '防疫物资储备天数不足 7 天' },
        { day: 13, hour: 10, kind: 'amend' },
        { day: 14, hour: 11, kind: 'return', note: '返岗人员名单缺少身份证号码' },
        { day: 16, hour: 9, kind: 'amend' },
        { day: 17, hour: 14, kind: 'approve' },
      ],
    },
  ];
}

function employee(rng: Rng, index: number) {
  const first17 = `31011519${rng.int(60, 99)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}${String(500 + index).padStart(3, '0')}`;
  return { name: rng.pick(['周', '吴', '郑', '王', '冯', '陈', '褚', '卫']) + rng.pick(['晓明', '丽华', '建军', '秀兰', '志刚', '春燕']), phone: `137${String(20_000_000 + index * 104_729).slice(-8)}`, idNumber: first17 + idNumberCheckChar(first17) };
}

export function planFilings(context: PlanContext, rng: Rng, worker: SimResident | undefined): void {
  let employees = 0;
  for (const story of stories(context.days)) {
    const enterprise = ENTERPRISES.find((e) => e.code === story.enterprise)!;
    const reviewer = reviewerOf(enterprise.committeeCode);
    const roster = Array.from({ length: rng.int(2, 6) }, () => employee(rng, (employees += 1)));
    const withWorker = story.withWorker && worker ? [{ name: worker.name, phone: worker.phone, idNumber: worker.idNumber }] : [];
    const body = (step: { withoutWorker?: boolean; isolationRoom?: boolean }) => ({
      enterpriseName: enterprise.name,
      creditCode: enterprise.creditCode,
      address: enterprise.address,
      committee: enterprise.committeeCode,
      contactName: enterprise.name.slice(2, 4) + '联络员',
      contactPhone: `136${String(30_000_000 + story.ref.charCodeAt(1) * 1_000_003).slice(-8)}`,
      reopenDate: dayOf(context.start, story.reopenDay),
      plan: { text: '一企一案：每日两次测温并登记；员工错峰上下班；办公区每日消毒两次；设置临时隔离观察点；储备口罩与消毒用品。' },
      suppliesDays: 14,
      isolationRoom: step.isolationRoom ?? true,
      commitment: true,
      roster: [...roster, ...(step.withoutWorker ? [] : withWorker)],
    });

    let approvedOn: number | undefined;
    for (const step of story.steps) {
      if (step.day >= context.days) break;
      const t = withSeconds(at(dayOf(context.start, step.day), step.hour), rng.int(0, 58));
      let kept: boolean;
      if (step.kind === 'submit' || step.kind === 'amend') kept = context.add(t, `enterprise-${enterprise.code.slice(1)}`, `filing.${step.kind}`, story.ref, body(step));
      else kept = context.add(t, step.by ?? reviewer, `filing.${step.kind}`, story.ref, step.note ? { note: step.note } : {}, step.refused);
      if (!kept) break;
      if (step.kind === 'approve' && !step.refused) approvedOn = step.day;
    }
    if (approvedOn !== undefined) planReports(context, rng.fork(story.ref), story, approvedOn, roster.length);
  }
}

/** 零报告 from the reopening day, before 10:00; now and then a day is missed, and two miss the last day. */
function planReports(context: PlanContext, rng: Rng, story: Story, approvedOn: number, onSite: number): void {
  for (let day = Math.max(story.reopenDay, approvedOn + 1); day < context.days; day += 1) {
    const last = day === context.days - 1;
    if (last ? story.missingLastDay : !rng.chance(0.9)) continue;
    const date = dayOf(context.start, day);
    context.add(withSeconds(at(date, rng.between(7.5, 9.9)), rng.int(0, 58)), `enterprise-${story.enterprise.slice(1)}`, 'filing.report', story.ref, {
      date,
      onSite,
      feverCases: rng.chance(0.04) ? 1 : 0,
    });
  }
}

