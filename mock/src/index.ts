export { startWechatMock, jscode2session, DEV_CODE_PREFIX, type WechatMock } from './wechat/wechat-server';
export * as seedDistrict from './seed/district';
export { simulate, DEFAULT_START, type SimulateOptions, type SimulationResult } from './simulate/simulate';
export { planMonth, type MonthPlan } from './simulate/plan';
export { withoutServerIds, writeLedger, type Ledger, type LedgerEntry } from './simulate/ledger';
export { compareFigures, formatMismatches, type Mismatch } from './simulate/compare';
export { countMonth, summarise, type MonthCounts } from './simulate/summary';
