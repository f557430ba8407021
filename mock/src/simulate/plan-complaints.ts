import {
  acceptBy,
  cellCenter,
  cellOf,
  chinaCalendar,
  COMPLAINT_CATEGORIES,
  dispatchBy,
  findCategory,
  resolveBy,
  shanghaiDate,
  type ComplaintStatus,
} from '@sqtb/shared';
import { COMMITTEES, UNITS } from '../seed/district';
import type { LatLng } from './ledger';
import { reviewerOf, DISTRICT, type PlanContext } from './plan-context';
import { committeeAt, OUTSIDE_ROAD, pointInDisc, pointOutside, ROADS } from './population';
import type { Rng } from './rng';
import { at, awake, dayOf, DAY_ENDS, DAY_STARTS, plusHours, withSeconds } from './time';

/**
 * Complaints over the month: a realistic mix of categories, about a third of
 * them clustered on a few blocks so hotspots open, some outside every
 * committee's area. Each matter is a story planned whole when it is reported:
 * accepted (or rejected), dispatched to the unit whose categories fit,
 * resolved (some late), rated (some 1–2 stars, which reopens it) or never
 * rated (the job closes it). District staff urge what the plan says is overdue.
 */

/** How often each category is reported: street trouble and sanitation lead, consultations trail. */
const CATEGORY_WEIGHTS: Record<string, number> = {
  sanitation: 17,
  'street-occupation': 14,
  noise: 12,
  'property-repair': 12,
  'garbage-sorting': 9,
  greenery: 8,
  'water-leak': 8,
  elevator: 5,
  'illegal-construction': 5,
  consultation: 6,
  suggestion: 4,
};

const DESCRIPTIONS: Record<string, string[]> = {
  sanitation: ['垃圾桶满溢，两天无人清运', '楼道口堆放杂物，气味很大', '路边有大量烟头和垃圾'],
  'street-occupation': ['水果摊占用人行道经营', '早餐摊在路口摆摊影响通行', '店铺把货物堆到人行道上'],
  noise: ['夜间装修噪声扰民', '广场舞音响声音过大', '餐馆排风机噪声一整夜'],
  'property-repair': ['单元门禁损坏无法关闭', '楼道灯坏了一个多月', '小区道路破损积水'],
  'garbage-sorting': ['湿垃圾和干垃圾混投无人管', '分类垃圾房门锁坏了', '垃圾分类点无人值守'],
  greenery: ['行道树枝条遮挡路灯', '绿地被踩踏成泥地', '枯树有倒伏危险'],
  'water-leak': ['楼上漏水到我家天花板', '外墙渗水导致墙面发霉', '地下车库顶部漏水'],
  elevator: ['电梯经常停在两层之间', '电梯按钮失灵', '电梯运行时有异响'],
  'illegal-construction': ['底楼住户违章搭建阳光房', '屋顶加盖违章建筑', '小区内私自搭建车棚'],
  consultation: ['想咨询老旧小区加装电梯的政策', '咨询居住证办理需要哪些材料', '请问社区食堂的开放时间'],
  suggestion: ['建议在小区门口增设非机动车停车架', '建议增加社区健身器材', '建议公交站加装候车座椅'],
};

const RATING_STARS = { '5': 40, '4': 28, '3': 12, '2': 11, '1': 9 };
const SECOND_RATING_STARS = { '5': 35, '4': 35, '3': 18, '2': 8, '1': 4 };

/** Blocks where trouble concentrates (a market, a school gate, a night-food street, a building site). */
const CLUSTERS: LatLng[] = [
  { lat: 31.2295, lng: 121.5232 }, // A: 潍坊路菜场
  { lat: 31.2231, lng: 121.5301 }, // B: 南泉路小学门口
  { lat: 31.2372, lng: 121.5183 }, // C: 东昌路夜市
  { lat: 31.2418, lng: 121.5061 }, // D: 崂山东路工地
  { lat: 31.233, lng: 121.53 }, // outside every area: 张杨路沿街
];

/** The unit whose categories include this one; consultations and suggestions have none (the cadre answers them). */
export const unitFor = (category: string) => UNITS.find((u) => u.categories.includes(category));
export const HANDLERS: Record<string, string> = { 'city-management': 'handler-1', housing: 'handler-2', greening: 'handler-3' };

/** A point inside the cluster's grid cell (never across its border, so the cell's count is exact). */
function pointInCell(rng: Rng, near: LatLng): LatLng {
  const c = cellCenter(cellOf(near));
  return { lat: Number((c.lat + rng.between(-0.0007, 0.0007)).toFixed(6)), lng: Number((c.lng + rng.between(-0.0009, 0.0009)).toFixed(6)) };
}

function location(rng: Rng): LatLng {
  const kind = rng.weighted({ cluster: 30, committee: 56, outside: 14 });
  if (kind === 'cluster') return pointInCell(rng, rng.pick(CLUSTERS));
  if (kind === 'outside') return pointOutside(rng);
  const committee = COMMITTEES[Number(rng.weighted({ '0': 3, '1': 3, '2': 2, '3': 2 }))];
  return pointInDisc(rng, committee.area.center, 440);
}

/** One span of a matter's life, for planning urges: from when, in what status, due by when. */
interface Span {
  from: number;
  status: ComplaintStatus;
  due?: number;
}

export interface PlannedComplaint {
  ref: string;
  spans: Span[];
}

/** An instant before `due`, in waking hours, no earlier than `after`. */
function awakeBefore(t: Date, due: Date, offset: number): Date {
  const moved = awake(t, offset);
  if (moved.getTime() < due.getTime() - 30 * 60_000) return moved;
  return at(shanghaiDate(due), DAY_ENDS - 0.4);
}

export function planComplaints(context: PlanContext, rng: Rng): PlannedComplaint[] {
  const planned: PlannedComplaint[] = [];
  for (let day = 0; day < context.days; day += 1) {
    const date = dayOf(context.start, day);
    const count = chinaCalendar.isWorkingDay(date) ? rng.int(9, 15) : rng.int(5, 9);
    const times = Array.from({ length: count }, () => rng.between(DAY_STARTS, 22)).sort((a, b) => a - b);
    for (const hour of times) {
      const ref = `C${String(planned.length + 1).padStart(4, '0')}`;
      planned.push(planOne(context, rng.fork(ref), ref, withSeconds(at(date, hour), rng.int(0, 58))));
    }
  }
  planUrges(context, rng.fork('urges'), planned);
  return planned;
}

function planOne(context: PlanContext, rng: Rng, ref: string, submitAt: Date): PlannedComplaint {
  const category = rng.weighted(CATEGORY_WEIGHTS);
  const limit = findCategory(category)!.timeLimitWorkingDays;
  const point = location(rng);
  const committee = committeeAt(point);
  const reporter = rng.pick(context.residents);
  const cadre = reviewerOf(committee?.code);
  const spans: Span[] = [];
  const story = { ref, spans };
  const step = (t: Date, actor: string, kind: Parameters<PlanContext['add']>[2], data: Record<string, unknown> = {}) => context.add(t, actor, kind, ref, data);
  const seconds = (t: Date) => withSeconds(t, rng.int(0, 58));

  context.add(submitAt, reporter.openid, 'complaint.submit', ref, {
    category,
    description: rng.pick(DESCRIPTIONS[category]),
    location: point,
    address: `${committee ? ROADS[committee.code] : OUTSIDE_ROAD} ${rng.int(1, 800)} 号附近`,
    anonymous: rng.chance(0.1),
  });
  spans.push({ from: submitAt.getTime(), status: 'submitted', due: acceptBy(submitAt).getTime() });

  // The cadre answers consultations and suggestions directly, and turns away a few duplicates.
  const unit = unitFor(category);
  if (!unit || rng.chance(0.04)) {
    const t = seconds(awakeBefore(plusHours(submitAt, rng.between(0.5, 6)), acceptBy(submitAt), rng.between(0.5, 3)));
    const reason = unit ? '与已受理的问题重复，已合并处理' : '已电话答复居民，无需派单';
    if (step(t, cadre, 'complaint.reject', { reason })) spans.push({ from: t.getTime(), status: 'rejected' });
    return story;
  }

  // Accept: mostly within hours, some after the limit, a few never.
  const acceptMode = rng.weighted({ normal: 89, late: 9, never: 2 });
  if (acceptMode === 'never') return story;
  const acceptDue = acceptBy(submitAt);
  const acceptAt = seconds(
    acceptMode === 'late'
      ? awake(plusHours(acceptDue, rng.between(1, 30)), rng.between(0.5, 3))
      : awakeBefore(plusHours(submitAt, rng.between(0.3, 5)), acceptDue, rng.between(0.5, 3)),
  );
  if (!step(acceptAt, cadre, 'complaint.accept')) return story;
  spans.push({ from: acceptAt.getTime(), status: 'accepted', due: dispatchBy(acceptAt).getTime() });

  // Dispatch to the unit whose categories fit.
  const dispatchMode = rng.weighted({ normal: 92, late: 6.5, never: 1.5 });
  if (dispatchMode === 'never') return story;
  const dispatchDue = dispatchBy(acceptAt);
  const dispatchAt = seconds(
    dispatchMode === 'late'
      ? awake(plusHours(dispatchDue, rng.between(1, 24)), rng.between(0.5, 3))
      : awakeBefore(plusHours(acceptAt, rng.between(0.2, 4)), dispatchDue, rng.between(0.5, 2)),
  );
  if (!step(dispatchAt, cadre, 'complaint.dispatch', { unit: unit.code })) return story;

  // Resolve, rate, and after a 1–2 star rating resolve again: at most three rounds.
  const handler = HANDLERS[unit.code];
  let from = dispatchAt;
  for (let round = 0; round < 3; round += 1) {
    const deadline = resolveBy(from, limit);
    spans.push({ from: from.getTime(), status: 'dispatched', due: deadline.getTime() });
    const resolveMode = rng.weighted(round === 0 ? { normal: 80, late: 17, never: 3 } : { normal: 85, late: 15, never: 0 });
    if (resolveMode === 'never') return story;
    const span = deadline.getTime() - from.getTime() - 3 * 3_600_000;
    const resolveAt = seconds(
      resolveMode === 'late'
        ? awake(plusHours(deadline, rng.between(1, 72)), rng.between(0.5, 4))
        : awakeBefore(new Date(from.getTime() + 2 * 3_600_000 + rng.next() ** 1.5 * span), deadline, rng.between(0.5, 4)),
    );
    if (!step(resolveAt, handler, 'complaint.resolve', { note: round === 0 ? '已到现场处置完毕' : '已再次上门处理，问题解决' })) return story;
    spans.push({ from: resolveAt.getTime(), status: 'resolved' });

    // Some never rate: the job closes them after 7 days. Ratings come within 5 days, in waking hours.
    if (!rng.chance(round === 0 ? 0.7 : 0.6)) return story;
    const rateAt = seconds(awake(plusHours(resolveAt, rng.between(1, 5 * 24)), rng.between(0.5, 5)));
    const stars = Number(rng.weighted(round === 0 ? RATING_STARS : SECOND_RATING_STARS));
    if (!step(rateAt, reporter.openid, 'complaint.rate', { stars, ...(stars <= 2 ? { comment: '问题没有真正解决' } : {}) })) return story;
    if (stars >= 3) {
      spans.push({ from: rateAt.getTime(), status: 'closed' });
      return story;
    }
    from = rateAt;
  }
  return story;
}

/** Each working morning district staff urge up to three matters the plan has past due then. */
function planUrges(context: PlanContext, rng: Rng, planned: PlannedComplaint[]): void {
  for (let day = 0; day < context.days; day += 1) {
    const date = dayOf(context.start, day);
    if (!chinaCalendar.isWorkingDay(date)) continue;
    const t = at(date, 10.5);
    const overdue = planned.filter((c) => {
      const span = [...c.spans].reverse().find((s) => s.from < t.getTime());
      return span?.due !== undefined && t.getTime() > span.due;
    });
    const chosen = new Set<string>();
    while (chosen.size < Math.min(3, overdue.length)) chosen.add(rng.pick(overdue).ref);
    for (const ref of [...chosen].sort()) context.add(t, DISTRICT, 'complaint.urge', ref, { note: '已超期，请尽快办理' });
  }
}
