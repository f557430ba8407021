import Taro from '@tarojs/taro';
import type { MessageView } from '@sqtb/shared';
import { markMessageRead } from './api';

/**
 * Tapping a message marks it read (once) and opens the page it links to. A failed
 * mark-read does not keep the resident from the page: it stays unread and is
 * marked again next time.
 */
export async function openMessage(message: MessageView, onRead: (id: string) => void): Promise<void> {
  if (!message.read) {
    try {
      await markMessageRead(message.id);
      onRead(message.id);
    } catch {
      // see above
    }
  }
  if (message.link) await Taro.navigateTo({ url: message.link });
}
