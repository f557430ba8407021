export {
  startWechatMock,
  jscode2session,
  userPhoneNumber,
  DEV_CODE_PREFIX,
  DEV_PHONE_CODE_PREFIX,
  type WechatMock,
  type WechatMockOptions,
  type SubscribeMessage,
} from './wechat/wechat-server';
export { checkTemplateData, keywordType, keywordValueValid, DEV_STATUS_TEMPLATE, KEYWORD_TYPES, type KeywordType, type SubscribeTemplate } from './wechat/subscribe-keywords';
export * as seedDistrict from './seed/district';
export { simulate, DEFAULT_START, type SimulateOptions, type SimulationResult } from './simulate/simulate';
export { planMonth, type MonthPlan } from './simulate/plan';
export { withoutServerIds, writeLedger, type Ledger, type LedgerEntry } from './simulate/ledger';
export { compareFigures, formatMismatches, type Mismatch } from './simulate/compare';
export { compareShopList, type ExpectedShop } from './simulate/expected/shops';
export { countMonth, summarise, type MonthCounts } from './simulate/summary';
