import { PLACE_KIND_WORDS, type PlaceKind } from '@sqtb/shared';
import { codeText } from '../core/api-error';

/** Said at the door in place of a gate card: the BFF's refusal of a forged or revoked code, and a scanned text that is not a signed code at all. */
export const INVALID_PLACE_CODE_TEXT = codeText('INVALID_PLACE_CODE');

/** What the gate reads, in the largest type. */
export const entryWords = (allowed: boolean): string => (allowed ? '可以进入' : '不可进入');
/** A past visit's outcome in a list. */
export const outcomeWords = (allowed: boolean): string => (allowed ? '已放行' : '未放行');

export const kindWords = (kind: PlaceKind): string => PLACE_KIND_WORDS[kind] ?? kind;

export const resumedWords = (resumed: boolean): string => (resumed ? '已复工' : '未复工');

/** Until the filing is approved there is no place, and so no code. */
export const NO_PLACE_YET = '复工备案获批后可领取场所码';

/** Printed on the poster under the QR. */
export const POSTER_INSTRUCTION = '进入前请用社区通办扫码登记';
