import type { Overview, ShopView } from '@sqtb/shared';
import { compareFigures, type Mismatch } from './compare';
import { drive } from './driver';
import { expectedOverview, type ExpectedOverview } from './expected/overview';
import { replay } from './expected/replay';
import { compareShopList, expectedShopList, type ExpectedShop } from './expected/shops';
import { createApiClient } from './http';
import type { Ledger } from './ledger';
import { planMonth, type MonthPlan } from './plan';
import { CADRES, DISTRICT } from './plan-context';
import { fetchAllShops } from './read-shops';

export interface SimulateOptions {
  baseUrl: string;
  days: number;
  seed: number;
  /** The month's first day (Shanghai date); a fixed Monday by default, so one seed gives one month. */
  start?: string;
  /** The committee whose cadre's overview is compared too. */
  cadreCommittee?: string;
  progress?: (done: number, total: number) => void;
}

export interface Viewers<T> {
  district: T;
  cadre: T;
}

export interface SimulationResult {
  plan: MonthPlan;
  ledger: Ledger;
  expected: Viewers<ExpectedOverview>;
  actual: Viewers<Overview>;
  /** Every shop on the register at the end: as the rule grades it from the ledger, and as `GET /api/shops` lists it. */
  shops: { expected: ExpectedShop[]; actual: ShopView[] };
  mismatches: Mismatch[];
  /** Requests sent to the BFF. */
  requests: number;
}

export const DEFAULT_START = '2026-03-02';

/**
 * One simulated month: plan it from the seed, drive the BFF through its public
 * API, replay the ledger into the figures the overview must show, read the
 * overview as district staff and as one cadre and the whole shop register,
 * and list every difference (steps the BFF answered otherwise than the rules
 * say, then figures, then shops' grades).
 */
export async function simulate(options: SimulateOptions): Promise<SimulationResult> {
  const { baseUrl, days, seed, start = DEFAULT_START, cadreCommittee = 'A' } = options;
  const plan = planMonth({ seed, days, start });
  const api = createApiClient(baseUrl.replace(/\/$/, ''));
  const ledger = await drive(api, plan, options.progress);

  const world = replay(ledger);
  const expected = {
    district: expectedOverview(ledger, world, { level: 'district' }),
    cadre: expectedOverview(ledger, world, { level: 'committee', committee: cadreCommittee }),
  };
  const read = async (openid: string): Promise<Overview> => {
    const response = await api.call(openid, 'GET', '/api/dashboard/overview');
    if (!response.ok) throw new Error(`GET /api/dashboard/overview as ${openid}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Overview;
  };
  const actual = { district: await read(DISTRICT), cadre: await read(CADRES[cadreCommittee]) };
  const shops = { expected: expectedShopList(ledger, world.shops, new Date(ledger.meta.end)), actual: await fetchAllShops(api) };

  const mismatches: Mismatch[] = [
    ...world.checks.disagreements.map((d) => ({ path: `step ${d.seq} ${d.at} ${d.kind} ${d.ref}: ${d.what}`, expected: d.expected, actual: d.actual })),
    ...(['district', 'cadre'] as const).flatMap((who) => compareFigures(expected[who], actual[who], who, expected[who].weeks)),
    ...compareShopList(shops.expected, shops.actual),
  ];
  return { plan, ledger, expected, actual, shops, mismatches, requests: api.requests() };
}
