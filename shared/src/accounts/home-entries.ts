import type { Role } from '../core/roles';

/**
 * What each role's home screen offers. `built: false` entries are shown with a
 * plain "not built yet" label instead of leading to an empty page.
 * Capabilities flip their entry to `built: true` when their pages land.
 */
export interface HomeEntry {
  key: string;
  title: string;
  description: string;
  /** The page path in the mini-program, once the capability exists. */
  path?: string;
  built: boolean;
}

const notBuilt = (key: string, title: string, description: string): HomeEntry => ({
  key,
  title,
  description,
  built: false,
});

const built = (key: string, title: string, description: string, path: string): HomeEntry => ({
  key,
  title,
  description,
  path,
  built: true,
});

const HEALTH_CODE = '/health-code/pages/code/index';
const HEALTH_SCAN = '/health-code/pages/scan/index';
const HEALTH_MANAGE = '/health-code/pages/manage/index';
const MASKS_RESERVE = '/masks/pages/reserve/index';
const MASKS_REDEEM = '/masks/pages/redeem/index';
const MASKS_REVIEW = '/masks/pages/review/index';
const FILINGS_MINE = '/filings/pages/mine/index';
const FILINGS_QUEUE = '/filings/pages/queue/index';
const OVERVIEW = '/overview/pages/index/index';
const SHOP_MAP = '/shops/pages/map/index';
const SHOP_PATROL = '/shops/pages/patrol/index';
const PLACE_SCAN = '/places/pages/scan/index';
const MY_VISITS = '/places/pages/my-visits/index';
const PLACE_LOOKUP = '/places/pages/lookup/index';
const PLACE_POSTER = '/places/pages/poster/index';
const PLACE_TODAY = '/places/pages/today/index';
/** Enterprises and pharmacies hang a place code (一企一码) and see who scanned in. */
const PLACE_CODE = built('place-code', '我的场所码', '打印或保存场所码海报，张贴在入口处', PLACE_POSTER);
const PLACE_VISITS = built('place-visits', '今日到访', '扫码到访的人、颜色与时间，非绿码标出', PLACE_TODAY);
/** Every role that stands at a gate checks codes on the same scanner page. */
const SCAN = built('health-scan', '扫码验证', '扫描居民的随申码，核验颜色与有效期', HEALTH_SCAN);

const PROFILE = built('profile', '我的账号', '身份、所属单位与权限范围', '/accounts/pages/profile/index');
const MESSAGES = built('messages', '消息', '派单、办结、督办等通知', '/notifications/pages/messages/index');

export const HOME_ENTRIES: Record<Role, HomeEntry[]> = {
  resident: [
    built('complaints', '问题上报', '报告身边的问题，跟踪处理并评价', '/complaints/pages/report/index'),
    built('my-complaints', '我的反映', '查看反映的办理进度，办结后评价', '/complaints/pages/mine/index'),
    built('masks', '口罩预约', '登记家庭信息，预约口罩并到药店领取', MASKS_RESERVE),
    built('health-code', '随申码', '出示健康码，进行健康申报与申诉', HEALTH_CODE),
    built('place-scan', '扫场所码', '进入企业、药店、居委会服务站前扫码登记', PLACE_SCAN),
    built('my-visits', '我的到访', '近 14 天扫码到访过的场所', MY_VISITS),
    built('filings', '企业复工', '查询企业、药店是否已复工及复工日期', PLACE_LOOKUP),
    MESSAGES,
    PROFILE,
  ],
  cadre: [
    built('workbench', '居委工作台', '受理、研判并派单居民反映的问题', '/complaints/pages/queue/index'),
    built('mask-review', '预约与登记审核', '审核自动规则未通过的家庭登记与口罩预约', MASKS_REVIEW),
    built('filing-review', '复工备案审核', '审核辖区企业的复工备案，查看每日报告', FILINGS_QUEUE),
    built('services-overview', '居委总览', '本居委会的投诉、口罩、随申码与复工备案，一次办成率', OVERVIEW),
    built('shop-map', '挂图作战', '本居委街面商户按风险等级着色，叠加乱点与超期事项', SHOP_MAP),
    SCAN,
    MESSAGES,
    PROFILE,
  ],
  handler: [
    built('tasks', '我的任务', '接收派单，处置并反馈结果', '/complaints/pages/tasks/index'),
    built('shop-patrol', '街面巡查', '今日巡查清单：高风险优先，记录巡查即时更新等级', SHOP_PATROL),
    MESSAGES,
    PROFILE,
  ],
  district: [
    built('services-overview', '综合总览', '投诉、口罩、随申码、复工备案四项服务与一次办成率，逐项可查明细', OVERVIEW),
    built('overview', '投诉总览', '反馈状态、超期亮灯与催办、满意度与乱点', '/complaints/pages/dashboard/index'),
    built('health-manage', '健康管理', '病例状态与批量导入、随申码申诉、风险地区', HEALTH_MANAGE),
    built('filing-overview', '复工备案总览', '全区企业复工备案、审核与每日报告缺报、发热', FILINGS_QUEUE),
    built('shop-map', '挂图作战', '全区街面商户按风险等级着色，叠加乱点、超期事项与居委辖区', SHOP_MAP),
    SCAN,
    MESSAGES,
    PROFILE,
  ],
  pharmacy: [built('redeem', '核销取货码', '核销居民取货码，查看本店预约与库存', MASKS_REDEEM), PLACE_CODE, PLACE_VISITS, SCAN, PROFILE],
  enterprise: [built('filings', '复工备案', '提交复工备案、员工名单与每日报告', FILINGS_MINE), PLACE_CODE, PLACE_VISITS, SCAN, PROFILE],
};

export const NOT_BUILT_NOTICE = '该功能尚未上线，正在建设中';
