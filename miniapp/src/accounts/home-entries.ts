import Taro from '@tarojs/taro';
import { NOT_BUILT_NOTICE, type HomeEntry } from '@sqtb/shared';

/** Built entries open their page; unbuilt ones only say so, never an empty page. */
export function openEntry(entry: HomeEntry): void {
  if (entry.built && entry.path) {
    void Taro.navigateTo({ url: entry.path });
    return;
  }
  void Taro.showToast({ title: NOT_BUILT_NOTICE, icon: 'none' });
}
