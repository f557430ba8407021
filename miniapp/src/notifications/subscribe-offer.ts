import Taro from '@tarojs/taro';
import { useCallback, useEffect } from 'react';
import { showDone } from '../core/feedback';
import { isH5 } from '../core/platform';
import { wxCall } from '../core/wx-call';
import { fetchSubscribeTemplates, reportSubscriptions } from './api';

/**
 * WeChat one-time subscribe messages: one acceptance in
 * `requestSubscribeMessage`, one WeChat message about a status change. Offered
 * right after something is filed whose status will change (a complaint, a mask
 * reservation, a health declaration or appeal, an enterprise filing); every
 * message is in the app's own list whatever the answer.
 *
 * WeChat opens its subscribe dialog only from a tap, never after a network
 * reply, so the offer is a modal that also says the filing went through, and
 * its 接收 tap calls `requestSubscribeMessage`.
 *
 * H5 has no subscribe messages (a browser receives none): the filing is
 * confirmed as usual, nothing is asked and nothing is reported.
 */

export const OFFER_TEXT = '要在微信里接收办理进度通知吗？每同意一次，可以收到一条。';

/** The status-change template id, fetched once and kept; null when the BFF offers none (asked again next time). */
let template: Promise<string | null> | null = null;
function statusChangeTemplate(): Promise<string | null> {
  template ??= fetchSubscribeTemplates().then(
    (templates) => templates.statusChange || null,
    () => {
      template = null;
      return null;
    },
  );
  return template;
}

/** For tests: forget the kept template id. */
export function forgetSubscribeTemplateForTests(): void {
  template = null;
}

/** Ask in a modal; on its 接收 tap (still the user's tap) ask WeChat. Resolves with the accepted template ids. */
function askInModal(done: string, templateId: string): Promise<string[]> {
  return new Promise<string[]>((resolve) => {
    let answered = false;
    const onAnswer = (accept: boolean) => {
      if (answered) return;
      answered = true;
      if (!accept) {
        resolve([]);
        return;
      }
      wxCall<Taro.requestSubscribeMessage.SuccessCallbackResult>((callbacks) =>
        Taro.requestSubscribeMessage({ tmplIds: [templateId], ...callbacks } as Taro.requestSubscribeMessage.Option),
      ).then(
        (result) => resolve(result[templateId] === 'accept' ? [templateId] : []),
        () => resolve([]), // refused by WeChat (e.g. turned off in settings): nothing to report
      );
    };
    // The success callback runs inside the tap; the promise is a fallback for a shell that only resolves.
    const shown = Taro.showModal({
      title: done,
      content: OFFER_TEXT,
      confirmText: '接收',
      cancelText: '不用了',
      success: (result) => onAnswer(result.confirm),
      fail: () => onAnswer(false),
    });
    Promise.resolve(shown).then(
      (result) => onAnswer(!!result?.confirm),
      () => onAnswer(false),
    );
  });
}

/**
 * Confirm a filing (`done`, e.g. '已提交') and offer WeChat notices of its
 * progress; the accepted template ids are reported to the BFF. Resolves once
 * the user has answered, so the page can move on after.
 */
export async function offerStatusUpdates(done: string): Promise<void> {
  const templateId = isH5() ? null : await statusChangeTemplate();
  if (!templateId) {
    await showDone(done);
    return;
  }
  const accepted = await askInModal(done, templateId);
  if (accepted.length === 0) return;
  try {
    await reportSubscriptions({ accepted });
  } catch {
    // Not counted: the in-app message still arrives.
  }
}

/**
 * The offer for a page that files something: the template id is fetched when
 * the page opens, so the modal follows the filing at once.
 */
export function useStatusUpdatesOffer(): (done: string) => Promise<void> {
  useEffect(() => {
    if (!isH5()) void statusChangeTemplate();
  }, []);
  return useCallback((done: string) => offerStatusUpdates(done), []);
}
