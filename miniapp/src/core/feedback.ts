import Taro from '@tarojs/taro';

/** WeChat cuts a toast with an icon after 7 characters. */
export const SUCCESS_TOAST_MAX = 7;

/** Characters as people count them (a surrogate pair is one). */
const length = (text: string) => Array.from(text).length;

/**
 * Say that something worked: a success toast when the words fit in one (at most
 * 7 characters), otherwise a modal, which holds a sentence. Resolves when the
 * modal is closed (at once for a toast), so a page can move on after it.
 * The one place the app shows a success toast.
 */
export async function showDone(text: string): Promise<void> {
  if (length(text) <= SUCCESS_TOAST_MAX) {
    void Taro.showToast({ title: text, icon: 'success' });
    return;
  }
  await Taro.showModal({ title: '', content: text, showCancel: false, confirmText: '知道了' }).catch(() => undefined);
}
