import Taro from '@tarojs/taro';
import { isH5 } from './platform';
import { ROUTES } from './routes';
import { wxCall } from './wx-call';

/**
 * WeChat's privacy agreement (用户隐私保护指引, since 2023): location, photos, the
 * clipboard and the phone number are refused until the user has agreed. The app
 * asks on its own privacy page (accounts/pages/privacy), before any of those
 * calls and whenever WeChat itself asks (`onNeedPrivacyAuthorization`).
 *
 * H5 has no such agreement: the browser asks for each permission itself.
 */

/** The id of the privacy page's agree button; WeChat wants it back with the agreement. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

/** How long to wait for `getPrivacySetting` (a base library without it never answers). */
const SETTING_TIMEOUT_MS = 3000;

type Resolve = Parameters<Parameters<typeof Taro.onNeedPrivacyAuthorization>[0]>[0];

let agreedHere = false;
let asking = false;
const waiting: Array<(agreed: boolean) => void> = [];
/** WeChat's own waits: a privacy API it is holding until the user answers. */
const wechatWaiting: Resolve[] = [];

function withTimeout<T>(promise: Promise<T>, fallback: T, ms: number): Promise<T> {
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

/** A base library before 2.32.3 has no agreement flow (and none of its APIs). */
const baseLibraryHas = (api: string): boolean => typeof Taro.canIUse !== 'function' || Taro.canIUse(api);

/**
 * Whether WeChat still needs the user's agreement (never on a base library
 * without the agreement flow, nor on H5).
 */
export async function privacyAgreementNeeded(): Promise<boolean> {
  if (isH5() || agreedHere || !baseLibraryHas('getPrivacySetting')) return false;
  const setting = wxCall<{ needAuthorization: boolean }>((callbacks) => Taro.getPrivacySetting(callbacks));
  return withTimeout(setting.then((s) => s.needAuthorization === true), false, SETTING_TIMEOUT_MS);
}

/** Open the privacy page (once, however many calls are waiting) and wait for the answer. */
function askOnPrivacyPage(): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    waiting.push(resolve);
    if (asking) return;
    asking = true;
    Taro.navigateTo({ url: ROUTES.privacy }).catch(() => answerPrivacy(false));
  });
}

/**
 * Resolves true once the user has agreed (at once when nothing is needed) and
 * false when they decline: call it before location, photos, the clipboard or
 * the phone number, and do nothing more on false.
 */
export async function ensurePrivacyAgreed(): Promise<boolean> {
  if (!(await privacyAgreementNeeded())) return true;
  return askOnPrivacyPage();
}

/**
 * Run a call that needs the agreement (location, photos, clipboard) only once
 * it is given; undefined when the user declines.
 */
export async function withPrivacy<T>(use: () => Promise<T>): Promise<T | undefined> {
  return (await ensurePrivacyAgreed()) ? use() : undefined;
}

/** Whether the privacy page was opened to answer someone (else it was opened to be read). */
export const privacyQuestionOpen = (): boolean => asking;

/** The privacy page shows: WeChat is told its held call's prompt is on screen. */
export function privacyPageShown(): void {
  for (const resolve of wechatWaiting) resolve({ event: 'exposureAuthorization' });
}

/** The privacy page's answer (also when it is left without one: false). */
export function answerPrivacy(agreed: boolean): void {
  asking = false;
  if (agreed) agreedHere = true;
  for (const resolve of wechatWaiting.splice(0)) resolve(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' });
  for (const resolve of waiting.splice(0)) resolve(agreed);
}

let listening = false;
/**
 * WeChat asks when a privacy API was called before the agreement (e.g. a
 * `getPhoneNumber` button tapped): show our page, and hand WeChat the answer.
 * Called once, when the app launches.
 */
export function listenForPrivacyRequests(): void {
  if (listening || isH5() || !baseLibraryHas('onNeedPrivacyAuthorization')) return;
  listening = true;
  try {
    Taro.onNeedPrivacyAuthorization((resolve) => {
      wechatWaiting.push(resolve);
      if (asking) {
        resolve({ event: 'exposureAuthorization' });
        return;
      }
      void askOnPrivacyPage();
    });
  } catch {
    // A base library without the agreement flow.
  }
}

/** For tests: forget this session's agreement and any open question. */
export function resetPrivacyForTests(): void {
  agreedHere = false;
  asking = false;
  listening = false;
  waiting.splice(0);
  wechatWaiting.splice(0);
}
