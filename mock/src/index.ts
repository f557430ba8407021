export { startWechatMock, jscode2session, DEV_CODE_PREFIX, type WechatMock } from './wechat/wechat-server';
export * as seedDistrict from './seed/district';
