/** True in the H5 build. Taro replaces `process.env.TARO_ENV` at build time. */
export const isH5 = (): boolean => process.env.TARO_ENV === 'h5';
