/// <reference types="@tarojs/taro" />

declare module '*.css';

/** Base URL of the BFF, injected by Taro `defineConstants` (see config/index.ts). */
declare const API_BASE: string;

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform being built; Taro replaces it at build time. */
    TARO_ENV?: 'weapp' | 'h5';
  }
}
