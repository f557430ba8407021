import Taro from '@tarojs/taro';
import { showDone } from '../core/feedback';
import { confirmDesktopTicket, fetchMe } from './api';

/**
 * A phone read a computer's sign-in QR code: say who the computer will be
 * signed in as, and sign it in only when the user agrees. Refusals (an expired
 * or already used code) are thrown as ApiErrors for the scanner to word.
 */
export async function confirmDesktopSignIn(ticket: string): Promise<'confirmed' | 'declined'> {
  const me = await fetchMe();
  const { confirm } = await Taro.showModal({ title: '电脑登录', content: `在电脑上登录为 ${me.displayName}？`, confirmText: '登录', cancelText: '取消' });
  if (!confirm) return 'declined';
  await confirmDesktopTicket(ticket);
  void showDone('电脑已登录');
  return 'confirmed';
}
