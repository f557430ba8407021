/** What a WeChat-style API takes besides its own options. */
export interface WxCallbacks<R> {
  success: (result: R) => void;
  fail: (error: unknown) => void;
}

/**
 * A WeChat-style API call as a promise. Taro 4 promisifies only the APIs on its
 * list: `chooseMedia`, `getPrivacySetting` and `openPrivacyContract` answer
 * through their callbacks alone on weapp, while H5 and the listed APIs also
 * return a promise. Whichever answers first settles the call; the other is
 * ignored (and a rejected returned promise is not left unhandled).
 */
export function wxCall<R>(call: (callbacks: WxCallbacks<R>) => unknown): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    const once =
      <V>(settle: (value: V) => void) =>
      (value: V) => {
        if (settled) return;
        settled = true;
        settle(value);
      };
    const callbacks: WxCallbacks<R> = { success: once(resolve), fail: once(reject) };
    try {
      const returned = call(callbacks) as PromiseLike<R> | undefined;
      if (returned && typeof returned.then === 'function') returned.then(callbacks.success, callbacks.fail);
    } catch (caught) {
      callbacks.fail(caught);
    }
  });
}

/** A fail callback's reason: the user closed the picker or dialog. */
export const cancelled = (caught: unknown): boolean => /cancel/i.test((caught as { errMsg?: string } | null)?.errMsg ?? '');
